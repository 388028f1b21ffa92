/**
 * `run --warmup auto` and `run --precision FIGURE:FRACTION`: the warm-up found by
 * MSER-5 on pilot replications, and as many replications as a figure's interval
 * needs, both reported on stderr so that stdout stays the report (or JSON).
 */
import { InvalidArgumentError } from 'commander';
import { summariseReplications } from '../sim-core/index.js';
import type { Scenario } from '../scenarios/index.js';
import { detectWarmup, replicateToPrecision } from '../workers/index.js';
import type { ParallelExperimentResult, ReplicationRunner } from '../workers/node.js';
import { ReplicationsFailed } from './run-experiment.js';

/** `--warmup DAYS|auto`. */
export function parseWarmup(text: string): number | 'auto' {
  if (text.trim() === 'auto') return 'auto';
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n < 0) throw new InvalidArgumentError(`must be a number of days (0 or more) or "auto", got "${text}"`);
  return n;
}

/** `--warmup D` where "auto" is not offered (export-log): a number of days, 0 or more. */
export function parseWarmupDays(text: string): number {
  const n = parseWarmup(text);
  if (n === 'auto') throw new InvalidArgumentError('must be a number of days (0 or more); "auto" is for run');
  return n;
}

export interface PrecisionTarget {
  figure: string;
  relativeHalfWidth: number;
}

/** `--precision FIGURE:FRACTION`, e.g. `wait.triage.mean:0.02` for a 95% CI within ±2% of the mean. */
export function parsePrecision(text: string): PrecisionTarget {
  const at = text.lastIndexOf(':');
  const figure = text.slice(0, at).trim();
  const fraction = Number(text.slice(at + 1));
  if (at <= 0 || figure === '' || !(fraction > 0 && fraction < 1)) {
    throw new InvalidArgumentError(`must be FIGURE:FRACTION, e.g. "ed.los.mean:0.02" (half-width within 2% of the mean), got "${text}"`);
  }
  return { figure, relativeHalfWidth: fraction };
}

/** The scenario with its warm-up replaced by the one MSER-5 finds; says what it found on stderr. */
export async function withDetectedWarmup(scenario: Scenario, seed: number | string, signal: AbortSignal): Promise<Scenario> {
  process.stderr.write(`Detecting the warm-up (MSER-5 on 5 pilot replications from empty)...\n`);
  const estimate = await detectWarmup(scenario, { seed, signal });
  const days = Math.ceil(estimate.warmupDays);
  process.stderr.write(
    `Warm-up by MSER-5: ${days} day(s) (pilot replications alone: ${estimate.perReplicationDays.map((d) => Math.ceil(d)).join(', ')} days)` +
      `${estimate.atSearchLimit ? '; WARNING: at the search limit, the run may be too short to settle' : ''}.\n`,
  );
  return { ...scenario, warmupDays: days };
}

/** Replications one pool-full at a time until the target figure's 95% CI is narrow enough, or the cap. */
export async function runToPrecision(
  scenario: Scenario,
  o: { seed: number | string; target: PrecisionTarget; maxReplications: number; pool: ReplicationRunner; signal: AbortSignal },
): Promise<ParallelExperimentResult & { precisionMet: boolean }> {
  const full = new Map<number, ParallelExperimentResult['perReplication'][number]>();
  const result = await replicateToPrecision({
    figure: o.target.figure,
    relativeHalfWidth: o.target.relativeHalfWidth,
    maxReplications: o.maxReplications,
    minReplications: Math.min(o.maxReplications, Math.max(5, o.pool.size)),
    batch: o.pool.size,
    signal: o.signal,
    runOne: async (replication) => {
      const out = await o.pool.run({ scenario, seed: o.seed, replications: [replication] });
      const failure = out.failures[0];
      if (failure)
        throw new ReplicationsFailed(
          `${scenario.name}: replication ${failure.replication} (seed ${JSON.stringify(failure.seed)}) failed: ${failure.error.split('\n')[0]}`,
        );
      full.set(replication, out.results[0]!);
      return out.results[0]!.figures;
    },
    onProgress: (done, interval) =>
      process.stderr.write(`  ${done} replications: ${o.target.figure} ${interval.mean.toPrecision(5)} ± ${interval.halfWidth.toPrecision(3)}\n`),
  });
  const { interval } = result;
  process.stderr.write(
    result.met
      ? `Precision reached after ${result.perReplication.length} replications: ${o.target.figure} ${interval.mean.toPrecision(5)} ± ${interval.halfWidth.toPrecision(3)} (95% CI).\n`
      : `Precision NOT reached: stopped after ${result.perReplication.length} replications (${result.stoppedBy}); ${o.target.figure} ± ${interval.halfWidth.toPrecision(3)}.\n`,
  );
  return {
    scenario: scenario.name,
    seed: o.seed,
    replications: result.perReplication.length,
    figures: summariseReplications(result.perReplication.map((r) => r.figures)),
    perReplication: result.perReplication.map((r) => full.get(r.replication)!),
    failures: [],
    cancelled: result.stoppedBy === 'signal',
    precisionMet: result.met,
  };
}
