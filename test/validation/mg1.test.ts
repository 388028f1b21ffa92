import { describe, it } from 'vitest';
import { constant, lognormal, type Distribution } from '../../sim-core/index.js';
import { mg1 } from './queueing-theory.js';
import { expectLittlesLaw, expectTheoryInInterval, replicate } from './replicate.js';
import { runStationNetwork } from './station-network.js';

function checkMG1(service: Distribution, lambda: number, label: string, horizon: number): void {
  const theory = mg1(lambda, service.mean, service.variance);
  const runs = replicate(20, (seed) => runStationNetwork([{ name: 'scanner', servers: 1, service, arrivalRate: lambda }], { seed, warmup: 5_000, horizon }));
  expectTheoryInInterval(
    runs.map((r) => r.stations[0]!.meanWait),
    theory.wq,
    `${label} Wq (Pollaczek-Khinchine)`,
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
    runs.map((r) => r.stations[0]!.meanBusy),
    lambda * service.mean,
    `${label} utilisation`,
  );
  expectLittlesLaw(runs, horizon, label);
}

describe('M/G/1 against Pollaczek-Khinchine', () => {
  it('lognormal scan times (mean 20 min, sd 30 min) at rho = 0.8', () => {
    // E[S^2] = 30^2 + 20^2 = 1300; Wq = 0.04 * 1300 / (2 * 0.2) = 130 min.
    checkMG1(lognormal(20, 30), 0.04, 'M/G/1 lognormal', 2_000_000);
  });

  it('deterministic service (M/D/1) at rho = 0.85 waits half as long as M/M/1', () => {
    // Wq = rho / (2 mu (1 - rho)) = 0.85 / 0.3 = 2.8333 min for mean service 1.
    checkMG1(constant(1), 0.85, 'M/D/1', 100_000);
  });
});
