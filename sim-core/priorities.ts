/**
 * Tie-break priorities for events at the same instant (lower runs first).
 * Each encodes a rule a modeller relies on:
 */
export const PRIORITY = {
  /** Ends of holds release resources first, so a bed freed at t is usable at t. */
  RELEASE: 0,
  /** Roster capacity changes apply before anyone is served at the shift boundary. */
  CAPACITY: 1,
  /** Grants of waiting claims are delivered before new arrivals ask, keeping the queue's order. */
  GRANT: 2,
  /** Preemption notices reach the interrupted holder right after the grant that caused them. */
  PREEMPT: 3,
  /** Ordinary events: timers, reneging, stock deliveries. */
  DEFAULT: 5,
  /** Arrivals come last, so that they see the state after everything else at t. */
  ARRIVAL: 8,
  /** Observers (snapshots for charts and warm-up detection) see the state each instant ends in. */
  SNAPSHOT: 9,
} as const;
