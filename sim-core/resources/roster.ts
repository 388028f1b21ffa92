import { PRIORITY } from '../priorities.js';
import type { Simulation } from '../simulation.js';
import type { ClaimBook } from './claim-book.js';
import type { Resource } from './resource.js';

/** One step of a roster: from minute `at` of the cycle on, `capacity` units are on duty. */
export interface RosterChange {
  at: number;
  capacity: number;
}

export interface Roster {
  /** Changes within one cycle, any order; the last one of the cycle carries over into the next. */
  changes: readonly RosterChange[];
  /** Length of the cycle in minutes (10080 for a weekly roster). */
  cycle: number;
  /** Minute of the cycle at which simulation time 0 falls (e.g. the start's minute of the week). */
  offset?: number;
}

/** Capacity on duty at minute `t` of the simulation under `roster`. */
export function rosterCapacityAt(roster: Roster, t: number): number {
  const changes = sortedChanges(roster);
  const m = mod(t + (roster.offset ?? 0), roster.cycle);
  let cap = changes[changes.length - 1]!.capacity;
  for (const c of changes) if (c.at <= m) cap = c.capacity;
  return cap;
}

/**
 * Makes `resource` follow `roster`: its capacity is set at every change point,
 * cycle after cycle. Staff still busy when their shift ends finish the task in
 * hand; the resource counts that time as overtime.
 */
export function followRoster(
  sim: Simulation,
  book: ClaimBook,
  resource: Resource,
  roster: Roster,
  apply: (capacity: number) => void = (capacity) => book.setCapacity(resource, capacity),
): void {
  if (roster.changes.length === 0) throw new Error(`roster of ${resource.name}: needs at least one change`);
  if (!(roster.cycle > 0)) throw new Error(`roster of ${resource.name}: cycle must be positive, got ${roster.cycle}`);
  const changes = sortedChanges(roster);
  for (const c of changes) {
    if (!(c.at >= 0 && c.at < roster.cycle)) {
      throw new Error(`roster of ${resource.name}: change at ${c.at} lies outside the cycle [0, ${roster.cycle})`);
    }
  }
  const offset = roster.offset ?? 0;
  apply(rosterCapacityAt(roster, sim.now));
  const kind = sim.register(`roster:${resource.name}`, (index) => {
    apply(changes[index]!.capacity);
    scheduleNext(index);
  });
  const scheduleNext = (index: number): void => {
    const next = (index + 1) % changes.length;
    const cycleStart = sim.now - mod(sim.now + offset, roster.cycle);
    let t = cycleStart + changes[next]!.at;
    if (t <= sim.now) t += roster.cycle;
    sim.at(t, kind, next, 0, PRIORITY.CAPACITY);
  };
  // The first change after now.
  const m = mod(sim.now + offset, roster.cycle);
  let first = changes.findIndex((c) => c.at > m);
  if (first < 0) first = 0;
  const cycleStart = sim.now - m;
  let t = cycleStart + changes[first]!.at;
  if (t <= sim.now) t += roster.cycle;
  sim.at(t, kind, first, 0, PRIORITY.CAPACITY);
}

/** Minutes from `t` until the roster next lowers capacity (the end of a session or shift); Infinity if never. */
export function minutesUntilCapacityDrop(roster: Roster, t: number): number {
  const changes = sortedChanges(roster);
  const offset = roster.offset ?? 0;
  let current = rosterCapacityAt(roster, t);
  const m = mod(t + offset, roster.cycle);
  for (let lap = 0; lap < 2; lap++) {
    for (const c of changes) {
      const at = c.at + lap * roster.cycle;
      if (at <= m) continue;
      if (c.capacity < current) return at - m;
      current = c.capacity;
    }
  }
  return Infinity;
}

/**
 * Sorted once per roster: an operating room asks "how long until the session
 * ends" before every case, and sorting a copy each time was most of the garbage
 * a replication made. Rosters are not changed once given to the simulation.
 */
const sortedCache = new WeakMap<Roster, readonly RosterChange[]>();

function sortedChanges(roster: Roster): readonly RosterChange[] {
  let sorted = sortedCache.get(roster);
  if (sorted === undefined) {
    sorted = [...roster.changes].sort((a, b) => a.at - b.at);
    sortedCache.set(roster, sorted);
  }
  return sorted;
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}
