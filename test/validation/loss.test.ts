import { describe, expect, it } from 'vitest';
import { exponential, lognormal } from '../../sim-core/index.js';
import { erlangB } from './queueing-theory.js';
import { expectTheoryInInterval, replicate } from './replicate.js';
import { runStationNetwork } from './station-network.js';

describe('M/M/c/c loss system against Erlang B (beds with no waiting room)', () => {
  // A 40-bed unit, 4 admissions a day, mean stay 8 days: offered load 32 Erlangs.
  const beds = 40;
  const lambda = 4 / 1440;
  const meanStay = 8 * 1440;
  // Twenty years per replication: blocking is a rare event (~2.7%), and its CI must be informative.
  const horizon = 20 * 365 * 1440;
  const warmup = 60 * 1440;

  it('blocks the share of admissions that Erlang B predicts', () => {
    const b = erlangB(beds, lambda * meanStay);
    const runs = replicate(30, (seed) =>
      runStationNetwork([{ name: 'beds', servers: beds, service: exponential(meanStay), arrivalRate: lambda, queueCapacity: 0 }], {
        seed,
        warmup,
        horizon,
      }),
    );
    expectTheoryInInterval(
      runs.map((r) => r.stations[0]!.blocking),
      b,
      `Erlang B, c=${beds}, a=32`,
    );
    // Carried load = a (1 - B): mean beds occupied.
    expectTheoryInInterval(
      runs.map((r) => r.stations[0]!.meanBusy),
      lambda * meanStay * (1 - b),
      'occupied beds = a(1-B)',
    );
    for (const r of runs) expect(r.stations[0]!.meanQueue).toBe(0);
  });

  it('is insensitive to the length-of-stay distribution (Erlang B holds for M/G/c/c)', () => {
    const b = erlangB(beds, lambda * meanStay);
    const runs = replicate(30, (seed) =>
      runStationNetwork([{ name: 'beds', servers: beds, service: lognormal(meanStay, 1.5 * meanStay), arrivalRate: lambda, queueCapacity: 0 }], {
        seed,
        warmup,
        horizon,
      }),
    );
    expectTheoryInInterval(
      runs.map((r) => r.stations[0]!.blocking),
      b,
      'Erlang B with lognormal stays',
    );
  });
});
