import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { centralCoverage } from './central-coverage.js';
import { addPit } from './pit-histogram.js';
import { pitInterval } from './pit.js';

describe('randomised PIT of a count', () => {
  it('is the interval [F(y−), F(y)] of the sample', () => {
    expect(pitInterval([1, 2, 2, 3], 2)).toEqual({ lo: 0.25, hi: 0.75 });
    expect(pitInterval([1, 2, 2, 3], 0)).toEqual({ lo: 0, hi: 0 });
    expect(pitInterval([1, 2, 2, 3], 9)).toEqual({ lo: 1, hi: 1 });
    expect(pitInterval([1, 2, 2, 3], 2.5)).toEqual({ lo: 0.75, hi: 0.75 });
  });

  it('spreads its interval over the histogram bins, and a point falls in one bin', () => {
    const h = new Float64Array(10);
    addPit(h, 0.25, 0.45);
    expect(Array.from(h, (x) => +x.toFixed(12))).toEqual([0, 0, 0.25, 0.5, 0.25, 0, 0, 0, 0, 0]);
    addPit(h, 1, 1);
    expect(h[9]).toBe(1);
  });

  it('of a truth drawn uniformly from the forecast {0, …, 9} gives a flat histogram (each value fills one bin)', () => {
    const sample = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    const h = new Float64Array(10);
    for (let y = 0; y <= 9; y++) {
      const { lo, hi } = pitInterval(sample, y);
      addPit(h, lo, hi);
    }
    expect(Array.from(h, (x) => +x.toFixed(12))).toEqual(Array(10).fill(1));
  });

  it('of truths from the forecast distribution itself (Poisson-like counts) is flat within its binomial interval', () => {
    // 4,000 truths and a 400-draw forecast of the same binomial(20, 0.3) count: each bin's share
    // is 0.1 with sd ≤ √(0.1 × 0.9 / 4000) = 0.0047, plus the forecast sample's own error
    // (about 0.015 per bin from 400 draws); 0.1 ± 0.04 is over 2.5 sd of both.
    const rng = seedrandom('pit-flat');
    const draw = (): number => Array.from({ length: 20 }, () => (rng() < 0.3 ? 1 : 0)).reduce<number>((s, x) => s + x, 0);
    const sample = Array.from({ length: 400 }, draw).sort((a, b) => a - b);
    const h = new Float64Array(10);
    let cover80 = 0;
    for (let i = 0; i < 4000; i++) {
      const { lo, hi } = pitInterval(sample, draw());
      addPit(h, lo, hi);
      cover80 += centralCoverage(lo, hi, 0.8);
    }
    for (const x of h) expect(Math.abs(x / 4000 - 0.1)).toBeLessThan(0.04);
    expect(Math.abs(cover80 / 4000 - 0.8)).toBeLessThan(0.04);
  });

  it('a forecast too narrow gives a U-shaped histogram and coverage below 80%', () => {
    const rng = seedrandom('pit-narrow');
    const sample = Array.from({ length: 200 }, (_, i) => 10 + (i % 3) - 1).sort((a, b) => a - b);
    const h = new Float64Array(10);
    let cover80 = 0;
    for (let i = 0; i < 2000; i++) {
      const { lo, hi } = pitInterval(sample, Math.floor(rng() * 21));
      addPit(h, lo, hi);
      cover80 += centralCoverage(lo, hi, 0.8);
    }
    expect(h[0]! + h[9]!).toBeGreaterThan(0.5 * 2000);
    expect(cover80 / 2000).toBeLessThan(0.3);
  });
});

describe('coverage of a central band by the PIT interval', () => {
  it('is the share of the interval inside [0.1, 0.9] for the 80% band, and 0 or 1 for a point', () => {
    expect(centralCoverage(0.25, 0.75, 0.8)).toBe(1);
    expect(centralCoverage(0, 0.5, 0.8)).toBeCloseTo(0.8, 12);
    expect(centralCoverage(0, 1, 0.5)).toBeCloseTo(0.5, 12);
    expect(centralCoverage(0.95, 0.95, 0.8)).toBe(0);
    expect(centralCoverage(0.5, 0.5, 0.8)).toBe(1);
  });
});
