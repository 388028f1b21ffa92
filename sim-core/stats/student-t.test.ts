import { describe, expect, it } from 'vitest';
import { studentTCdf, studentTQuantile } from './student-t.js';

describe('studentTQuantile', () => {
  it('matches the printed t-table at 97.5% (to its 4 decimals)', () => {
    // Two-sided 95% critical values, e.g. NIST/SEMATECH e-Handbook 1.3.6.7.2.
    // Tolerance 5e-5: the table is rounded to 4 decimals.
    const table: ReadonlyArray<readonly [df: number, t: number]> = [
      [1, 12.7062],
      [4, 2.7764],
      [9, 2.2622],
      [29, 2.0452],
      [1000, 1.9623],
    ];
    for (const [df, t] of table) expect(Math.abs(studentTQuantile(0.975, df) - t)).toBeLessThan(5e-5);
  });

  it('matches the closed forms for 1 and 2 degrees of freedom to 1e-10', () => {
    // df = 1 (Cauchy): t = tan(π(p − ½)), written −1/tan(πp) below ½ and 1/tan(π(1 − p))
    // above so that the reference itself is accurate in the tails;
    // df = 2: t = (2p − 1)/√(2p(1 − p)).
    for (const p of [1e-9, 1e-4, 0.001, 0.025, 0.1, 0.3, 0.45, 0.55, 0.7, 0.9, 0.975, 0.999]) {
      const cauchy = p < 0.5 ? -1 / Math.tan(Math.PI * p) : 1 / Math.tan(Math.PI * (1 - p));
      const two = (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
      expect(Math.abs(studentTQuantile(p, 1) / cauchy - 1)).toBeLessThan(1e-10);
      expect(Math.abs(studentTQuantile(p, 2) / two - 1)).toBeLessThan(1e-10);
    }
  });

  it('keeps its relative accuracy far in the lower tail', () => {
    // scipy.stats.t.ppf(1e-10, 9) = -30.737330949971977.
    expect(Math.abs(studentTQuantile(1e-10, 9) / -30.737330949971977 - 1)).toBeLessThan(1e-9);
  });

  it('inverts the CDF for fractional and large df', () => {
    for (const df of [0.5, 3.7, 150, 1e5]) {
      for (const p of [0.001, 0.05, 0.5, 0.8, 0.975, 0.9995]) {
        expect(Math.abs(studentTCdf(studentTQuantile(p, df), df) - p)).toBeLessThan(1e-12);
      }
    }
  });

  it('approaches the normal quantile as df grows, but still sees df', () => {
    // Cornish–Fisher: t_p ≈ z + (z³ + z)/(4 df); z_{0.975} = 1.959963985, so at df = 1e7
    // t = 1.959964222 (scipy.stats.t.ppf gives 1.959964221767), 2.4e-7 above z.
    expect(Math.abs(studentTQuantile(0.975, 1e7) - 1.959964222)).toBeLessThan(1e-8);
  });

  it('is antisymmetric, with 0 at the median and infinities at 0 and 1', () => {
    expect(studentTQuantile(0.25, 7)).toBe(-studentTQuantile(0.75, 7)); // 1 − 0.75 is exactly 0.25
    expect(studentTQuantile(0.5, 7)).toBe(0);
    expect(studentTQuantile(0, 7)).toBe(-Infinity);
    expect(studentTQuantile(1, 7)).toBe(Infinity);
  });

  it('refuses a probability outside [0, 1] or a df that is not positive and finite', () => {
    expect(() => studentTQuantile(1.5, 3)).toThrow(RangeError);
    expect(() => studentTQuantile(Number.NaN, 3)).toThrow(RangeError);
    expect(() => studentTQuantile(0.9, 0)).toThrow(RangeError);
    expect(() => studentTQuantile(0.9, Infinity)).toThrow(RangeError);
  });
});

describe('studentTCdf', () => {
  it('matches the closed forms for 1 and 2 degrees of freedom', () => {
    // df = 1: ½ + arctan(t)/π; df = 2: ½ + t / (2√(2 + t²)).
    for (const t of [-1e4, -30, -2.5, -0.3, 0, 0.3, 1, 4.302653, 63.657, 1e6]) {
      expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 14);
      expect(studentTCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), 14);
    }
  });

  it('matches scipy at a few points', () => {
    // scipy.stats.t.cdf([-3, 0.5, 2.5], [3, 7, 29]) = [0.02883444, 0.68379643, 0.99083733].
    expect(studentTCdf(-3, 3)).toBeCloseTo(0.02883444, 8);
    expect(studentTCdf(0.5, 7)).toBeCloseTo(0.68379643, 8);
    expect(studentTCdf(2.5, 29)).toBeCloseTo(0.99083733, 8);
  });

  it('gives 0 and 1 at the infinities and NaN for NaN', () => {
    expect(studentTCdf(-Infinity, 4)).toBe(0);
    expect(studentTCdf(Infinity, 4)).toBe(1);
    expect(studentTCdf(Number.NaN, 4)).toBeNaN();
  });
});
