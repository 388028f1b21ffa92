import { describe, expect, it } from 'vitest';
import { TimeWeighted } from './time-weighted.js';

/**
 * Beds busy: 0 on [0, 2), 3 on [2, 5), 1 on [5, 10), 4 from 10. By hand, to t = 12:
 * area = 0·2 + 3·3 + 1·5 + 4·2 = 22, mean = 22/12 = 1.8333,
 * E[v²] = (9·3 + 1·5 + 16·2)/12 = 64/12, variance = 64/12 − (22/12)² = 71/36 = 1.9722
 * (confirmed with numpy.average(v, weights=durations)).
 */
function bedsBusy(): TimeWeighted {
  const tw = new TimeWeighted(0, 0, { keepVariance: true });
  tw.update(2, 3);
  tw.update(5, 1);
  tw.update(10, 4);
  return tw;
}

describe('TimeWeighted', () => {
  it('weights each level by how long it was held', () => {
    const tw = bedsBusy();
    expect(tw.value).toBe(4);
    expect(tw.area(12)).toBe(22);
    expect(tw.mean(12)).toBeCloseTo(22 / 12, 14);
    expect(tw.variance(12)).toBeCloseTo(71 / 36, 14);
    expect(tw.max).toBe(4);
    expect(tw.min).toBe(0);
  });

  it('reads the same at any later time without changing state', () => {
    const tw = bedsBusy();
    expect(tw.area(20)).toBe(54); // 22 + 4·8
    expect(tw.area(12)).toBe(22);
  });

  it('averages from its own start time, not from zero', () => {
    // A ward opening at 08:00 (480 min) with 10 beds busy, 12 from 09:00, read at 10:00.
    const tw = new TimeWeighted(480, 10);
    tw.update(540, 12);
    expect(tw.mean(600)).toBe(11);
    expect(tw.area(600)).toBe(1320);
  });

  it('deletes the warm-up on reset but keeps the current level', () => {
    const tw = new TimeWeighted(0, 2, { keepVariance: true });
    tw.update(1, 5);
    tw.update(3, 1);
    tw.reset(4);
    tw.update(8, 2);
    // After reset: 1 on [4, 8), 2 on [8, 10): mean = (4 + 4)/6; the earlier peak of 5 is gone.
    expect(tw.area(10)).toBe(8);
    expect(tw.mean(10)).toBeCloseTo(8 / 6, 14);
    expect(tw.variance(10)).toBeCloseTo(2 / 9, 14); // E[v²] = (4 + 8)/6 = 2, minus (4/3)² = 16/9
    expect(tw.max).toBe(2);
    expect(tw.min).toBe(1);
  });

  it('counts a peak reached and left at the same instant in max, but not in the area', () => {
    const tw = new TimeWeighted(0, 1);
    tw.update(5, 7);
    tw.update(5, 2);
    expect(tw.max).toBe(7);
    expect(tw.area(10)).toBe(15); // 1·5 + 2·5
  });

  it('keeps the variance of a level far from zero', () => {
    // The same profile as bedsBusy shifted by 1e9 has the same variance, 71/36;
    // E[v²] − E[v]² would be swamped by rounding at this magnitude.
    const tw = new TimeWeighted(0, 1e9, { keepVariance: true });
    tw.update(2, 1e9 + 3);
    tw.update(5, 1e9 + 1);
    tw.update(10, 1e9 + 4);
    expect(tw.variance(12)).toBeCloseTo(71 / 36, 6);
  });

  it('has zero variance for a level that never changes', () => {
    const tw = new TimeWeighted(0, 6, { keepVariance: true });
    tw.update(3, 6);
    expect(tw.variance(9)).toBe(0);
    expect(tw.mean(9)).toBe(6);
  });

  it('returns NaN for the mean of an interval of zero length', () => {
    const tw = new TimeWeighted(100, 3, { keepVariance: true });
    expect(tw.mean(100)).toBeNaN();
    expect(tw.variance(100)).toBeNaN();
    expect(tw.area(100)).toBe(0);
  });

  it('gives the same area and mean without the variance, and refuses the variance it did not keep', () => {
    const lean = new TimeWeighted(0);
    const full = bedsBusy();
    lean.update(2, 3);
    lean.update(5, 1);
    lean.update(10, 4);
    expect(lean.area(12)).toBe(full.area(12));
    expect(lean.mean(12)).toBe(full.mean(12));
    expect(() => lean.variance(12)).toThrow(/keepVariance/);
  });

  it("changes at a clock's time as update does at that time", () => {
    const clock = { now: 0 };
    const byClock = new TimeWeighted(0);
    for (const [t, v] of [
      [2, 3],
      [5, 1],
      [10, 4],
    ] as const) {
      clock.now = t;
      byClock.change(clock, v);
    }
    expect(byClock.area(12)).toBe(bedsBusy().area(12));
    expect(byClock.max).toBe(4);
    clock.now = 9;
    expect(() => byClock.change(clock, 2)).toThrow(RangeError);
  });

  it('refuses time running backwards or a non-finite level', () => {
    const tw = bedsBusy();
    expect(() => tw.update(9, 2)).toThrow(RangeError);
    expect(() => tw.mean(9)).toThrow(RangeError);
    expect(() => tw.reset(9)).toThrow(RangeError);
    expect(() => tw.update(11, Number.NaN)).toThrow(RangeError);
    expect(() => new TimeWeighted(Number.NaN)).toThrow(RangeError);
  });
});
