/**
 * What happened, as `score` asks it: each ward's census and the ED's waiting
 * patients at a local minute, counted exactly as a forecast counts them (the
 * same recorder reads the truth's trace), NaN where the truth does not say.
 */
import { readTrace, resourceKind, type HospitalModel, type TraceData } from '../../sim-core/index.js';
import { forecastModel, localMinutes, type HospitalState, type Scenario } from '../../scenarios/index.js';
import { ForecastRecorder } from '../forecast/forecast-recorder.js';
import { ED_WAITING } from '../forecast/forecast-samples.js';
import { runForecastReplication } from '../forecast/run-forecast.js';
import type { PatientLeaving } from './patient-coverage.js';

export interface Truth {
  /** The count of a series (a ward's name, or edWaiting) at a local minute (localMinutes), or NaN if not known. */
  valueAt(series: string, minute: number): number;
  /** The series it knows. */
  readonly series: readonly string[];
  /** What it was read from, in words ("a trace of 200 days", "12 states"). */
  readonly described: string;
  /** When a patient of a state (by its id) left, if the truth follows patients (a trace: ids "P<serial>", as a state read from it names them). */
  patientLeaving?(patient: string): PatientLeaving;
}

function seriesOf(model: HospitalModel): string[] {
  return [...model.resources.filter((r) => resourceKind(r.kind).bed).map((r) => r.name), ED_WAITING];
}

/**
 * The truth in a replication's trace (`run --trace`): the trace is read once
 * per minute-of-the-hour a question falls on (hour marks from there on), by the
 * forecast's own recorder, so a forecast and its truth count alike.
 * `start` is the scenario's start (trace minute 0), a local "YYYY-MM-DDTHH:MM".
 */
export function truthFromTrace(model: HospitalModel, trace: TraceData, start: string): Truth {
  const origin = localMinutes(start);
  const end = trace.length > 0 ? trace.time[trace.length - 1]! : 0;
  const names = seriesOf(model);
  // Per minute past the hour (0..59): each series' count at every hour mark from that minute.
  const grids = new Map<number, Map<string, number[]>>();
  const grid = (offset: number): Map<string, number[]> => {
    let g = grids.get(offset);
    if (!g) {
      const hours = Math.floor((end - offset) / 60);
      const recorder = new ForecastRecorder(model, Math.max(0, hours), []);
      const what = trace.whatNames.map((n) => recorder.code(n));
      const where = trace.whereNames.map((n) => recorder.place(n));
      // Shifted so that the recorder's hour marks fall on this minute of the hour.
      for (let i = 0; i < trace.length; i++) recorder.record(trace.time[i]! - offset, trace.entity[i]!, what[trace.what[i]!]!, where[trace.where[i]!]!);
      const r = recorder.finish(1);
      g = new Map(names.map((n, k) => [n, k < r.census.length ? r.census[k]! : r.edWaiting]));
      grids.set(offset, g);
    }
    return g;
  };
  let left: Map<number, number> | undefined;
  const patientLeaving = (patient: string): PatientLeaving => {
    if (!left) {
      left = new Map();
      const seen = left;
      // NaN: in the trace, not (yet) left.
      readTrace(trace, (e) => {
        if (e.kind === 'arrived') seen.set(e.patient, NaN);
        else if (e.kind === 'left') seen.set(e.patient, origin + e.time);
      });
    }
    const m = /^P(\d+)$/.exec(patient);
    const at = m ? left.get(Number(m[1])) : undefined;
    if (at === undefined) return undefined;
    return Number.isNaN(at) ? { stillInAt: origin + end } : { leftAt: at };
  };
  return {
    series: names,
    described: `a trace of ${+(end / 1440).toFixed(1)} days from ${start}`,
    patientLeaving,
    valueAt(series: string, minute: number): number {
      const t = minute - origin;
      if (!(t >= 0 && t <= end) || !Number.isInteger(t)) return NaN;
      const values = grid(t % 60).get(series);
      return values?.[Math.floor(t / 60)] ?? NaN;
    },
  };
}

/**
 * The truth in a series of states (export-state, run --snapshot-at, or a
 * hospital's own snapshots): each state counted at its moment as a forecast's
 * hour 0 counts it (the state's patients placed, nothing yet happened).
 */
export function truthFromStates(scenario: Scenario, states: readonly { state: HospitalState; source: string }[]): Truth {
  const at = new Map<number, Map<string, number>>();
  let names: string[] = [];
  for (const { state, source } of states) {
    const fm = forecastModel(scenario, state, 0, source);
    names = seriesOf(fm.model);
    const r = runForecastReplication(fm, 0, 1, 1).forecast;
    at.set(localMinutes(state.asOf.slice(0, 16)), new Map(names.map((n, k) => [n, k < r.census.length ? r.census[k]![0]! : r.edWaiting[0]!])));
  }
  return {
    series: names,
    described: `${states.length} state${states.length === 1 ? '' : 's'}`,
    valueAt: (series, minute) => at.get(minute)?.get(series) ?? NaN,
  };
}

/** A ward stay as an event log tells it, in local wall-clock minutes (see calibration's wardStaysOfLog). */
export interface LoggedStay {
  ward: string;
  start: number;
  /** null: still in the ward when the log ends. */
  end: number | null;
}

/**
 * The truth in a hospital's event log: each ward's census at a local minute is
 * the number of its stays under way then (begun at or before it, not yet
 * ended), as a state taken at that minute would hold them. Known from the
 * log's first arrival to its last event; the ED's waiting patients are not in
 * a log of stays, so that series stays unknown (NaN).
 */
export function truthFromWardStays(model: HospitalModel, log: { stays: readonly LoggedStay[]; from: number; until: number }, described: string): Truth {
  const wards = seriesOf(model).filter((n) => n !== ED_WAITING);
  const byWard = new Map<string, { starts: Float64Array; ends: Float64Array }>();
  for (const ward of wards) {
    const mine = log.stays.filter((s) => s.ward === ward);
    // Sorted starts and ends: the census at m is (starts ≤ m) − (ends ≤ m).
    const starts = Float64Array.from(mine.map((s) => s.start)).sort();
    const ends = Float64Array.from(mine.map((s) => s.end ?? Infinity)).sort();
    byWard.set(ward, { starts, ends });
  }
  const atOrBefore = (sorted: Float64Array, m: number): number => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! <= m) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    series: wards,
    described,
    valueAt(series: string, minute: number): number {
      const w = byWard.get(series);
      if (!w || !(minute >= log.from && minute <= log.until)) return NaN;
      return atOrBefore(w.starts, minute) - atOrBefore(w.ends, minute);
    },
  };
}
