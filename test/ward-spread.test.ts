import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { SpreadTally } from '../bench/ward-spread.js';

/** Poisson by inversion: counts like a ward's admissions over some hours. */
function poisson(rng: () => number, mean: number): number {
  let k = 0;
  let p = Math.exp(-mean);
  let s = p;
  const u = rng();
  while (u > s) {
    k++;
    p *= mean / k;
    s += p;
  }
  return k;
}

/** 2,000 forecasts of 20 replications; the truth one more Poisson(6) draw, the replications from `draw`. */
function tally(draw: (rng: () => number) => number, seed: string) {
  const rng = seedrandom(seed);
  const t = new SpreadTally(seedrandom(`${seed}-pit`));
  for (let g = 0; g < 2000; g++) {
    const truth = poisson(rng, 6);
    t.add(
      'flow',
      g,
      Array.from({ length: 20 }, () => draw(rng)),
      truth,
    );
  }
  return t.summary()[0]!;
}

describe('spread ratio of a forecast against its truth (bench/ward-spread.ts)', () => {
  it('is 1 within its 99% interval when the truth is one more draw of the replications', () => {
    const s = tally((rng) => poisson(rng, 6), 'calibrated');
    expect(Math.abs(s.ratio - 1)).toBeLessThan(2.6 * s.ratioSe);
    // With 20 replications the randomised PIT's 80% band holds about 77% (Monte Carlo in docs/forecast-backtest.md).
    expect(Math.abs(s.coverage - 0.775)).toBeLessThan(2.6 * s.coverageSe + 0.01);
  });

  it('is above 1, and the band holds less, when the replications vary less than the truth', () => {
    // Same mean 6, variance 0.75 + 0.75² ≈ 1.3 instead of 6: the truth's variance is about 4.6 times the forecast's.
    const s = tally((rng) => 6 + (rng() < 0.5 ? -1 : 1) * poisson(rng, 0.75), 'narrow');
    expect(s.ratio - 2.6 * s.ratioSe).toBeGreaterThan(2);
    expect(s.coverage).toBeLessThan(0.6);
  });

  it('is below 1 when the replications vary more than the truth', () => {
    // Mean 6, variance 12: twice the truth's, so the ratio is about 0.5 and a normal band would hold 93%.
    const s = tally((rng) => poisson(rng, 6) + poisson(rng, 6) - 6, 'wide');
    expect(s.ratio + 2.6 * s.ratioSe).toBeLessThan(0.7);
    expect(s.coverage).toBeGreaterThan(0.85);
  });
});
