/**
 * Sequential replications to a relative precision (Law, Simulation Modeling and
 * Analysis, 5th ed., 9.4.1): add replications until the 95% half-width of one figure
 * is within γ·|x̄|, so the number run is about (t·σ / (γ·μ))² instead of a guess.
 */
import { meanConfidenceInterval, type ConfidenceInterval } from '../../sim-core/index.js';

export interface PrecisionOptions {
  /** Runs replication `rep` (1, 2, …) and returns its figures. */
  runOne: (replication: number) => Promise<Record<string, number>>;
  /** The figure whose interval must be narrow enough. */
  figure: string;
  /** Target half-width as a fraction of |mean| (0.02 = ±2%). */
  relativeHalfWidth: number;
  /** Replications before the first check (default 5; at least 2). */
  minReplications?: number;
  /** Stop here even if the target is not met. */
  maxReplications: number;
  /** Replications started together between checks (default 1); a pool runs them in parallel. */
  batch?: number;
  /** Confidence level (default 0.95). */
  level?: number;
  onProgress?: (done: number, interval: ConfidenceInterval) => void;
  signal?: AbortSignal;
}

export interface PrecisionResult {
  /** Figures of replications 1 … n, in order. */
  perReplication: { replication: number; figures: Record<string, number> }[];
  /** The figure's interval over the finite values of those replications. */
  interval: ConfidenceInterval;
  /** halfWidth ≤ relativeHalfWidth · |mean| was reached. */
  met: boolean;
  /** Why it stopped. */
  stoppedBy: 'precision' | 'maxReplications' | 'signal';
}

export async function replicateToPrecision(o: PrecisionOptions): Promise<PrecisionResult> {
  const min = o.minReplications ?? 5;
  const batch = o.batch ?? 1;
  const level = o.level ?? 0.95;
  if (!(o.relativeHalfWidth > 0)) throw new RangeError(`replicateToPrecision: relativeHalfWidth must be > 0, got ${o.relativeHalfWidth}`);
  if (!Number.isInteger(min) || min < 2) throw new RangeError(`replicateToPrecision: minReplications must be an integer >= 2, got ${min}`);
  if (!Number.isInteger(o.maxReplications) || o.maxReplications < min) {
    throw new RangeError(`replicateToPrecision: maxReplications must be an integer >= minReplications (${min}), got ${o.maxReplications}`);
  }
  if (!Number.isInteger(batch) || batch < 1) throw new RangeError(`replicateToPrecision: batch must be a positive integer, got ${batch}`);

  const perReplication: PrecisionResult['perReplication'] = [];
  const values: number[] = [];
  let interval = meanConfidenceInterval([], level);
  const runUpTo = async (n: number): Promise<void> => {
    const first = perReplication.length + 1;
    const reps = Array.from({ length: n - first + 1 }, (_, i) => first + i);
    const done = await Promise.all(reps.map(async (replication) => ({ replication, figures: await o.runOne(replication) })));
    for (const r of done) {
      if (!(o.figure in r.figures)) {
        throw new Error(
          `replicateToPrecision: replication ${r.replication} has no figure "${o.figure}" (it has ${Object.keys(r.figures).slice(0, 20).join(', ')}${Object.keys(r.figures).length > 20 ? ', …' : ''})`,
        );
      }
      perReplication.push(r);
      const x = r.figures[o.figure]!;
      // Like summariseReplications: a replication where the figure is undefined (NaN) says nothing about it.
      if (Number.isFinite(x)) values.push(x);
    }
    interval = meanConfidenceInterval(values, level);
    o.onProgress?.(perReplication.length, interval);
  };
  const precise = (): boolean => interval.n >= 2 && interval.halfWidth <= o.relativeHalfWidth * Math.abs(interval.mean);

  await runUpTo(min);
  for (;;) {
    if (precise()) return { perReplication, interval, met: true, stoppedBy: 'precision' };
    if (perReplication.length >= o.maxReplications) return { perReplication, interval, met: false, stoppedBy: 'maxReplications' };
    if (o.signal?.aborted) return { perReplication, interval, met: false, stoppedBy: 'signal' };
    await runUpTo(Math.min(o.maxReplications, perReplication.length + batch));
  }
}
