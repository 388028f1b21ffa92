/**
 * What a flow of cases shows, as raw observations to fit: each transition
 * between steps with the time it took, each activity's own duration, ward
 * stays as intervals, lengths of stay, and the time from arrival to each
 * activity's first occurrence. One pass over the cases of one class (or all).
 */
import type { Flow, LogCase } from '../read/flow.js';

export const START = '(start)';
export const END = '(end)';

export interface Observation {
  /** Minutes. */
  value: number;
  /** Right-censored: at least this long (still open when the log ends). */
  censored: boolean;
  attributes: Record<string, string>;
}

export interface StaySegment {
  ward: string;
  activity: string;
  case: string;
  start: number;
  /** null: still in the ward when the log ends. */
  end: number | null;
  /** Wall clock minus instant at the start (for hours of the day). */
  offset: number;
}

export interface Observations {
  cases: LogCase[];
  /** Times between steps by `from\u0000to` (intervals: end of one to start of the next; events: time between events). */
  gaps: Map<string, Observation[]>;
  /** Each activity's own duration (interval logs). */
  durations: Map<string, Observation[]>;
  stays: StaySegment[];
  /** Lengths of stay as the mapping defines them (`lengthOfStay`), else each ward stay. */
  lengthsOfStay: Observation[];
  /** Arrival to end (end marker or last activity), closed cases only. */
  caseDurations: number[];
  /** Minutes from arrival to each activity's first occurrence, per case that reaches it. */
  timeToFirst: Map<string, number[]>;
  /** Interval logs: a step that began before the one before it had ended. */
  overlaps: number;
  /**
   * With `openEnded: censor`: the time from an open case's last step to the end of the log, by that step, as
   * right-censored values (the case was still there: its next step came at least this long after).
   */
  openAfter: Map<string, Observation[]>;
}

export function gapKey(from: string, to: string): string {
  return `${from}\u0000${to}`;
}

export function observe(flow: Flow, cases: LogCase[] = flow.cases): Observations {
  const o: Observations = {
    cases,
    gaps: new Map(),
    durations: new Map(),
    stays: [],
    lengthsOfStay: [],
    caseDurations: [],
    timeToFirst: new Map(),
    overlaps: 0,
    openAfter: new Map(),
  };
  const censor = flow.options.openEnded === 'censor';
  const intervals = flow.log.kind === 'intervals';
  const push = <T>(map: Map<string, T[]>, key: string, value: T): void => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };

  for (const c of cases) {
    const open = (start: number): Observation | null => (censor ? { value: flow.observedUntil - start, censored: true, attributes: c.attributes } : null);
    let prev = START;
    let prevEnd: number | null = c.arrival;
    const seen = new Set<string>();
    for (const e of c.events) {
      if (prevEnd !== null) {
        let gap = e.start - prevEnd;
        if (gap < 0) {
          o.overlaps++;
          gap = 0;
        }
        push(o.gaps, gapKey(prev, e.activity), { value: gap, censored: false, attributes: c.attributes });
      }
      if (intervals) {
        if (e.end !== null) push(o.durations, e.activity, { value: e.end - e.start, censored: false, attributes: c.attributes });
        else if (e === c.events[c.events.length - 1]) {
          const obs = open(e.start);
          if (obs) push(o.durations, e.activity, obs);
        }
      }
      if (!seen.has(e.activity)) {
        seen.add(e.activity);
        push(o.timeToFirst, e.activity, e.start - c.arrival);
      }
      prev = e.activity;
      prevEnd = intervals ? e.end : e.start;
    }
    const last = c.events[c.events.length - 1]!;
    // (Transitions between steps are counted by observeStates in routing-memory.ts.)
    if (c.open && censor && prevEnd !== null)
      push(o.openAfter, prev, { value: Math.max(0, flow.observedUntil - prevEnd), censored: true, attributes: c.attributes });
    if (!c.open) {
      const lastEnd = last.end ?? last.start;
      push(o.gaps, gapKey(prev, END), { value: c.endMarker !== null ? Math.max(0, c.endMarker - lastEnd) : 0, censored: false, attributes: c.attributes });
      o.caseDurations.push((c.endMarker ?? lastEnd) - c.arrival);
    }
    const segments = staySegments(c, flow, intervals);
    o.stays.push(...segments);
    if (flow.options.lengthOfStay) {
      const los = lengthOfStay(c, flow.options.lengthOfStay);
      if (los) {
        if (los.end !== null) o.lengthsOfStay.push({ value: los.end - los.start, censored: false, attributes: c.attributes });
        else {
          const obs = open(los.start);
          if (obs) o.lengthsOfStay.push(obs);
        }
      }
    } else {
      for (const s of segments) {
        if (s.end !== null) o.lengthsOfStay.push({ value: s.end - s.start, censored: false, attributes: c.attributes });
        else {
          const obs = open(s.start);
          if (obs) o.lengthsOfStay.push(obs);
        }
      }
    }
  }
  return o;
}

/** The case's ward stays: interval rows of stay activities, or (one time per event) admission to the next admission or release. */
function staySegments(c: LogCase, flow: Flow, intervals: boolean): StaySegment[] {
  const out: StaySegment[] = [];
  if (intervals) {
    for (const e of c.events) {
      const w = flow.stayWard.get(e.activity);
      if (w) out.push({ ward: w.ward, activity: e.activity, case: c.id, start: e.start, end: e.end, offset: e.wall - e.start });
    }
    return out;
  }
  let current: StaySegment | null = null;
  for (const e of c.events) {
    const w = flow.stayWard.get(e.activity);
    if (current && (w || flow.stayEnds.has(e.activity))) {
      current.end = e.start;
      out.push(current);
      current = null;
    }
    if (w) current = { ward: w.ward, activity: e.activity, case: c.id, start: e.start, end: null, offset: e.wall - e.start };
  }
  if (current) {
    // Without release activities a stay lasts to the case's last event; with them, an unreleased stay is still open.
    const last = c.events[c.events.length - 1]!;
    if (flow.stayEnds.size === 0 && last.start > current.start) current.end = last.start;
    out.push(current);
  }
  return out;
}

/** The case's length of stay as the mapping defines it; null when the case never starts one (an ED visit with no admission). */
function lengthOfStay(c: LogCase, def: NonNullable<Flow['options']['lengthOfStay']>): { start: number; end: number | null } | null {
  const { events } = c;
  const from = def.from ? new Set(def.from) : null;
  const before = new Set(def.fromFirstOtherThan ?? []);
  const k = events.findIndex((e) => (from ? from.has(e.activity) : !before.has(e.activity)));
  if (k < 0) return null;
  const start = events[k]!.start;
  if (def.to === undefined) {
    // To the end of the case: unknown while the case is open.
    const last = events[events.length - 1]!;
    return { start, end: c.open ? null : (c.endMarker ?? last.end ?? last.start) };
  }
  const to = new Set(def.to);
  for (let j = k + 1; j < events.length; j++) if (to.has(events[j]!.activity)) return { start, end: events[j]!.start };
  return { start, end: null };
}
