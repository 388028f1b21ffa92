/**
 * A backtest with honest coverage: a long reference run of a scenario is the
 * "truth"; at many moments its state is taken (export-state's reader), a
 * forecast is made from that state alone with other random numbers, and what
 * the reference run then did is compared with the forecast: how often each
 * ward's census falls in the forecast's 80% band (p10–p90), and the mean
 * absolute error of the median forecast against two naive forecasts, the
 * census staying as it is (persistence) and the same hour a week earlier.
 */
import { readTrace, resourceKind, runHospital, TraceBuffer, type HospitalModel, type TraceData } from '../../sim-core/index.js';
import { compileScenario, localMinutes, parseState, stateFromTrace, type HospitalState, type Scenario } from '../../scenarios/index.js';
import type { ForecastReplication } from './forecast-recorder.js';
import type { ForecastSummary } from './summarise-forecast.js';

export interface BacktestOptions {
  /** First snapshot, days from the start (after the wards have filled). */
  firstDay: number;
  snapshots: number;
  /** Hours between snapshots: not a multiple of 24, so they fall at different hours of the day. */
  spacingHours: number;
  hours: number;
  referenceSeed: number | string;
}

export interface BacktestResult {
  snapshots: number;
  hours: number;
  /**
   * How often the truth falls in the central 80% of the forecast, per ward and pooled over
   * (snapshot, hour 1..hours): by the randomised PIT for counts (Czado, Gneiting and Held 2009),
   * the chance that a uniform draw between F(truth−) and F(truth) lies in [0.1, 0.9], F the
   * forecast's CDF over its replications. A census is a count, so many replications share the
   * band's end values; counting those in whole would over-cover small wards; this is 0.8 in
   * expectation for a calibrated forecast however discrete.
   */
  coverage80: { pooled: number; byWard: Record<string, number> };
  /**
   * Standard error of each ward's coverage80 from its spread over the snapshots (each snapshot's
   * share of its hours covered; hours within one forecast move together, snapshots hardly do).
   */
  coverage80Se: Record<string, number>;
  /** Mean of (forecast mean − truth) per ward, beds, over snapshots and hours, and its standard error over snapshots. */
  meanError: Record<string, { beds: number; se: number }>;
  /** The plain share with p10 <= truth <= p90 (ends included), for comparison: over 0.8 for small wards by ties alone. */
  coverage80Band: { pooled: number; byWard: Record<string, number> };
  /** Mean absolute error of the census, beds, over wards, snapshots and hours 1..hours. */
  mae: { forecast: number; persistence: number; lastWeek: number };
  maeRatioToPersistence: number;
  maeRatioToLastWeek: number;
}

/** Beds held in each ward at every hour mark from 0 (state after everything at that minute). */
export function hourlyCensus(model: HospitalModel, trace: TraceData, hours: number): number[][] {
  const wards = model.resources.flatMap((r, i) => (resourceKind(r.kind).bed ? [i] : []));
  const wardOfPlace = trace.whereNames.map((n) => wards.findIndex((r) => model.resources[r]!.name === n));
  const held = wards.map(() => 0);
  const out: number[][] = wards.map(() => []);
  let h = 0;
  // Hour mark h is written once every row at or before minute 60·h has been read.
  const markBefore = (time: number): void => {
    for (; h <= hours && h * 60 < time; h++) held.forEach((n, w) => out[w]!.push(n));
  };
  readTrace(
    trace,
    (e) => {
      markBefore(e.time);
      const w = wardOfPlace[e.place]!;
      if (w < 0 || e.patient < 0) return;
      if (e.kind === 'seized') held[w]!++;
      else if (e.kind === 'released') held[w]!--;
    },
    { until: hours * 60 },
  );
  markBefore(Infinity);
  return out;
}

/** The reference run and the states taken from it. */
export function backtestStates(
  scenario: Scenario,
  o: BacktestOptions,
): { model: HospitalModel; census: number[][]; at: number[]; states: HospitalState[]; guessed: number } {
  const at = Array.from({ length: o.snapshots }, (_, k) => o.firstDay * 1440 + k * o.spacingHours * 60);
  const end = at[at.length - 1]! + o.hours * 60;
  const model = compileScenario({ ...scenario, warmupDays: 0, horizonDays: end / 1440 });
  const buffer = new TraceBuffer();
  runHospital(model, { seed: o.referenceSeed, replication: 1, trace: buffer });
  const trace = buffer.toData();
  const start = localMinutes(scenario.start);
  let guessed = 0;
  const states = at.map((t) => {
    const taken = stateFromTrace(model, trace, t, start);
    guessed += taken.guessed.length;
    return parseState(taken.state, `reference at ${t} min`);
  });
  // guessed: patients over all states whose step the trace left open among several (see stateFromTrace).
  return { model, census: hourlyCensus(model, trace, end / 60), at, states, guessed };
}

/** Scores forecasts (one per snapshot, in order) against the reference run. */
export function scoreBacktest(
  model: HospitalModel,
  census: number[][],
  at: readonly number[],
  forecasts: readonly { summary: ForecastSummary; replications: readonly ForecastReplication[] }[],
  hours: number,
): BacktestResult {
  const wards = model.resources.filter((r) => resourceKind(r.kind).bed).map((r) => r.name);
  const inside = wards.map(() => 0);
  const pit = wards.map(() => 0);
  const count = wards.map(() => 0);
  // Per ward, per snapshot: share of hours covered, and mean error of the forecast mean.
  const snapCover: number[][] = wards.map(() => []);
  const snapError: number[][] = wards.map(() => []);
  let errF = 0;
  let errP = 0;
  let errW = 0;
  let n = 0;
  forecasts.forEach(({ summary: f, replications: reps }, k) => {
    const h0 = at[k]! / 60;
    wards.forEach((name, w) => {
      const kw = f.wards.findIndex((x) => x.ward === name);
      const fw = f.wards[kw]!;
      const pit0 = pit[w]!;
      let error = 0;
      for (let h = 1; h <= hours; h++) {
        const truth = census[w]![h0 + h]!;
        const band = fw.byHour[h]!;
        if (truth >= band.p10 && truth <= band.p90) inside[w]!++;
        let below = 0;
        let atOrBelow = 0;
        for (const r of reps) {
          const x = r.census[kw]![h]!;
          if (x < truth) below++;
          if (x <= truth) atOrBelow++;
        }
        const lo = below / reps.length;
        const hi = atOrBelow / reps.length;
        pit[w]! += hi > lo ? Math.max(0, Math.min(0.9, hi) - Math.max(0.1, lo)) / (hi - lo) : lo >= 0.1 && lo <= 0.9 ? 1 : 0;
        count[w]!++;
        error += band.mean - truth;
        errF += Math.abs(band.p50 - truth);
        errP += Math.abs(census[w]![h0]! - truth);
        errW += Math.abs(census[w]![h0 + h - 168]! - truth);
        n++;
      }
      snapCover[w]!.push((pit[w]! - pit0) / hours);
      snapError[w]!.push(error / hours);
    });
  });
  const meanSe = (xs: readonly number[]): { mean: number; se: number } => {
    const m = xs.reduce((s, x) => s + x, 0) / xs.length;
    const v = xs.reduce((s, x) => s + (x - m) ** 2, 0) / Math.max(1, xs.length - 1);
    return { mean: m, se: Math.sqrt(v / xs.length) };
  };
  const coverage80Se: Record<string, number> = {};
  const meanError: Record<string, { beds: number; se: number }> = {};
  wards.forEach((name, w) => {
    coverage80Se[name] = meanSe(snapCover[w]!).se;
    const e = meanSe(snapError[w]!);
    meanError[name] = { beds: e.mean, se: e.se };
  });
  const byWard: Record<string, number> = {};
  const bandByWard: Record<string, number> = {};
  wards.forEach((name, w) => {
    byWard[name] = pit[w]! / count[w]!;
    bandByWard[name] = inside[w]! / count[w]!;
  });
  const total = count.reduce((s, x) => s + x, 0);
  const mae = { forecast: errF / n, persistence: errP / n, lastWeek: errW / n };
  return {
    snapshots: forecasts.length,
    hours,
    coverage80: { pooled: pit.reduce((s, x) => s + x, 0) / total, byWard },
    coverage80Se,
    meanError,
    coverage80Band: { pooled: inside.reduce((s, x) => s + x, 0) / total, byWard: bandByWard },
    mae,
    maeRatioToPersistence: mae.forecast / mae.persistence,
    maeRatioToLastWeek: mae.forecast / mae.lastWeek,
  };
}
