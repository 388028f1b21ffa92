import { describe, expect, it } from 'vitest';
import { createStream, standardNormal } from '../../sim-core/index.js';
import { replicateToPrecision } from './replicate-to-precision.js';

/**
 * A runner whose figure "x" is N(μ, σ²), a fixed draw per replication number. The draws come
 * from one stream in turn: the first draws of alea streams whose names differ only in their
 * last character ("rep1", "rep2", …) fall on a lattice, and are not independent.
 */
const normalRunner = (mu: number, sigma: number, seed: number) => {
  const rng = createStream(seed, 'synthetic');
  const draws = Array.from({ length: 2000 }, () => mu + sigma * standardNormal(rng));
  return async (rep: number) => ({ x: draws[rep - 1]! });
};

describe('replications to a requested precision', () => {
  it('runs about (t·σ/(γ·μ))² replications: μ = 100, σ = 10, γ = 2% gives ≈ 96', async () => {
    // n* = (1.96·10/2)² ≈ 96; the stopping n follows the estimated variance, whose relative sd is
    // √(2/(n−1)) ≈ 14.5%: each seed within 3.29 of those sds (±48%), the mean of 10 within ±16%.
    const ns: number[] = [];
    for (let seed = 1; seed <= 10; seed++) {
      const r = await replicateToPrecision({ runOne: normalRunner(100, 10, seed), figure: 'x', relativeHalfWidth: 0.02, maxReplications: 1000 });
      expect(r.met).toBe(true);
      expect(r.stoppedBy).toBe('precision');
      expect(r.interval.halfWidth).toBeLessThanOrEqual(0.02 * Math.abs(r.interval.mean));
      expect(r.perReplication.map((p) => p.replication)).toEqual(Array.from({ length: r.perReplication.length }, (_, i) => i + 1));
      expect(r.perReplication.length, `seed ${seed}`).toBeGreaterThan(96 * 0.52);
      expect(r.perReplication.length, `seed ${seed}`).toBeLessThan(96 * 1.48);
      ns.push(r.perReplication.length);
    }
    const mean = ns.reduce((s, n) => s + n, 0) / ns.length;
    expect(mean).toBeGreaterThan(96 * 0.84);
    expect(mean).toBeLessThan(96 * 1.16);
  });

  it('stops at the cap and says the target was not met', async () => {
    const r = await replicateToPrecision({ runOne: normalRunner(100, 10, 1), figure: 'x', relativeHalfWidth: 0.001, maxReplications: 30, batch: 8 });
    expect(r).toMatchObject({ met: false, stoppedBy: 'maxReplications' });
    expect(r.perReplication).toHaveLength(30);
  });

  it('stops after the minimum when the figure does not vary', async () => {
    const r = await replicateToPrecision({ runOne: async () => ({ x: 5 }), figure: 'x', relativeHalfWidth: 0.01, minReplications: 3, maxReplications: 50 });
    expect(r.perReplication).toHaveLength(3);
    expect(r.met).toBe(true);
  });

  it('adds replications in batches, each batch started together', async () => {
    let running = 0;
    let most = 0;
    const runOne = async (rep: number) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 1));
      running--;
      return normalRunner(100, 10, 3)(rep);
    };
    const r = await replicateToPrecision({ runOne, figure: 'x', relativeHalfWidth: 0.05, minReplications: 4, maxReplications: 200, batch: 4 });
    expect(most).toBe(4);
    expect(r.perReplication.length % 4).toBe(0);
  });

  it('stops between batches when cancelled, keeping what finished', async () => {
    const controller = new AbortController();
    const r = await replicateToPrecision({
      runOne: normalRunner(100, 10, 1),
      figure: 'x',
      relativeHalfWidth: 0.001,
      maxReplications: 1000,
      signal: controller.signal,
      onProgress: (done) => done >= 10 && controller.abort(),
    });
    expect(r).toMatchObject({ met: false, stoppedBy: 'signal' });
    expect(r.perReplication).toHaveLength(10);
  });

  it('names the figures it has when asked for one the runner does not report', async () => {
    await expect(replicateToPrecision({ runOne: async () => ({ wait: 1 }), figure: 'wiat', relativeHalfWidth: 0.1, maxReplications: 10 })).rejects.toThrow(
      /no figure "wiat" \(it has wait\)/,
    );
  });
});
