/**
 * Fitting busy and quiet days: arrivals drawn as a gamma-mixed Poisson
 * process of known cv give that cv back (within the 99.9% t-interval of
 * independent logs); plain Poisson logs seldom get one at all.
 */
import { mean, sampleVariance } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { createStream, gamma, poisson, studentTQuantile } from '../sim-core/index.js';
import { fitArrivals } from './fit/arrivals.js';
import type { LogCase } from './read/flow.js';

const DAYS = 364;
/** A Monday, 2026-01-05 00:00, in minutes since the epoch. */
const FROM = Date.UTC(2026, 0, 5) / 60_000;

/** A year of arrivals at `perDay`, each day's rate times a gamma factor of mean 1 and `cv` (0: Poisson). */
function log(seed: number, perDay: number, cv: number): LogCase[] {
  const rng = createStream(seed, 'day-to-day-log');
  const factor = cv > 0 ? gamma(1 / (cv * cv), cv * cv) : null;
  const cases: LogCase[] = [];
  for (let d = 0; d < DAYS; d++) {
    const n = poisson(perDay * (factor ? factor.sample(rng) : 1)).sample(rng);
    for (let k = 0; k < n; k++) {
      const at = FROM + d * 1440 + rng.next() * 1440;
      cases.push({ id: `${d}-${k}`, cls: 'patients', attributes: {}, arrival: at, arrivalWall: at, endMarker: null, open: false, events: [] });
    }
  }
  return cases;
}

const window = { from: FROM, to: FROM + DAYS * 1440 };

describe('fitting busy and quiet days', () => {
  it('gives back the cv of gamma-mixed Poisson days, and puts it in the scenario', () => {
    const fits = Array.from({ length: 30 }, (_, i) => fitArrivals(log(100 + i, 25, 0.3), window, 0.05));
    const cvs = fits.map((f) => f.dayToDayCv);
    const half = studentTQuantile(0.9995, cvs.length - 1) * Math.sqrt(sampleVariance(cvs) / cvs.length);
    expect(0.3, `cv ${mean(cvs) - half}–${mean(cvs) + half}`).toBeGreaterThanOrEqual(mean(cvs) - half);
    expect(0.3).toBeLessThanOrEqual(mean(cvs) + half);
    // Overdispersion this large is found in every year of data, and the scenario gets it.
    for (const f of fits) {
      expect(f.usesDayToDay).toBe(true);
      expect(f.spec.dayToDayCv).toBeCloseTo(f.dayToDayCv, 4);
    }
  });

  it('leaves Poisson days as they are, save for the test’s own false alarms', () => {
    const fits = Array.from({ length: 40 }, (_, i) => fitArrivals(log(200 + i, 25, 0), window, 0.05));
    // At the 5% level about 2 of 40 years of Poisson days look overdispersed; 6 or more would happen by
    // chance with probability about 1.4%, and these logs are seeded, so the count is fixed.
    expect(fits.filter((f) => f.usesDayToDay).length).toBeLessThanOrEqual(5);
    for (const f of fits) if (!f.usesDayToDay) expect(f.spec.dayToDayCv).toBeUndefined();
  });
});
