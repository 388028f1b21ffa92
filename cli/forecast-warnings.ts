/**
 * Warnings about a state that is probably incomplete or stale, given on stderr
 * and in forecast's JSON: a forecast from a state missing most of a ward's
 * patients, or from one taken hours ago, looks as confident as any other, so
 * the numbers alone would not say it.
 */
import { resourceKind, runHospital, TraceBuffer } from '../sim-core/index.js';
import { compileScenario, formatLocal, localMinutes, type HospitalState, type Scenario } from '../scenarios/index.js';
import { hourlyCensus } from '../workers/index.js';

/**
 * A ward's census is "far below the usual" under this share of the scenario's usual census at
 * that hour and weekday (a ward at half its usual census is a hospital in a strike or a state
 * missing a ward's feed; the census hour to hour moves by a few patients, not by half)...
 */
const FAR_BELOW_SHARE = 0.5;
/** ...when that usual census is at least this many patients (an empty two-bed ward is nothing odd). */
const MIN_USUAL_CENSUS = 4;
/** Weeks measured after the warm-up in the short run that gives the usual census (each hour of the week twice). */
const USUAL_WEEKS = 2;
/** A state older than the forecast's start (--start, or now) by more than this many minutes is warned of. */
export const STALE_MINUTES = 60;

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** The state's patients in each bed ward (by the ward they are in). */
function censusOf(state: HospitalState): Map<string, number> {
  const census = new Map<string, number>();
  for (const p of state.patients) if (p.ward !== undefined) census.set(p.ward, (census.get(p.ward) ?? 0) + 1);
  return census;
}

export interface WarningOptions {
  /** When the forecast is for, local minutes since 1970 (--start, or the computer's clock for "now"); absent: not checked. */
  start?: number;
}

/**
 * What looks wrong in the state: wards with far fewer patients than the
 * scenario usually has at that hour of that weekday, patients who are in no
 * ward, hold nothing and wait for nothing, and a state older than the
 * forecast's start.
 */
export function stateWarnings(scenario: Scenario, state: HospitalState, o: WarningOptions = {}): string[] {
  const warnings: string[] = [];
  const census = censusOf(state);
  const model = compileScenario({ ...scenario, horizonDays: USUAL_WEEKS * 7 });
  const wards = model.resources.filter((r) => resourceKind(r.kind).bed);
  // A ward holding half its beds or more cannot be under half its usual census: no run needed then.
  const low = wards.filter((w) => (census.get(w.name) ?? 0) < FAR_BELOW_SHARE * w.capacity);
  if (low.length > 0) {
    const usual = usualCensus(scenario, model, state.asOf);
    const hour = state.asOf.slice(11, 13);
    const day = WEEKDAY_NAMES[weekdayOf(state.asOf)]!;
    for (const w of low) {
      const u = usual.get(w.name);
      const now = census.get(w.name) ?? 0;
      if (u !== undefined && u >= MIN_USUAL_CENSUS && now < FAR_BELOW_SHARE * u)
        warnings.push(
          `the state has ${now} patient(s) in ${w.name}, where ${scenario.name} usually has ${u.toFixed(1)} at ${hour}:00 on a ${day} (of ${w.capacity} beds): is the state complete?`,
        );
    }
  }
  const nowhere = state.patients.map((p, i) => ({ p, i })).filter(({ p }) => p.ward === undefined && p.holding.length === 0 && !p.waiting);
  if (nowhere.length > 0)
    warnings.push(
      `${nowhere.length} patient(s) are in no ward, hold nothing and wait for nothing (${nowhere
        .slice(0, 5)
        .map(({ p, i }) => `${state.patientPaths[i] ?? `patients[${i}]`}${p.id !== undefined ? ` "${p.id}"` : ''} at ${p.step}`)
        .join(', ')}${nowhere.length > 5 ? ', …' : ''}): is their location missing?`,
    );
  if (o.start !== undefined) {
    const behind = o.start - localMinutes(state.asOf);
    if (behind > STALE_MINUTES)
      warnings.push(
        `the state is as of ${state.asOf}, ${hoursText(behind)} before the forecast's start (${formatLocal(o.start)}): the forecast begins at the state's moment, so its first hours are already past`,
      );
  }
  return warnings;
}

/**
 * Each ward's mean census at asOf's hour of the week, from replication 1 of a short run of the
 * scenario (its own seed, warm-up, then USUAL_WEEKS weeks), read at that hour and the hours
 * either side on that weekday: 3 × USUAL_WEEKS readings.
 */
function usualCensus(scenario: Scenario, model: ReturnType<typeof compileScenario>, asOf: string): Map<string, number> {
  const trace = new TraceBuffer();
  runHospital(model, { seed: scenario.seed, replication: 1, trace, figures: false });
  const hours = (scenario.warmupDays + USUAL_WEEKS * 7) * 24;
  const census = hourlyCensus(model, trace.toData(), hours);
  const wanted = weekdayOf(asOf) * 24 + Number(asOf.slice(11, 13));
  const firstHourOfWeek = Math.floor(model.startMinuteOfWeek / 60);
  const marks: number[] = [];
  for (let h = Math.ceil(scenario.warmupDays * 24); h <= hours; h++) {
    const d = (((firstHourOfWeek + h - wanted) % 168) + 168) % 168;
    if (d <= 1 || d === 167) marks.push(h);
  }
  const wards = model.resources.filter((r) => resourceKind(r.kind).bed);
  return new Map(wards.map((w, k) => [w.name, marks.reduce((s, h) => s + census[k]![h]!, 0) / Math.max(1, marks.length)]));
}

/** 0 = Monday, for a local "YYYY-MM-DDTHH:MM". */
function weekdayOf(local: string): number {
  return (new Date(localMinutes(local) * 60_000).getUTCDay() + 6) % 7;
}

function hoursText(minutes: number): string {
  return minutes < 120 ? `${Math.round(minutes)} minutes` : `${+(minutes / 60).toFixed(1)} hours`;
}
