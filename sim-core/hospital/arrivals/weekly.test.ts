/** Weekly arrivals: Poisson at the hour-of-week rate, thinned; surges raise it by their raised cosine. */
import { describe, expect, it } from 'vitest';
import { surgeFactor } from './weekly.js';
import { runArrivals } from './test-host.js';

const WEEK = 7 * 1440;

describe('weekly arrivals', () => {
  it('come only in the hours with a rate, as many as the rate times the time (Poisson, 4 standard errors)', () => {
    // 6 an hour from 08:00 to 12:00 every day, none otherwise: 4·6·7 = 168 a week; over 20 weeks 3360, sd 58.
    const rate = Array.from({ length: 168 }, (_, h) => (h % 24 >= 8 && h % 24 < 12 ? 6 / 60 : 0));
    const { arrivals } = runArrivals({ type: 'weekly', ratePerMinute: rate }, 20 * WEEK);
    expect(arrivals.every((a) => a.entry === -1 && Math.floor((a.at % 1440) / 60) >= 8 && Math.floor((a.at % 1440) / 60) < 12)).toBe(true);
    expect(Math.abs(arrivals.length - 3360)).toBeLessThan(4 * Math.sqrt(3360));
  });

  it('a rate of zero everywhere brings no one', () => {
    expect(runArrivals({ type: 'weekly', ratePerMinute: new Array<number>(168).fill(0) }, WEEK).arrivals).toEqual([]);
  });

  it('a surge doubles the rate at its centre and leaves it alone beyond its half-width', () => {
    const surges = [{ center: 1000, halfWidth: 100, extra: 1 }];
    expect(surgeFactor(surges, 1000)).toBe(2);
    expect(surgeFactor(surges, 1050)).toBeCloseTo(1.5, 12);
    expect(surgeFactor(surges, 1100)).toBe(1);
    expect(surgeFactor(surges, 0)).toBe(1);
  });
});
