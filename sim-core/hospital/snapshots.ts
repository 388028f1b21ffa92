/**
 * The number of patients in the hospital every `every` minutes from time 0
 * (warm-up included), for warm-up detection and charts: an observer that
 * counts patients in and out and looks at the count after everything else at
 * each snapshot minute.
 */
import { PRIORITY } from '../priorities.js';
import type { ObserverContext, RunFindings } from './observer.js';
import type { ExitKind } from './trace-words.js';

export class SnapshotObserver {
  private readonly inSystem: number[] = [];
  private count = 0;
  private kind = -1;

  constructor(
    private readonly run: ObserverContext,
    private readonly every: number,
  ) {}

  /** Takes the first snapshot at time 0, after everything else at that minute. */
  start(): void {
    this.kind = this.run.sim.register('snapshot', this.onSnapshot, this);
    this.run.sim.schedule(0, this.kind, 0, 0, PRIORITY.SNAPSHOT);
  }

  arrived(): void {
    this.count++;
  }

  placed(): void {
    this.count++;
  }

  left(_p: number, _how: ExitKind, _completed: boolean): void {
    this.count--;
  }

  close(into: RunFindings): void {
    into.snapshots = { every: this.every, inSystem: this.inSystem };
  }

  private onSnapshot(): void {
    this.inSystem.push(this.count);
    if (this.run.sim.now + this.every <= this.run.end) this.run.sim.schedule(this.every, this.kind, 0, 0, PRIORITY.SNAPSHOT);
  }
}
