/**
 * A backtest of `forecast` scored by `score`'s own code: one long run of a
 * scenario with a seed set is the truth; at N random whole hours its state is
 * taken (export-state's reader), each state is forecast `hours` ahead with
 * fresh random numbers (at least 100 replications for a report) and its
 * samples, and every forecast is scored against the same run's trace.
 *
 * A seed set names every random number used: the reference run, which hours
 * are drawn and each forecast's seed. Develop on one set, report on another.
 */
import seedrandom from 'seedrandom';
import { runHospital, TraceBuffer } from '../sim-core/index.js';
import { compileScenario, localMinutes, parseState, stateFromTrace, type Scenario } from '../scenarios/index.js';
import {
  arrivalsFromTrace,
  arrivalsShare,
  forecastSamples,
  scoreForecasts,
  scorePatientIntervals,
  truthFromTrace,
  type ArrivalsShare,
  type PatientCoverage,
  type PatientInterval,
  type ScoreReport,
  PATIENT_HORIZON_DAYS,
} from '../workers/index.js';
import { runForecastParallel, type NodeWorkerPool } from '../workers/node.js';

export interface BacktestPlan {
  snapshots: number;
  replications: number;
  hours: number;
  /** Snapshots fall at whole hours between these days of the run (from its start), the forecast's hours inside the run. */
  fromDay: number;
  toDay: number;
  seedSet: string;
  /** Also forecast each moment with the arrivals that came (from the same trace, same seeds) and compare: the arrivals' share of the error. */
  replayArrivals?: boolean;
  /** Also follow each patient of each state (runs go on until they have left) and check their remaining-stay intervals. */
  patients?: boolean;
}

export interface BacktestOutcome {
  report: ScoreReport;
  /** Minutes of the run at which the states were taken. */
  at: number[];
  /** MAE of the median over MAE of persistence, pooled over the wards (census only) and the pooled hours. */
  maeRatioToPersistence: number;
  /** With replayArrivals: the same moments forecast with the real arrivals, beside the drawn ones. */
  arrivals?: ArrivalsShare;
  /** With patients: each patient's 80% remaining-stay interval against when the reference run let it go. */
  patients?: PatientCoverage;
}

export async function backtestForecast(
  scenario: Scenario,
  plan: BacktestPlan,
  pool: NodeWorkerPool,
  onSnapshot?: (done: number, total: number) => void,
): Promise<BacktestOutcome> {
  const model = compileScenario({
    ...scenario,
    warmupDays: 0,
    horizonDays: plan.toDay + Math.ceil(plan.hours / 24) + 1 + (plan.patients ? PATIENT_HORIZON_DAYS : 0),
  });
  const buffer = new TraceBuffer();
  runHospital(model, { seed: `${plan.seedSet}-reference`, replication: 1, trace: buffer, figures: false });
  const trace = buffer.toData();
  const rng = seedrandom(`${plan.seedSet}-snapshot-hours`);
  const first = plan.fromDay * 24;
  const span = plan.toDay * 24 - first;
  const hoursDrawn = new Set<number>();
  while (hoursDrawn.size < Math.min(plan.snapshots, span)) hoursDrawn.add(first + Math.floor(rng() * span));
  const at = [...hoursDrawn].sort((a, b) => a - b).map((h) => h * 60);
  const start = localMinutes(scenario.start);
  const forecasts = [];
  const replayed = [];
  const followed: { asOf: string; patients: PatientInterval[] }[] = [];
  for (const [k, t] of at.entries()) {
    const state = parseState(stateFromTrace(model, trace, t, start).state, `${scenario.name} at minute ${t}`);
    const run = await runForecastParallel(scenario, state, {
      hours: plan.hours,
      replications: plan.replications,
      seed: `${plan.seedSet}-forecast-${k}`,
      workers: pool,
      // The census is the same with or without (a replication's first hours do not depend on how long it runs).
      ...(plan.patients ? { patients: true } : {}),
    });
    if (run.failures.length > 0) throw new Error(`backtest: ${run.failures.length} replications failed: ${run.failures[0]!.error}`);
    forecasts.push({ samples: forecastSamples(run.summary, run.perReplication), label: state.asOf });
    if (run.patients) followed.push({ asOf: state.asOf, patients: run.patients });
    if (plan.replayArrivals) {
      const real = await runForecastParallel(scenario, state, {
        hours: plan.hours,
        replications: plan.replications,
        seed: `${plan.seedSet}-forecast-${k}`,
        workers: pool,
        replayed: arrivalsFromTrace(trace, start, start + t, start + t + plan.hours * 60),
      });
      if (real.failures.length > 0) throw new Error(`backtest: ${real.failures.length} replications failed: ${real.failures[0]!.error}`);
      replayed.push({ samples: forecastSamples(real.summary, real.perReplication), label: `${state.asOf}, real arrivals` });
    }
    onSnapshot?.(k + 1, at.length);
  }
  const truth = truthFromTrace(model, trace, scenario.start);
  const report = scoreForecasts(forecasts, truth, { pooled: [24, plan.hours] });
  const arrivals = plan.replayArrivals ? arrivalsShare(forecasts, replayed, truth, [24, plan.hours]) : undefined;
  const patients = plan.patients ? scorePatientIntervals(followed, (p) => truth.patientLeaving!(p)) : undefined;
  const wards = report.series.filter((s) => s.measure === 'census');
  const sum = (f: (s: (typeof wards)[number]) => number): number => wards.reduce((t, s) => t + f(s), 0);
  return {
    report,
    at,
    maeRatioToPersistence: sum((s) => s.pooled.maeMedian.value) / sum((s) => s.pooled.maePersistence.value),
    ...(arrivals ? { arrivals } : {}),
    ...(patients ? { patients } : {}),
  };
}

/**
 * `npm run bench -- --only forecast-backtest`: a small backtest of two
 * scenarios (12 snapshots × 72 h × 60 replications each, a seed set of its
 * own), for the trend of coverage and skill from build to build; the full
 * backtest and its reading are in docs/forecast-backtest.md.
 */
export const BENCH_BACKTESTS = [
  // A shorter window than the report's (days 21–200): each state is read from the start of the trace, so a long run costs most of the time.
  { scenario: 'general-hospital', fromDay: 21, toDay: 100 },
  { scenario: 'flu-season', fromDay: 21, toDay: 84 },
] as const;

export async function benchForecastBacktest(
  log: (line: string) => void,
  pool: NodeWorkerPool,
  scenarioOf: (name: string) => Scenario,
): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  for (const b of BENCH_BACKTESTS) {
    const t0 = performance.now();
    const out = await backtestForecast(
      scenarioOf(b.scenario),
      { snapshots: 12, replications: 60, hours: 72, fromDay: b.fromDay, toDay: b.toDay, seedSet: 'bench' },
      pool,
    );
    for (const s of out.report.series) figures[`forecast.${b.scenario}.coverage80.${s.name}`] = s.pooled.coverage80.value;
    figures[`forecast.${b.scenario}.maeRatioToPersistence`] = out.maeRatioToPersistence;
    log(
      `${b.scenario}: 12 snapshots × 72 h × 60 replications in ${((performance.now() - t0) / 1000).toFixed(0)} s; 80% band held (24–72 h) ${out.report.series
        .map((s) => `${s.name} ${(s.pooled.coverage80.value * 100).toFixed(0)}%`)
        .join(', ')}`,
    );
  }
  return figures;
}
