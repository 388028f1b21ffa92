import { describe, expect, it } from 'vitest';
import { createStream, standardNormal } from '../../sim-core/index.js';
import { rankPoints, type RankInput } from './rank-points.js';

/**
 * Five configurations, 20 replications. Cost = a level per point + a shared
 * replication effect (sd 50: the same "busy year" hits every point, as with common
 * random numbers) + the point's own noise (sd 1). The target figure is constant per point.
 */
function synthetic(): RankInput[] {
  const rng = createStream(1, 'synthetic');
  const reps = 20;
  const shared = Array.from({ length: reps }, () => 50 * standardNormal(rng));
  const point = (id: string, level: number, within4h: number): RankInput => ({
    id,
    figures: { 'cost.total': shared.map((s) => level + s + standardNormal(rng)), 'ed.within4h': shared.map(() => within4h) },
  });
  return [
    point('p1', 900, 0.9), // cheapest but misses the target
    point('p2', 1000, 0.96), // best feasible
    point('p3', 1000, 0.97), // same cost: indistinguishable
    point('p4', 1020, 0.98), // 20 dearer: buried in the shared sd of 50, but pairing sees it
    point('p5', 1200, 0.99),
  ];
}

describe('ranking sweep points', () => {
  it('ranks feasible points by the mean, and names those the replications cannot tell from the best', () => {
    const r = rankPoints(synthetic(), { by: 'cost.total', order: 'min', constraint: { figure: 'ed.within4h', atLeast: 0.95 } });
    // p2 and p3 cost the same: which comes out on top is chance; the other must be indistinguishable from it.
    expect(['p2', 'p3']).toContain(r.best);
    expect([...r.indistinguishable].sort()).toEqual(['p2', 'p3']);
    expect(
      r.points
        .slice(0, 2)
        .map((p) => p.point)
        .sort(),
    ).toEqual(['p2', 'p3']);
    expect(r.points.map((p) => [p.rank, p.feasible])).toEqual([
      [1, true],
      [2, true],
      [3, true],
      [4, true],
      [undefined, false],
    ]);
    expect(r.points.slice(2).map((p) => p.point)).toEqual(['p4', 'p5', 'p1']);
    const p4 = r.points.find((p) => p.point === 'p4')!;
    // Three comparisons with the best: each at 1 − 0.05/3.
    expect(p4.versusBest!.level).toBeCloseTo(1 - 0.05 / 3, 12);
    expect(p4.versusBest!.lo).toBeGreaterThan(0);
    // Paired difference of two points with own noise sd 1 over 20 replications: sd √2/√20 ≈ 0.32.
    expect(Math.abs(p4.versusBest!.mean - 20)).toBeLessThan(3.29 * Math.sqrt(2 / 20));
    expect(r.points.find((p) => p.point === 'p1')!.constraints).toEqual([{ figure: 'ed.within4h', mean: 0.9, bound: 0.95, kind: 'atLeast', met: false }]);
    expect(r.method).toMatch(/mean over replications of ed\.within4h is at least 0\.95 \(the point estimate, not a confidence bound/);
    expect(r.method).toMatch(
      /98\.33% paired t-interval .* each of the 3 comparisons with the best is made at 98\.33% so that all hold together with 95% confidence \(Bonferroni\)/,
    );
  });

  it('ranks by the highest mean when asked, with a list of constraints', () => {
    const r = rankPoints(synthetic(), {
      by: 'cost.total',
      order: 'max',
      constraint: [
        { figure: 'ed.within4h', atLeast: 0.95 },
        { figure: 'ed.within4h', atMost: 0.975 },
      ],
    });
    // p2 and p3 cost the same: either may come out on top, and the other is indistinguishable from it.
    expect(
      r.points
        .filter((p) => p.feasible)
        .map((p) => p.point)
        .sort(),
    ).toEqual(['p2', 'p3']);
    expect(r.indistinguishable.sort()).toEqual(['p2', 'p3']);
  });

  it('has no best when no point is feasible, and says so', () => {
    const r = rankPoints(synthetic(), { by: 'cost.total', order: 'min', constraint: { figure: 'ed.within4h', atLeast: 0.999 } });
    expect(r.best).toBeNull();
    expect(r.indistinguishable).toEqual([]);
    expect(r.method).toMatch(/no other feasible point/);
  });
});
