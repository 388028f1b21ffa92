import { describe, it } from 'vitest';
import { exponential } from '../../sim-core/index.js';
import { mmc } from './queueing-theory.js';
import { expectLittlesLaw, expectTheoryInInterval, replicate } from './replicate.js';
import { runStationNetwork } from './station-network.js';

/** One M/M/c station checked on P(wait), Wq, W, Lq and Little's law over independent replications. */
function checkMMc(lambda: number, mu: number, servers: number, horizon: number, warmup: number, reps: number): void {
  const theory = mmc(lambda, mu, servers);
  const label = `M/M/${servers} (lambda=${lambda}, mu=${mu}, rho=${(lambda / (servers * mu)).toFixed(3)})`;
  const runs = replicate(reps, (seed) =>
    runStationNetwork([{ name: 'station', servers, service: exponential(1 / mu), arrivalRate: lambda }], { seed, warmup, horizon }),
  );
  expectTheoryInInterval(
    runs.map((r) => r.stations[0]!.probabilityOfWait),
    theory.probabilityOfWait,
    `${label} P(wait)`,
  );
  expectTheoryInInterval(
    runs.map((r) => r.stations[0]!.meanWait),
    theory.wq,
    `${label} Wq`,
  );
  expectTheoryInInterval(
    runs.map((r) => r.meanSojourn),
    theory.w,
    `${label} W`,
  );
  expectTheoryInInterval(
    runs.map((r) => r.stations[0]!.meanQueue),
    theory.lq,
    `${label} Lq`,
  );
  expectTheoryInInterval(
    runs.map((r) => r.meanInSystem),
    theory.l,
    `${label} L`,
  );
  expectLittlesLaw(runs, horizon, label);
}

describe('M/M/1 and M/M/c against Erlang C', () => {
  it('M/M/1 at utilisation 0.5 gives Wq = rho/(mu - lambda) = 1', () => {
    checkMMc(0.5, 1, 1, 50_000, 1_000, 20);
  });

  it('M/M/1 heavily loaded (rho = 0.9) gives Wq = 9 and P(wait) = 0.9', () => {
    // Relaxation time ~ 1/(mu (1 - sqrt(rho))^2) ~ 380 min: warm-up 5,000 min, 200,000 min per replication.
    checkMMc(0.9, 1, 1, 200_000, 5_000, 20);
  });

  it('M/M/3 at rho = 0.91 (an ED with three doctors) matches Erlang C', () => {
    // Erlang C, c=3, a=2.73: P(wait) ~ 0.84, Wq ~ 93 min with a 30-minute mean consultation; slow to settle, so long runs.
    checkMMc(0.091, 1 / 30, 3, 2_000_000, 20_000, 20);
  });
});
