import { describe, expect, it } from 'vitest';
import { createStream } from '../random/stream.js';
import { meanConfidenceInterval, pairedDifferenceInterval } from './confidence-interval.js';

describe('meanConfidenceInterval', () => {
  it('matches the Student-t interval for the digits of π', () => {
    // x̄ = 3.9, s² = 6.1, t_{0.975, 9} = 2.262157: 3.9 ± 2.262157·√(6.1/10) = 3.9 ± 1.766801.
    // Confirmed with scipy.stats.t.interval(0.95, 9, 3.9, sem) = (2.13319878, 5.66680122).
    const ci = meanConfidenceInterval([3, 1, 4, 1, 5, 9, 2, 6, 5, 3]);
    expect(ci.n).toBe(10);
    expect(ci.mean).toBeCloseTo(3.9, 14);
    expect(ci.sd).toBeCloseTo(Math.sqrt(6.1), 14);
    expect(ci.lo).toBeCloseTo(2.1331987752405404, 9);
    expect(ci.hi).toBeCloseTo(5.6668012247594595, 9);
    expect(ci.halfWidth).toBeCloseTo(ci.hi - ci.mean, 14);
  });

  it('widens at a higher level: 99% for the same data', () => {
    // scipy.stats.t.interval(0.99, 9, 3.9, sem) = (1.36179730, 6.43820270).
    const ci = meanConfidenceInterval([3, 1, 4, 1, 5, 9, 2, 6, 5, 3], 0.99);
    expect(ci.lo).toBeCloseTo(1.3617973014530174, 9);
    expect(ci.hi).toBeCloseTo(6.4382026985469825, 9);
  });

  it('gives no half-width from a single replication (and no mean from none)', () => {
    const one = meanConfidenceInterval([42]);
    expect(one.mean).toBe(42);
    expect(one.n).toBe(1);
    expect(one.halfWidth).toBeNaN();
    expect(one.lo).toBeNaN();
    expect(one.hi).toBeNaN();
    expect(one.sd).toBeNaN();
    const none = meanConfidenceInterval([]);
    expect(none.mean).toBeNaN();
    expect(none.n).toBe(0);
  });

  it('has zero width when every replication agrees', () => {
    const ci = meanConfidenceInterval(new Float64Array([7, 7, 7]));
    expect(ci.halfWidth).toBe(0);
    expect(ci.lo).toBe(7);
    expect(ci.hi).toBe(7);
  });

  it('refuses a NaN replication and a level outside (0, 1)', () => {
    expect(() => meanConfidenceInterval([1, Number.NaN, 3])).toThrow(/values\[1\]/);
    expect(() => meanConfidenceInterval([1, 2, 3], 1)).toThrow(RangeError);
    expect(() => meanConfidenceInterval([1, 2, 3], 95)).toThrow(RangeError);
  });

  it('covers the true mean 95% of the time for small normal samples', () => {
    // 4000 samples of n = 5 from N(10, 2²) (Box–Muller on a fixed stream). Exact
    // coverage is 0.95; binomial sd = √(.95·.05/4000) = 0.0034, so ±0.014 is 4 sd.
    // Using z = 1.96 instead of t_{0.975,4} = 2.776 would cover only about 0.88.
    const stream = createStream(1, 'stats/ci-coverage');
    const normal = (): number => {
      const u1 = 1 - stream.nextDouble();
      const u2 = stream.nextDouble();
      return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    };
    const trials = 4000;
    let covered = 0;
    const sample = new Float64Array(5);
    for (let k = 0; k < trials; k++) {
      for (let i = 0; i < sample.length; i++) sample[i] = 10 + 2 * normal();
      const ci = meanConfidenceInterval(sample);
      if (ci.lo <= 10 && 10 <= ci.hi) covered++;
    }
    expect(Math.abs(covered / trials - 0.95)).toBeLessThan(0.014);
  });
});

describe('pairedDifferenceInterval', () => {
  it("reproduces R's paired t-test on the sleep data", () => {
    // R: t.test(extra ~ group, data = sleep, paired = TRUE): mean of the differences
    // −1.58, 95% CI −2.4598858 to −0.7001142 (R prints 7 decimals).
    const drug1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
    const drug2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
    const ci = pairedDifferenceInterval(drug1, drug2);
    expect(ci.n).toBe(10);
    expect(ci.mean).toBeCloseTo(-1.58, 12);
    expect(ci.lo).toBeCloseTo(-2.4598858, 7);
    expect(ci.hi).toBeCloseTo(-0.7001142, 7);
  });

  it('is much narrower than comparing the two means separately when runs share random numbers', () => {
    // Scenario b is scenario a plus 1 with a little noise: the replication-to-replication
    // spread cancels in the differences.
    const a = [10, 14, 9, 20, 12, 16];
    const b = [11.1, 14.9, 10.2, 20.8, 13.1, 16.9];
    const paired = pairedDifferenceInterval(b, a);
    expect(paired.mean).toBeCloseTo(1, 12);
    expect(paired.halfWidth).toBeLessThan(meanConfidenceInterval(a).halfWidth / 10);
  });

  it('refuses runs that do not pair up', () => {
    expect(() => pairedDifferenceInterval([1, 2, 3], [1, 2])).toThrow(/pair up/);
    expect(() => pairedDifferenceInterval([1, Infinity], [1, 2])).toThrow(RangeError);
  });
});
