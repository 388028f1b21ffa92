/**
 * From the rows of an event log to cases: each case's activities in time order
 * (dropped activities and start/end markers taken out), its attributes, its
 * class, when it arrived and whether it was still open when the log ends.
 */
import { CalibrationError } from '../errors.js';
import { INPUT_LIMITS, maxOf, minOf } from '../../scenarios/index.js';
import type { EventLog, LogRow } from './read-log.js';
import type { ModelOptions } from './mapping.js';
import { uniqueIds } from '../build/unique-ids.js';

export interface CaseEvent {
  activity: string;
  /** Instants, minutes since the epoch; for one-time-per-event logs end = start. */
  start: number;
  /** null: still open when the log ends. */
  end: number | null;
  /** Wall clock of the start (see ParsedTime.wall). */
  wall: number;
  resource: string | null;
}

export interface LogCase {
  id: string;
  /** Class name (the value of `classBy`, or the single class). */
  cls: string;
  attributes: Record<string, string>;
  arrival: number;
  arrivalWall: number;
  /** Time of the case's end marker, if it has one. */
  endMarker: number | null;
  /** No end is known: the case was still under way when the log ends (see `Flow.openCases`). */
  open: boolean;
  events: CaseEvent[];
}

export interface StayWard {
  ward: string;
  type: 'general' | 'icu' | 'stepdown' | 'ed';
}

export interface Flow {
  log: EventLog;
  options: ModelOptions;
  cases: LogCase[];
  /** Kept activities, most frequent first. */
  activities: string[];
  classes: string[];
  /** Activity → the ward it puts the patient in. */
  stayWard: Map<string, StayWard>;
  stayEnds: Set<string>;
  /** The last time in the log (instant): open stays are censored here. */
  observedUntil: number;
  /** Whole days (wall clock, midnight to midnight) that hold every arrival. */
  window: { from: number; to: number; days: number };
  dropped: { rows: number; cases: number; byActivity: Record<string, number> };
}

export const SINGLE_CLASS = 'patients';

/** Cases of a log under the model options; `window` fixes the arrival window (for logs compared with another). */
export function prepareFlow(log: EventLog, options: ModelOptions, window?: Flow['window']): Flow {
  const byCase = new Map<string, LogRow[]>();
  for (const r of log.rows) {
    const rows = byCase.get(r.case);
    if (rows) rows.push(r);
    else byCase.set(r.case, [r]);
  }
  const drop = new Set(options.drop);
  const keep = options.keep ? new Set(options.keep) : null;
  const starts = new Set(options.caseStart);
  const ends = new Set(options.caseEnd);
  const stayWard = new Map<string, StayWard>(options.stays.activities.map((s) => [s.activity, { ward: s.ward, type: s.type }]));
  const prefix = options.stays.prefix;
  const stayEnds = new Set(options.stays.endAt);
  const droppedBy: Record<string, number> = {};
  let droppedRows = 0;
  let emptyCases = 0;
  let observedUntil = -Infinity;
  const cases: LogCase[] = [];
  const frequency = new Map<string, number>();

  for (const [id, rows] of byCase) {
    rows.sort((a, b) => a.start - b.start || a.line - b.line);
    const attributes: Record<string, string> = {};
    for (const r of rows) {
      for (const [k, v] of Object.entries(r.attributes))
        if (!Object.hasOwn(attributes, k)) Object.defineProperty(attributes, k, { value: v, enumerable: true, writable: true, configurable: true });
      observedUntil = Math.max(observedUntil, r.end ?? r.start);
    }
    let arrival: { at: number; wall: number } | null = null;
    let endMarker: number | null = null;
    const events: CaseEvent[] = [];
    for (const r of rows) {
      if (starts.has(r.activity)) {
        if (arrival === null) arrival = { at: r.start, wall: r.start + r.wallOffset };
        continue;
      }
      if (ends.has(r.activity)) {
        endMarker = Math.max(endMarker ?? -Infinity, r.end ?? r.start);
        continue;
      }
      if (drop.has(r.activity) || (keep && !keep.has(r.activity))) {
        droppedBy[r.activity] = (droppedBy[r.activity] ?? 0) + 1;
        droppedRows++;
        continue;
      }
      if (prefix && r.activity.startsWith(prefix) && !stayWard.has(r.activity)) {
        stayWard.set(r.activity, { ward: wardId(r.activity.slice(prefix.length)), type: 'general' });
      }
      events.push({ activity: r.activity, start: r.start, end: r.end, wall: r.start + r.wallOffset, resource: r.resource });
      frequency.set(r.activity, (frequency.get(r.activity) ?? 0) + 1);
    }
    if (events.length === 0) {
      emptyCases++;
      continue;
    }
    arrival ??= { at: events[0]!.start, wall: events[0]!.wall };
    const cls =
      options.classBy === undefined ? SINGLE_CLASS : ((Object.hasOwn(attributes, options.classBy) ? attributes[options.classBy] : undefined) ?? 'unknown');
    cases.push({ id, cls, attributes, arrival: arrival.at, arrivalWall: arrival.wall, endMarker, open: false, events });
  }
  if (frequency.size > INPUT_LIMITS.distinctActivities) {
    throw new CalibrationError(log.source, [
      `has ${frequency.size} distinct activities, more than the ${INPUT_LIMITS.distinctActivities} calibration takes (its routing tables grow with the square of them): leave some out or keep only some in the mapping (model.drop, model.keep)`,
    ]);
  }
  if (options.stays.others !== undefined)
    addOtherStays(
      stayWard,
      [...frequency.keys()].filter((a) => !stayEnds.has(a)),
      options.stays.others,
    );
  for (const c of cases) c.open = isOpen(c, log.kind, options, stayWard, stayEnds);

  const arrivals = cases.map((c) => c.arrivalWall);
  const from = window?.from ?? Math.floor(minOf(arrivals) / 1440) * 1440;
  const to = window?.to ?? (Math.floor(maxOf(arrivals) / 1440) + 1) * 1440;
  const inWindow = window ? cases.filter((c) => c.arrivalWall >= from && c.arrivalWall < to) : cases;
  const classes = [...new Set(inWindow.map((c) => c.cls))].sort();
  return {
    log,
    options,
    cases: inWindow,
    activities: [...frequency].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([a]) => a),
    classes,
    stayWard,
    stayEnds,
    observedUntil,
    window: { from, to, days: (to - from) / 1440 },
    dropped: { rows: droppedRows, cases: emptyCases, byActivity: droppedBy },
  };
}

/**
 * A case is open when the log cannot say how it ended: its last activity has no
 * end, it has no end marker although the log writes them, or (one time per event)
 * it is still in a ward stay that the log says ends at a release.
 */
function isOpen(c: LogCase, kind: EventLog['kind'], options: ModelOptions, stayWard: Map<string, StayWard>, stayEnds: Set<string>): boolean {
  const last = c.events[c.events.length - 1]!;
  if (last.end === null) return true;
  if (options.caseEnd.length > 0 && c.endMarker === null) return true;
  if (kind === 'events' && stayEnds.size > 0) {
    let inStay = false;
    for (const e of c.events) {
      if (stayWard.has(e.activity)) inStay = true;
      else if (stayEnds.has(e.activity)) inStay = false;
    }
    return inStay;
  }
  return false;
}

/**
 * `stays.others`: each activity not yet a stay gets a ward of its own. Names are taken in sorted order and an
 * id already taken gets -2, -3, so the same activities give the same ids whatever order the rows came in
 * (the validation's simulated log is read with the same options).
 */
function addOtherStays(stayWard: Map<string, StayWard>, activities: string[], type: StayWard['type']): void {
  const unique = uniqueIds([...stayWard.values()].map((w) => w.ward));
  for (const a of [...activities].sort()) {
    if (!stayWard.has(a)) stayWard.set(a, { ward: unique(wardId(a)), type });
  }
}

/** A ward id from free text: letters, digits, _ and -, starting with a letter. */
export function wardId(text: string): string {
  return /^[A-Za-z][A-Za-z0-9_-]*$/.test(text) ? text : slug(text) || 'ward';
}

/** An id made from a name ("ER Triage" → "er-triage"). */
export function slug(text: string): string {
  const s = text
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return /^[a-z]/.test(s) ? s : s ? `x${s}` : '';
}
