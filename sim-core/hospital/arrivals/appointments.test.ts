/** Appointment arrivals: booked slots every week, each booked patient missing with the no-show probability. */
import { describe, expect, it } from 'vitest';
import { runArrivals } from './test-host.js';

const WEEK = 7 * 1440;

describe('appointment arrivals', () => {
  it('with no no-shows, every booked patient comes at their slot', () => {
    const { arrivals } = runArrivals({ type: 'appointments', slots: [540, 570], perSlot: 2, noShow: 0 }, WEEK - 1);
    expect(arrivals.map((a) => a.at)).toEqual([540, 540, 570, 570]);
  });

  it('the share who come is 1 − noShow (binomial, 4 standard errors)', () => {
    // 10 slots a week, 3 booked each, 40 weeks: 1200 booked; 20% no-shows, sd of the count sqrt(1200·0.2·0.8) = 13.9.
    const slots = Array.from({ length: 10 }, (_, k) => 540 + k * 1440 * 0.5);
    const { arrivals } = runArrivals({ type: 'appointments', slots, perSlot: 3, noShow: 0.2 }, 40 * WEEK - 1);
    expect(Math.abs(arrivals.length - 960)).toBeLessThan(4 * Math.sqrt(1200 * 0.2 * 0.8));
    expect(arrivals.every((a) => slots.includes(a.at % WEEK))).toBe(true);
  });
});
