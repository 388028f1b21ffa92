/**
 * The number of patients in the hospital every `every` minutes from time 0
 * (warm-up included), for warm-up detection and charts: an observer that
 * counts patients in and out and looks at the count after everything else at
 * each snapshot minute.
 */
import { PRIORITY } from '../priorities.js';
import type { Simulation } from '../simulation.js';
import { QuietObserver } from './observer.js';
import type { ExitKind } from './trace-words.js';

export class SnapshotObserver extends QuietObserver {
  readonly inSystem: number[] = [];
  private count = 0;
  private kind = -1;

  constructor(
    private readonly sim: Simulation,
    readonly every: number,
    private readonly end: number,
  ) {
    super();
  }

  /** Takes the first snapshot at time 0, after everything else at that minute. */
  start(): void {
    this.kind = this.sim.register('snapshot', this.onSnapshot, this);
    this.sim.schedule(0, this.kind, 0, 0, PRIORITY.SNAPSHOT);
  }

  override arrived(): void {
    this.count++;
  }

  override placed(): void {
    this.count++;
  }

  override left(_p: number, _how: ExitKind, _completed: boolean): void {
    this.count--;
  }

  private onSnapshot(): void {
    this.inSystem.push(this.count);
    if (this.sim.now + this.every <= this.end) this.sim.schedule(this.every, this.kind, 0, 0, PRIORITY.SNAPSHOT);
  }
}
