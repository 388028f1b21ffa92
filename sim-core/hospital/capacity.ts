/**
 * Units on duty: each resource's roster (shifts, sessions, opening hours) and
 * breakdowns (a failure takes one unit out of service, one of two scanners,
 * until it is repaired). Both start when built, their first events scheduled
 * in model order.
 */
import { PRIORITY } from '../priorities.js';
import { sharedDistribution } from '../random/distributions/index.js';
import type { ClaimBook } from '../resources/claim-book.js';
import type { Resource } from '../resources/resource.js';
import { followRoster } from '../resources/roster.js';
import type { Simulation } from '../simulation.js';
import type { HospitalModel, ResourceModel } from './model.js';
import type { Observers } from './observers.js';

export class Capacity {
  private readonly scheduled: number[];
  private readonly broken: boolean[];
  /** Held back (a doctor late for a session): no unit on duty until the hold ends. */
  private readonly heldBack: boolean[];
  /** Registered at the first hold, so that a model without one registers nothing more. */
  private holdEndKind = -1;

  constructor(
    private readonly sim: Simulation,
    private readonly book: ClaimBook,
    private readonly resources: readonly Resource[],
    private readonly observe: Observers,
    model: HospitalModel,
    private readonly rep: string,
  ) {
    this.scheduled = model.resources.map((r) => r.capacity);
    this.broken = model.resources.map(() => false);
    this.heldBack = model.resources.map(() => false);
    model.resources.forEach((r, i) => {
      const roster = r.roster ? { ...r.roster, offset: model.startMinuteOfWeek } : undefined;
      if (roster) {
        followRoster(sim, book, resources[i]!, roster, (c) => {
          this.scheduled[i] = c;
          this.apply(i);
        });
      }
      if (r.breakdowns) this.startBreakdowns(r, i);
    });
  }

  /** Resource `i` has no unit on duty for the next `minutes` (its roster resumes after), as a doctor late for a session. */
  holdBack(i: number, minutes: number): void {
    if (this.holdEndKind < 0) {
      this.holdEndKind = this.sim.register('held-back-end', (r) => {
        this.heldBack[r] = false;
        this.apply(r);
      });
    }
    this.heldBack[i] = true;
    this.apply(i);
    this.sim.schedule(minutes, this.holdEndKind, i, 0, PRIORITY.CAPACITY);
  }

  /** A failure takes one unit out of service (one of two scanners), not the whole device. */
  private apply(i: number): void {
    const scheduled = this.heldBack[i] ? 0 : this.scheduled[i]!;
    this.book.setCapacity(this.resources[i]!, this.broken[i] ? Math.max(0, scheduled - 1) : scheduled);
  }

  private startBreakdowns(r: ResourceModel, i: number): void {
    const { sim } = this;
    const tbf = sharedDistribution(r.breakdowns!.timeBetweenFailures);
    const ttr = sharedDistribution(r.breakdowns!.timeToRepair);
    const rng = sim.stream(`breakdowns:${r.name}${this.rep}`);
    const kind = sim.register(`breakdown:${r.name}`, (_e, down) => {
      this.broken[i] = down === 1;
      this.apply(i);
      this.observe.brokeDown(i, down === 1);
      sim.schedule((down === 1 ? ttr : tbf).sample(rng), kind, 0, down === 1 ? 0 : 1, PRIORITY.CAPACITY);
    });
    sim.schedule(tbf.sample(rng), kind, 0, 1, PRIORITY.CAPACITY);
  }
}
