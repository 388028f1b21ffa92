import { describe, it } from 'vitest';
import { exponential } from '../../sim-core/index.js';
import { jacksonArrivalRates, mmc } from './queueing-theory.js';
import { expectLittlesLaw, expectTheoryInInterval, replicate } from './replicate.js';
import { runStationNetwork, type StationSpec } from './station-network.js';

describe('open Jackson network of three stations', () => {
  it('each station behaves as an independent M/M/c at its traffic-equation rate', () => {
    // Triage -> doctor (0.7) or imaging (0.3); doctor -> imaging (0.2) or back to triage (0.1);
    // imaging -> doctor (0.25). Only triage has outside arrivals.
    const routing = [
      [0, 0.7, 0.3],
      [0.1, 0, 0.2],
      [0, 0.25, 0],
    ];
    const external = [0.2, 0, 0];
    const servers = [2, 3, 1];
    const means = [6, 9, 3];
    const names = ['triage', 'doctor', 'imaging'];
    const rates = jacksonArrivalRates(external, routing);
    const stations: StationSpec[] = names.map((name, i) => ({
      name,
      servers: servers[i]!,
      service: exponential(means[i]!),
      arrivalRate: external[i]!,
      routing: routing[i]!,
    }));
    const horizon = 400_000;
    const runs = replicate(20, (seed) => runStationNetwork(stations, { seed, warmup: 5_000, horizon }));

    let totalL = 0;
    names.forEach((name, i) => {
      const theory = mmc(rates[i]!, 1 / means[i]!, servers[i]!);
      totalL += theory.l;
      const label = `${name} (lambda=${rates[i]!.toFixed(4)}, c=${servers[i]}, rho=${((rates[i]! * means[i]!) / servers[i]!).toFixed(3)})`;
      expectTheoryInInterval(
        runs.map((r) => r.stations[i]!.arrivals / horizon),
        rates[i]!,
        `${label} arrival rate`,
      );
      expectTheoryInInterval(
        runs.map((r) => r.stations[i]!.meanWait),
        theory.wq,
        `${label} Wq`,
      );
      expectTheoryInInterval(
        runs.map((r) => r.stations[i]!.meanQueue),
        theory.lq,
        `${label} Lq`,
      );
    });
    // Whole network: L = sum of station L; W = L / gamma by Little's law.
    expectTheoryInInterval(
      runs.map((r) => r.meanInSystem),
      totalL,
      'network L',
    );
    expectTheoryInInterval(
      runs.map((r) => r.meanSojourn),
      totalL / external[0]!,
      'network W = L / gamma',
    );
    expectLittlesLaw(runs, horizon, 'Jackson network');
  });
});
