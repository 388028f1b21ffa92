/**
 * How long a scenario's warm-up should be, from the number of patients in the
 * hospital over pilot runs that start empty: the slowest-moving state of the
 * model (ward beds fill over days), so once it has settled the queues have too.
 */
import { runHospital } from '../../sim-core/index.js';
import { compileScenario, type Scenario } from '../../scenarios/index.js';
import { mser, type MserResult } from './mser.js';

export interface WarmupFromSeries extends MserResult {
  /** Warm-up length in minutes: truncation · interval. */
  readonly warmupMinutes: number;
  readonly warmupDays: number;
}

/**
 * MSER-5 on a series of observations `interval` minutes apart, observation i
 * covering (or taken at) minute i · interval from the start of an empty system.
 * @example detectWarmupFromSeries(dailyMeans, 1440).warmupDays
 */
export function detectWarmupFromSeries(series: ArrayLike<number>, interval: number, batchSize = 5): WarmupFromSeries {
  if (!(interval > 0) || !Number.isFinite(interval))
    throw new RangeError(`detectWarmupFromSeries: interval must be a positive number of minutes, got ${interval}`);
  const result = mser(series, batchSize);
  const warmupMinutes = result.truncation * interval;
  return { ...result, warmupMinutes, warmupDays: warmupMinutes / 1440 };
}

export interface DetectWarmupOptions {
  /** Pilot replications whose series are averaged before MSER-5 (default 5). */
  replications?: number;
  /** Default: the scenario's seed. */
  seed?: number | string;
  /** Length of each pilot run, started empty with no warm-up (default: the scenario's warm-up + horizon). */
  pilotDays?: number;
  /** Minutes between snapshots (default 60). */
  snapshotMinutes?: number;
  /**
   * Snapshots are averaged over periods of this many minutes before MSER-5
   * (default 1440, a day), so the hour-of-day cycle of arrivals is not mistaken for a transient.
   */
  periodMinutes?: number;
  /** Periods per MSER batch (default 5). */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface WarmupEstimate extends WarmupFromSeries {
  /** Mean patients in the hospital per period, averaged over the pilot replications. */
  readonly series: readonly number[];
  /** Minutes per entry of `series`. */
  readonly periodMinutes: number;
  /** MSER-5 warm-up of each pilot replication on its own, in days: how much the estimate varies. */
  readonly perReplicationDays: readonly number[];
  readonly replications: number;
}

/**
 * Runs pilot replications of `scenario` from empty with no warm-up, averages their
 * patients-in-hospital series period by period (Welch's ensemble average), and applies
 * MSER-5 to the average. Check `atSearchLimit`: if set, lengthen `pilotDays`.
 */
export async function detectWarmup(scenario: Scenario, options: DetectWarmupOptions = {}): Promise<WarmupEstimate> {
  const replications = options.replications ?? 5;
  const pilotDays = options.pilotDays ?? scenario.warmupDays + scenario.horizonDays;
  const every = options.snapshotMinutes ?? 60;
  const periodMinutes = options.periodMinutes ?? 1440;
  const batchSize = options.batchSize ?? 5;
  if (!Number.isInteger(replications) || replications < 1) throw new RangeError(`detectWarmup: replications must be a positive integer, got ${replications}`);
  if (!Number.isInteger(periodMinutes / every) || periodMinutes < every) {
    throw new RangeError(`detectWarmup: periodMinutes (${periodMinutes}) must be a whole multiple of snapshotMinutes (${every})`);
  }
  const model = compileScenario({ ...scenario, warmupDays: 0, horizonDays: pilotDays });
  const seed = options.seed ?? scenario.seed;
  const perSnapshots = periodMinutes / every;
  const periods = Math.floor((pilotDays * 1440) / periodMinutes);

  const total = new Float64Array(periods);
  const perReplicationDays: number[] = [];
  for (let rep = 1; rep <= replications; rep++) {
    if (options.signal?.aborted) throw new Error('detectWarmup: cancelled');
    const run = runHospital(model, { seed, replication: rep, snapshotEvery: every });
    const counts = run.snapshots?.inSystem ?? [];
    const own = new Float64Array(periods);
    for (let p = 0; p < periods; p++) {
      let sum = 0;
      for (let s = p * perSnapshots; s < (p + 1) * perSnapshots; s++) sum += counts[s] ?? 0;
      own[p] = sum / perSnapshots;
      total[p] = total[p]! + own[p]!;
    }
    perReplicationDays.push(detectWarmupFromSeries(own, periodMinutes, batchSize).warmupDays);
    options.onProgress?.(rep, replications);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  const series = Array.from(total, (x) => x / replications);
  return { ...detectWarmupFromSeries(series, periodMinutes, batchSize), series, periodMinutes, perReplicationDays, replications };
}
