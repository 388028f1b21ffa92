/**
 * The figures a log shows and a simulated log must reproduce, computed the
 * same way from either: arrivals per day and by hour, who reaches each step,
 * times from arrival to each step, routing frequencies, lengths of stay and
 * ward occupancy by hour.
 */
import { batchMeans, quantileSorted } from '../../sim-core/index.js';
import type { Flow } from '../read/flow.js';
import { minuteOfWeek } from '../read/timestamps.js';
import { concurrency, type Concurrency } from '../fit/capacity.js';
import { observe, START } from '../fit/observations.js';
import { observeStates } from '../fit/routing-memory.js';
import { quantileInterval } from '../fit/intervals.js';
import { breaksRule, leaveOneOutBreaks, leaveOneOutUnseen, orderRules, pathKey, unseenShare, type PathCase } from '../fit/path-rules.js';

export interface Estimate {
  value: number;
  /** Standard error from the log's own sampling, NaN where no simple one exists. */
  se: number;
}

export interface LogSummary {
  cases: number;
  days: number;
  daily: number[];
  /** Arrivals per day in each hour of the day. */
  byHour: number[];
  /** Cases that reach each activity at least once. */
  reach: Map<string, number>;
  /** Minutes from arrival to each activity's first occurrence. */
  timeToFirst: Map<string, number[]>;
  /** Interval logs: each activity's own durations (minutes, completed ones). */
  durations: Map<string, number[]>;
  /** Directly-follows counts `from → to` and how often `from` was left. */
  routes: Map<string, { from: string; to: string; count: number; fromTotal: number }>;
  /** Completed lengths of stay, minutes, sorted. */
  lengthsOfStay: number[];
  /** Patients in each ward at once (or in the process, when the log has no stays). */
  occupancy: Concurrency[];
  /** Each case's steps in order. */
  paths: PathCase[];
}

/** `occupancy: false` leaves the (slow) occupancy by hour out, for summaries of resamples that do not need it. */
export function summarise(flow: Flow, what: { occupancy?: boolean } = {}): LogSummary {
  const o = observe(flow);
  const days = flow.window.days;
  const daily = new Array<number>(days).fill(0);
  const byHour = new Array<number>(24).fill(0);
  for (const c of flow.cases) {
    const d = Math.floor((c.arrivalWall - flow.window.from) / 1440);
    if (d >= 0 && d < days) daily[d]!++;
    byHour[Math.floor(minuteOfWeek(c.arrivalWall) / 60) % 24]! += 1 / days;
  }
  const reach = new Map<string, number>();
  for (const [a, times] of o.timeToFirst) reach.set(a, times.length);
  const routes: LogSummary['routes'] = new Map();
  for (const [from, row] of observeStates(flow.cases, []).transitions) {
    const total = [...row.values()].reduce((s, n) => s + n, 0);
    for (const [to, count] of row) routes.set(`${from} → ${to}`, { from, to, count, fromTotal: total });
  }
  const durations = new Map<string, number[]>();
  if (flow.log.kind === 'intervals') {
    for (const [a, obs] of o.durations)
      durations.set(
        a,
        obs.filter((x) => !x.censored).map((x) => x.value),
      );
  }
  const openUntil = flow.observedUntil;
  let occupancy: Concurrency[];
  // Open stays count as occupied to the end of the log only if the mapping says they are real (censored).
  const counted = flow.options.openEnded === 'censor' ? o.stays : o.stays.filter((s) => s.end !== null);
  if (what.occupancy === false) occupancy = [];
  else if (o.stays.length > 0) {
    const wards = [...new Set(o.stays.map((s) => s.ward))].sort();
    occupancy = wards.map((w) =>
      concurrency(
        w,
        counted.filter((s) => s.ward === w).map((s) => ({ start: s.start + s.offset, end: s.end === null ? null : s.end + s.offset })),
        flow.window,
        openUntil,
      ),
    );
  } else {
    const intervals = flow.cases
      .filter((c) => !c.open || flow.options.openEnded === 'censor')
      .map((c) => {
        const last = c.events[c.events.length - 1]!;
        const offset = c.arrivalWall - c.arrival;
        return { start: c.arrivalWall, end: c.open ? null : (c.endMarker ?? last.end ?? last.start) + offset };
      });
    occupancy = [concurrency('in the process', intervals, flow.window, openUntil)];
  }
  return {
    cases: flow.cases.length,
    days,
    daily,
    byHour,
    reach,
    timeToFirst: o.timeToFirst,
    durations,
    routes,
    lengthsOfStay: o.lengthsOfStay
      .filter((x) => !x.censored)
      .map((x) => x.value)
      .sort((a, b) => a - b),
    occupancy,
    paths: flow.cases.map((c) => ({ steps: c.events.map((e) => e.activity) })),
  };
}

export type Unit = 'per day' | 'share' | 'minutes' | 'hours' | 'days' | 'patients';

/** A figure every summary can give: its value and the log's own standard error. */
export interface FigureDefinition {
  group: string;
  name: string;
  unit: Unit;
  of: (s: LogSummary) => Estimate;
  /** The log's own value where it is not `of` (a leave-one-out counterpart of a figure held against the log). */
  ofLog?: (s: LogSummary) => Estimate;
}

/** The figures to compare, chosen from the log's own summary (so the table says what this log can show). */
export function figureDefinitions(log: LogSummary, kind: Flow['log']['kind']): FigureDefinition[] {
  const defs: FigureDefinition[] = [];
  const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const sd = (xs: readonly number[]): number => {
    const m = mean(xs);
    return Math.sqrt(xs.reduce((a, b) => a + (b - m) * (b - m), 0) / Math.max(1, xs.length - 1));
  };
  defs.push({ group: 'Arrivals', name: 'arrivals per day', unit: 'per day', of: (s) => ({ value: mean(s.daily), se: sd(s.daily) / Math.sqrt(s.days) }) });
  defs.push({
    group: 'Arrivals',
    name: 'sd of arrivals per day',
    unit: 'per day',
    of: (s) => ({ value: sd(s.daily), se: sd(s.daily) / Math.sqrt(2 * Math.max(1, s.days - 1)) }),
  });
  for (const [a, b] of [
    [0, 6],
    [6, 12],
    [12, 18],
    [18, 24],
  ] as const) {
    defs.push({
      group: 'Arrivals',
      name: `arrivals ${String(a).padStart(2, '0')}–${String(b).padStart(2, '0')} h`,
      unit: 'per day',
      of: (s) => {
        const perDay = s.byHour.slice(a, b).reduce((x, y) => x + y, 0);
        return { value: perDay, se: Math.sqrt(perDay * s.days) / s.days };
      },
    });
  }
  const share = (k: number, n: number): Estimate => ({ value: n > 0 ? k / n : NaN, se: n > 0 ? Math.sqrt(((k / n) * (1 - k / n)) / n) : NaN });
  const reached = [...log.reach].filter(([, k]) => k >= 0.01 * log.cases).sort((x, y) => y[1] - x[1]);
  for (const [a] of reached)
    defs.push({ group: 'Who reaches each step', name: `cases with ${a}`, unit: 'share', of: (s) => share(s.reach.get(a) ?? 0, s.cases) });
  for (const [a, k] of reached) {
    const times = log.timeToFirst.get(a) ?? [];
    const median = quantileSorted(
      [...times].sort((x, y) => x - y),
      0.5,
    );
    if (k < 0.1 * log.cases || median === 0) continue;
    const unit: Unit = median > 2880 ? 'days' : median > 120 ? 'hours' : 'minutes';
    defs.push({ group: 'Times from arrival', name: `median time to first ${a}`, unit, of: (s) => medianOf(s.timeToFirst.get(a) ?? [], unit) });
    defs.push({
      group: 'Times from arrival',
      name: `90th percentile of time to first ${a}`,
      unit,
      of: (s) =>
        quantileOf(
          [...(s.timeToFirst.get(a) ?? [])].sort((x, y) => x - y),
          0.9,
          unit,
        ),
    });
  }
  if (kind === 'intervals') {
    for (const [a, xs] of log.durations) {
      if (xs.length < 20) continue;
      const unit: Unit = mean(xs) > 2880 ? 'days' : mean(xs) > 120 ? 'hours' : 'minutes';
      defs.push({ group: 'Activity durations', name: `mean ${a}`, unit, of: (s) => meanOf(s.durations.get(a) ?? [], unit) });
    }
  }
  if (log.lengthsOfStay.length > 0) {
    const unit: Unit = quantileSorted(log.lengthsOfStay, 0.5) > 2880 ? 'days' : 'hours';
    defs.push({ group: 'Length of stay', name: 'mean length of stay', unit, of: (s) => meanOf(s.lengthsOfStay, unit) });
    defs.push({ group: 'Length of stay', name: 'median length of stay', unit, of: (s) => quantileOf(s.lengthsOfStay, 0.5, unit) });
    defs.push({ group: 'Length of stay', name: '90th percentile of length of stay', unit, of: (s) => quantileOf(s.lengthsOfStay, 0.9, unit) });
  }
  for (const c of log.occupancy) {
    const where = c.name === 'in the process' ? 'in the process' : `in ${c.name}`;
    for (const [a, b] of [
      [0, 6],
      [6, 12],
      [12, 18],
      [18, 24],
    ] as const) {
      defs.push({
        group: 'Occupancy',
        name: `patients ${where}, ${String(a).padStart(2, '0')}–${String(b).padStart(2, '0')} h (mean)`,
        unit: 'patients',
        of: (s) => {
          const x = s.occupancy.find((o) => o.name === c.name);
          return { value: x ? x.byHour.slice(a, b).reduce((p, q) => p + q, 0) / 6 : 0, se: NaN };
        },
      });
    }
    defs.push({
      group: 'Occupancy',
      name: c.name === 'in the process' ? 'patients in the process at once (mean)' : `patients in ${c.name} (mean)`,
      unit: 'patients',
      of: (s) => {
        const x = s.occupancy.find((o) => o.name === c.name);
        if (!x) return { value: 0, se: NaN };
        return { value: x.mean, se: x.daily.length >= 40 ? batchMeans(x.daily, 20).halfWidth / 2.093 : NaN };
      },
    });
  }
  defs.push(...pathFigures(log));
  const threshold = Math.max(20, 0.03 * log.cases);
  const routes = [...log.routes.values()].filter((r) => r.count >= threshold && r.from !== START && r.fromTotal > r.count).sort((x, y) => y.count - x.count);
  for (const r of routes) {
    defs.push({
      group: 'Routing (next step after a step)',
      name: `${r.from} → ${r.to}`,
      unit: 'share',
      of: (s) => {
        const x = s.routes.get(`${r.from} → ${r.to}`);
        const total = x?.fromTotal ?? [...s.routes.values()].find((y) => y.from === r.from)?.fromTotal ?? 0;
        return share(x?.count ?? 0, total);
      },
    });
  }
  return defs;
}

const PER: Record<Unit, number> = { 'per day': 1, share: 1, minutes: 1, hours: 60, days: 1440, patients: 1 };

function meanOf(xs: readonly number[], unit: Unit): Estimate {
  if (xs.length === 0) return { value: NaN, se: NaN };
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const v = xs.reduce((a, b) => a + (b - m) * (b - m), 0) / Math.max(1, xs.length - 1);
  return { value: m / PER[unit], se: Math.sqrt(v / xs.length) / PER[unit] };
}

function medianOf(xs: readonly number[], unit: Unit): Estimate {
  return quantileOf(
    [...xs].sort((a, b) => a - b),
    0.5,
    unit,
  );
}

/** The quantile with a standard error from its distribution-free 95% interval (width / 3.92). */
function quantileOf(sorted: readonly number[], q: number, unit: Unit): Estimate {
  if (sorted.length === 0) return { value: NaN, se: NaN };
  const [lo, hi] = quantileInterval(sorted, q);
  return { value: quantileSorted(sorted, q) / PER[unit], se: (hi - lo) / 3.92 / PER[unit] };
}

/**
 * Paths of a kind the log never shows: cases that break an order every logged case keeps, and
 * cases whose path no logged case took. The log's values are leave-one-out (what a model that
 * draws cases as the hospital does would give), with binomial standard errors.
 */
function pathFigures(log: LogSummary): FigureDefinition[] {
  const rules = orderRules(log.paths);
  const known = new Set(log.paths.map((c) => pathKey(c.steps)));
  // Shares near 0 (a log of a few hundred cases may show none): the binomial error at (k + 1)/(n + 2), not at 0 (Agresti–Coull's idea).
  const share = (p: number, n: number): Estimate => {
    const q = n > 0 ? (p * n + 1) / (n + 2) : NaN;
    return { value: p, se: n > 0 ? Math.sqrt((q * (1 - q)) / n) : NaN };
  };
  const defs: FigureDefinition[] = [];
  if (rules.length > 0) {
    defs.push({
      group: 'Paths',
      name: 'cases that break an order every logged case keeps',
      unit: 'share',
      of: (s) => share(s.paths.length > 0 ? s.paths.filter((c) => breaksRule(c, rules)).length / s.paths.length : NaN, s.paths.length),
      ofLog: (s) => share(leaveOneOutBreaks(s.paths), s.paths.length),
    });
  }
  defs.push({
    group: 'Paths',
    name: 'cases whose path the log never shows',
    unit: 'share',
    of: (s) => share(unseenShare(s.paths, known), s.paths.length),
    ofLog: (s) => share(leaveOneOutUnseen(s.paths), s.paths.length),
  });
  return defs;
}
