/**
 * An emergency case against a theatre's list: when a claim of priority above 0
 * takes a room that says what happens to the list (`bumpedElective`), the first
 * elective case (priority 0 or below) waiting for that room is bumped. It is
 * cancelled at once (`cancel`), or goes after the emergency (`move`: the line's
 * priority order already does that). The case under way is never interrupted: a
 * bump takes the next slot of the list, not the table from a patient on it.
 */
import type { Resource } from '../resources/resource.js';
import { endBoarding } from './boarding.js';
import type { Run } from './verb.js';

export class ListBumps {
  /** Per resource: its rule, or null for a room that does not count bumps. */
  private readonly rule: readonly ('cancel' | 'move' | null)[];
  readonly any: boolean;

  constructor(private readonly r: Run) {
    this.rule = r.model.resources.map((x) => x.bumpedElective ?? null);
    this.any = this.rule.some((x) => x !== null);
  }

  /** Claim `claim` was granted its set at priority `priority`: count the emergency's wait and bump the next elective case. */
  granted(claim: number, priority: number, set: readonly Resource[]): void {
    if (priority <= 0) return;
    const { r } = this;
    for (let k = 0; k < set.length; k++) {
      const room = set[k]!;
      const rule = this.rule[room.id];
      if (rule === null || rule === undefined) continue;
      room.urgentGrants++;
      room.urgentWaitMinutes += r.sim.now - r.book.requestedAt(claim);
      const victim = firstElective(r, room);
      if (victim < 0) continue;
      room.bumped++;
      if (rule === 'cancel') this.cancelWaiting(victim);
    }
  }

  /** The bumped case leaves the line and is cancelled, as one that waited too long would be. */
  private cancelWaiting(claim: number): void {
    const { r } = this;
    const pt = r.patients;
    const p = r.book.entityOf(claim);
    if (!r.book.renege(claim)) return;
    pt.waitingClaim[p] = -1;
    if (pt.renegeTimer[p]! >= 0) {
      r.sim.cancel(pt.renegeTimer[p]!);
      pt.renegeTimer[p] = -1;
    }
    const i = pt.step[p]!;
    r.observe.waited(p, pt.pathwayOf[p]!, i, r.sim.now - r.book.requestedAt(claim));
    endBoarding(pt, r.observe, p);
    r.cancel(p);
  }
}

/** The first claim of priority 0 or below in the room's line, or -1. */
function firstElective(r: Run, room: Resource): number {
  for (let i = 0; i < room.waiting.length; i++) {
    const c = room.waiting.at(i);
    if (r.book.priorityOf(c) <= 0) return c;
  }
  return -1;
}
