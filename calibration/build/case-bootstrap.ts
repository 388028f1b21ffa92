/**
 * Times a case's steps took, kept together: the case-level bootstrap of
 * `model.times: caseBootstrap`. Each simulated patient draws one logged case of
 * its class (an attribute, `TIMING_ATTRIBUTE`, with one value per logged case,
 * equally likely); wherever it takes a step to step that case took, it takes
 * that case's time (its first such time), smoothed by a lognormal kernel of the
 * same median; elsewhere a fitted distribution. Times the log ties together
 * (a long triage, then fluids and antibiotics given at once) so stay tied, with
 * nothing in the pathway but an attribute and durations by attribute.
 *
 * The kernel is narrow (log-sd 0.1: within ±20% of the logged time 19 times in
 * 20), shrunk so the smoothed times keep the logged ones' spread; a 0 stays 0.
 * A kernel as wide as a density estimate wants (Silverman's rule on ln x gives
 * 0.5–0.7 here) adds noise to each of the steps a sum spans, and on Sepsis put
 * the 90th percentile of time to antibiotics 48 minutes above the log's.
 */
import type { LogCase } from '../read/flow.js';
import { END, gapKey, START } from '../fit/observations.js';
import { empiricalSpec, round, type DurationFit } from '../fit/fit-duration.js';
import type { DistributionInput, DurationInput } from './scenario-types.js';

/** The patient attribute that names the logged case a simulated one takes its times from. */
export const TIMING_ATTRIBUTE = 'timing-of-case';

/** Log-scale sd of the smoothing kernel. */
export const KERNEL_LOG_SD = 0.1;

export interface CaseTimes {
  /** One value per logged case of the class: "1", "2", … */
  profiles: string[];
  /** Times between steps by `gapKey(from, to)`, then by profile (first time the case made that move). */
  gaps: Map<string, Map<string, number>>;
  /** Interval logs: each activity's own duration by profile (its first one, completed). */
  durations: Map<string, Map<string, number>>;
  /** `gapKey` + profile of times that are lower bounds (a case still in when the log ends): never lent to another case. */
  lowerBounds: Set<string>;
}

/** Moves taken by at least this share of a class's cases are filled in for the cases that never made them, from a donor that did. */
export const DONOR_SHARE = 0.1;

/** With `openEnded: censor`: which steps end a stay, and the class's steps. */
export interface OpenCases {
  ends: (to: string) => boolean;
  steps: readonly string[];
}

export function caseTimes(cases: readonly LogCase[], intervals: boolean, open: OpenCases | null = null): CaseTimes {
  const own = ownTimes(cases, intervals);
  if (open) keepOpen(own, cases, open);
  fillFromDonors(own);
  return own;
}

/** Longer than any run (the schema's ten years): a stay that does not end while the run lasts. */
export const STILL_IN = 3660 * 1440;

/**
 * A case still in when the log ends (kept, as the mapping asks) is still in when the run ends, too:
 * whichever step ends its stay never comes. Taking the log's time to its end as the stay instead (a
 * lower bound) releases those patients inside a run, with stays of a year, which the log never shows:
 * on Sepsis it doubled the simulated mean length of stay and the patients in normal care.
 */
function keepOpen(times: CaseTimes, cases: readonly LogCase[], open: OpenCases): void {
  cases.forEach((c, i) => {
    if (!c.open) return;
    const last = c.events[c.events.length - 1]!;
    if (last.end === null) return; // an interval still running: its own duration is censored in the fits
    for (const to of open.steps) {
      if (!open.ends(to)) continue;
      const key = gapKey(last.activity, to);
      let row = times.gaps.get(key);
      if (!row) times.gaps.set(key, (row = new Map()));
      row.set(times.profiles[i]!, STILL_IN);
      times.lowerBounds.add(`${key}\u0000${times.profiles[i]!}`);
    }
  });
}

/**
 * A case that never made a common move takes that move's time from a donor: the first case, in an
 * order fixed for it (a seeded shuffle of the others), that did. The order is the same for every move
 * of one case, so moves a path strings together (fluids, then antibiotics) come from one donor, tied as
 * they were; and as donors are drawn blind to the times, each move keeps the log's distribution.
 */
function fillFromDonors(times: CaseTimes): void {
  const n = times.profiles.length;
  const common = [...times.gaps].filter(([, row]) => row.size >= DONOR_SHARE * n && row.size < n);
  if (common.length === 0) return;
  for (let k = 0; k < n; k++) {
    const profile = times.profiles[k]!;
    const missing = common.filter(([, row]) => !row.has(profile));
    if (missing.length === 0) continue;
    const order = Array.from({ length: n }, (_, j) => j)
      .filter((j) => j !== k)
      .map((j) => ({ j, key: mix(k, j) }))
      .sort((x, y) => x.key - y.key || x.j - y.j);
    for (const [key, row] of missing) {
      const donor = order.find(({ j }) => row.has(times.profiles[j]!) && !times.lowerBounds.has(`${key}\u0000${times.profiles[j]!}`));
      if (donor) row.set(profile, row.get(times.profiles[donor.j]!)!);
    }
  }
}

/** A fixed pseudo-random key for the pair (k, j): a 32-bit integer hash (no random stream needed, the order is part of the fit). */
function mix(k: number, j: number): number {
  let h = Math.imul(k + 1, 0x9e3779b1) ^ Math.imul(j + 1, 0x85ebca77);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

function ownTimes(cases: readonly LogCase[], intervals: boolean): CaseTimes {
  const out: CaseTimes = { profiles: [], gaps: new Map(), durations: new Map(), lowerBounds: new Set() };
  const put = (map: Map<string, Map<string, number>>, key: string, profile: string, value: number): void => {
    let row = map.get(key);
    if (!row) map.set(key, (row = new Map()));
    if (!row.has(profile)) row.set(profile, value);
  };
  cases.forEach((c, i) => {
    const profile = String(i + 1);
    out.profiles.push(profile);
    let prev = START;
    let prevEnd: number | null = c.arrival;
    for (const e of c.events) {
      // As observe() counts them: end of one to start of the next (intervals), or time between events; overlaps are 0.
      if (prevEnd !== null) put(out.gaps, gapKey(prev, e.activity), profile, Math.max(0, e.start - prevEnd));
      if (intervals && e.end !== null) put(out.durations, e.activity, profile, e.end - e.start);
      prev = e.activity;
      prevEnd = intervals ? e.end : e.start;
    }
    if (!c.open) {
      const last = c.events[c.events.length - 1]!;
      const lastEnd = last.end ?? last.start;
      put(out.gaps, gapKey(prev, END), profile, c.endMarker !== null ? Math.max(0, c.endMarker - lastEnd) : 0);
    }
  });
  return out;
}

/**
 * The duration of a move or activity by the case a patient takes its times from: that case's time, smoothed,
 * where it has one; `otherwise` the whole observed distribution (its 0s included) as the fit saw it.
 */
export function bootstrapDuration(byProfile: ReadonlyMap<string, number>, fit: DurationFit): DurationInput {
  const logs = [...byProfile.values()].filter((x) => x > 0 && x < STILL_IN).map(Math.log);
  const h = logs.length >= 2 ? KERNEL_LOG_SD : 0;
  const m = logs.reduce((a, b) => a + b, 0) / Math.max(1, logs.length);
  const sd = logs.length >= 2 ? Math.sqrt(logs.reduce((a, b) => a + (b - m) * (b - m), 0) / (logs.length - 1)) : 0;
  // Shrunk so that the smoothed times keep the spread of the logged ones (Silverman 1986, §6.4.1): ln y = m + (ln x − m + hε)/c.
  const c = sd > 0 ? Math.sqrt(1 + (h * h) / (sd * sd)) : 1;
  const cases: Record<string, DistributionInput> = {};
  for (const [profile, x] of [...byProfile].sort((a, b) => Number(a[0]) - Number(b[0])))
    cases[profile] =
      x >= STILL_IN ? { type: 'constant', value: STILL_IN } : x > 0 ? kernel(Math.exp(m + (Math.log(x) - m) / c), h / c) : { type: 'constant', value: 0 };
  return { byAttribute: TIMING_ATTRIBUTE, cases, otherwise: otherwiseOf(fit) };
}

/** Lognormal of median x and log-sd h, written as its mean and sd; with no spread, x itself. */
function kernel(x: number, h: number): DistributionInput {
  const mean = round(x * Math.exp((h * h) / 2));
  const sd = round(mean * Math.sqrt(Math.expm1(h * h)));
  // No spread, or a time so short (a rounding error of clock times) that rounding leaves none: the value itself.
  if (!(h > 0) || !(sd > 0) || !(mean > 0)) return { type: 'constant', value: round(x) };
  return { type: 'lognormal', mean, sd };
}

/** For a case that never made this move: the observed times as they are, 0s and all (the empirical distribution). */
function otherwiseOf(fit: DurationFit): DistributionInput {
  if (fit.censoredCount > 0 || fit.values.length === 0) return fit.spec;
  return empiricalSpec(fit.values, fit.censored);
}

/**
 * An attribute of the logged cases (a DRG carried from a case table), made to follow the case a simulated patient
 * takes its times from: the value of each case by its profile. A patient whose case has no value draws from the mix.
 */
export function followCase(cases: readonly LogCase[], attribute: string, times: CaseTimes): { byAttribute: string; cases: Record<string, string> } {
  const byProfile: Record<string, string> = {};
  cases.forEach((c, i) => {
    const v = Object.hasOwn(c.attributes, attribute) ? c.attributes[attribute] : undefined;
    if (v !== undefined) byProfile[times.profiles[i]!] = v;
  });
  return { byAttribute: TIMING_ATTRIBUTE, cases: byProfile };
}
