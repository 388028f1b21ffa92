/**
 * Capacity hints: how many cases were in each activity or ward at once (the
 * most, and the mean by hour of the day), and how busy each named resource
 * was by hour. A log shows what was used, never what was available: these are
 * lower bounds on capacity, not bed or staff counts.
 */
import type { Flow } from '../read/flow.js';
import { minuteOfWeek } from '../read/timestamps.js';
import type { StaySegment } from './observations.js';

/** An interval on the wall clock, minutes since the epoch (see ParsedTime.wall); end null: open at the end of the log. */
export interface WallInterval {
  start: number;
  end: number | null;
}

export interface Concurrency {
  name: string;
  intervals: number;
  /** The most at once, and when (wall clock). */
  max: number;
  maxAt: number;
  /** Time-average over the window. */
  mean: number;
  /** Mean number at once in each hour of the day (0–23). */
  byHour: number[];
  /** Mean number at once on each day of the window (for batch-means intervals). */
  daily: number[];
}

/** Concurrency of intervals over the window [from, to) of the wall clock; open intervals run to `openUntil`. */
export function concurrency(name: string, intervals: readonly WallInterval[], window: { from: number; to: number }, openUntil: number): Concurrency {
  const hours = Math.round((window.to - window.from) / 60);
  const busy = new Float64Array(hours);
  const changes: [number, number][] = [];
  for (const iv of intervals) {
    const end = iv.end ?? openUntil;
    if (!(end > iv.start)) continue;
    changes.push([iv.start, 1], [end, -1]);
    const a = Math.max(iv.start, window.from);
    const b = Math.min(end, window.to);
    if (b <= a) continue;
    let t = a;
    while (t < b) {
      const h = Math.floor((t - window.from) / 60);
      const next = Math.min(b, window.from + (h + 1) * 60);
      busy[h]! += (next - t) / 60;
      t = next;
    }
  }
  // Ends before starts at the same instant: a bed freed at t is free for an admission at t.
  changes.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  let level = 0;
  let max = 0;
  let maxAt = window.from;
  for (const [t, d] of changes) {
    level += d;
    if (level > max) {
      max = level;
      maxAt = t;
    }
  }
  const days = hours / 24;
  const byHour = new Array<number>(24).fill(0);
  const daily = new Array<number>(Math.floor(days)).fill(0);
  let total = 0;
  for (let h = 0; h < hours; h++) {
    const hourOfDay = Math.floor(minuteOfWeek(window.from + h * 60) / 60) % 24;
    byHour[hourOfDay]! += busy[h]! / days;
    const d = Math.floor(h / 24);
    if (d < daily.length) daily[d]! += busy[h]! / 24;
    total += busy[h]!;
  }
  return { name, intervals: intervals.length, max, maxAt, mean: hours > 0 ? total / hours : 0, byHour, daily };
}

export interface CapacityHints {
  /** Interval logs: cases in each activity at once. */
  activities: Concurrency[];
  /** Patients in each ward at once (stays). */
  wards: Concurrency[];
  /** Named resources: busy at once (interval logs) and events by hour of the day (per day). */
  resources: { name: string; events: number; eventsByHour: number[]; busy: Concurrency | null }[];
}

export function capacityHints(flow: Flow, stays: readonly StaySegment[]): CapacityHints {
  const openUntil = flow.observedUntil + offsetAtEnd(flow);
  const byActivity = new Map<string, WallInterval[]>();
  const byResource = new Map<string, { intervals: WallInterval[]; byHour: number[]; events: number }>();
  const intervals = flow.log.kind === 'intervals';
  for (const c of flow.cases) {
    for (const e of c.events) {
      const offset = e.wall - e.start;
      const iv = { start: e.wall, end: e.end === null ? null : e.end + offset };
      if (intervals && !flow.stayWard.has(e.activity)) {
        const list = byActivity.get(e.activity) ?? [];
        list.push(iv);
        byActivity.set(e.activity, list);
      }
      if (e.resource === null) continue;
      for (const name of e.resource.split(';')) {
        let r = byResource.get(name);
        if (!r) byResource.set(name, (r = { intervals: [], byHour: new Array<number>(24).fill(0), events: 0 }));
        r.events++;
        r.byHour[Math.floor(minuteOfWeek(e.wall) / 60) % 24]! += 1 / flow.window.days;
        if (intervals) r.intervals.push(iv);
      }
    }
  }
  const activities = [...byActivity]
    .filter(([, list]) => list.some((iv) => iv.end === null || iv.end > iv.start))
    .map(([name, list]) => concurrency(name, list, flow.window, openUntil));
  const wardNames = [...new Set(stays.map((s) => s.ward))].sort();
  // Open stays run to the end of the log only if the mapping says they are real (censored), not missing records.
  const counted = flow.options.openEnded === 'censor' ? stays : stays.filter((s) => s.end !== null);
  const wards = wardNames.map((w) =>
    concurrency(
      w,
      counted.filter((s) => s.ward === w).map((s) => ({ start: s.start + s.offset, end: s.end === null ? null : s.end + s.offset })),
      flow.window,
      openUntil,
    ),
  );
  const resources = [...byResource]
    .sort((a, b) => b[1].events - a[1].events)
    .map(([name, r]) => ({ name, events: r.events, eventsByHour: r.byHour, busy: intervals ? concurrency(name, r.intervals, flow.window, openUntil) : null }));
  return { activities, wards, resources };
}

function offsetAtEnd(flow: Flow): number {
  const last = flow.log.rows.reduce((best, r) => ((r.end ?? r.start) >= (best.end ?? best.start) ? r : best), flow.log.rows[0]!);
  return last.wallOffset;
}
