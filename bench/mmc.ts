/**
 * M/M/1000 at utilisation 0.9 (λ = 900 per minute, μ = 1 per minute per server):
 * a deep calendar, with about 900 departures pending at once, through the
 * kernel's public API and through a bare hand-written loop with the same 1,000
 * servers (bench/mmc-bare-loop.ts). The two take turns, one replication each,
 * and their mean waits are held against each other and against Erlang C.
 */
import { performance } from 'node:perf_hooks';
import { exponential, meanConfidenceInterval } from '../sim-core/index.js';
import { mmc } from '../test/validation/queueing-theory.js';
import { runStationNetwork } from '../test/validation/station-network.js';
import { welchDifferenceInterval } from '../workers/index.js';
import { cpuSeconds } from './cpu-time.js';
import type { Figures } from './hospital.js';
import { mmcBareLoop } from './mmc-bare-loop.js';

const SERVERS = 1000;
const MU = 1;
const LAMBDA = 0.9 * SERVERS * MU;
/** Minutes discarded: from empty, the busy servers reach ~900 within a few service times. */
const WARMUP = 20;

interface Measured {
  waits: number[];
  patients: number;
  seconds: number;
  cpu: number;
}

export async function benchMmc1000(log: (line: string) => void): Promise<Figures> {
  const reps = 10;
  const perRep = 200_000;
  const horizon = (patients: number) => patients / LAMBDA;
  const kernel = (r: number, patients: number) => {
    const out = runStationNetwork([{ name: 'servers', servers: SERVERS, service: exponential(1 / MU), arrivalRate: LAMBDA }], {
      seed: r,
      warmup: WARMUP,
      horizon: horizon(patients),
    });
    return { meanWait: out.stations[0]!.meanWait, patients: out.stations[0]!.granted };
  };
  const bare = (r: number, patients: number) => mmcBareLoop(LAMBDA, MU, SERVERS, WARMUP, horizon(patients), String(r));
  // Warm the JIT on a short run of each before timing.
  for (let r = 1; r <= 2; r++) {
    kernel(r, 50_000);
    bare(r, 50_000);
  }
  const k: Measured = { waits: [], patients: 0, seconds: 0, cpu: 0 };
  const b: Measured = { waits: [], patients: 0, seconds: 0, cpu: 0 };
  for (let r = 1; r <= reps; r++) {
    for (const [m, run] of [
      [k, kernel],
      [b, bare],
    ] as const) {
      const t0 = performance.now();
      const c0 = cpuSeconds();
      const out = run(r, perRep);
      m.cpu += cpuSeconds() - c0;
      m.seconds += (performance.now() - t0) / 1000;
      m.waits.push(out.meanWait);
      m.patients += out.patients;
    }
  }
  const theory = mmc(LAMBDA, MU, SERVERS).wq;
  const kernelRate = k.patients / k.seconds;
  const bareRate = b.patients / b.seconds;
  const kci = meanConfidenceInterval(k.waits, 0.95);
  const bci = meanConfidenceInterval(b.waits, 0.95);
  const d = welchDifferenceInterval(k.waits, b.waits, 0.95);
  const ratio = k.cpu / k.patients / (b.cpu / b.patients);
  log(`kernel:    ${(kernelRate / 1e6).toFixed(2)} M patients/s; mean wait ${kci.mean.toExponential(2)} ± ${kci.halfWidth.toExponential(2)} min`);
  log(
    `bare loop: ${(bareRate / 1e6).toFixed(2)} M patients/s; mean wait ${bci.mean.toExponential(2)} ± ${bci.halfWidth.toExponential(2)} min; kernel is ${ratio.toFixed(2)}x slower (CPU time; ${(bareRate / kernelRate).toFixed(2)}x by wall time)`,
  );
  log(
    `Erlang C mean wait ${theory.toExponential(2)} min; kernel − bare loop difference ${d.mean.toExponential(2)} [${d.lo.toExponential(2)}, ${d.hi.toExponential(2)}]: ${d.lo <= 0 && d.hi >= 0 ? 'AGREE' : 'DIFFER'}`,
  );
  return {
    'mmc1000.servers': SERVERS,
    'mmc1000.patients': k.patients,
    'mmc1000.patientsPerSecond': kernelRate,
    'mmc1000.bareLoop.patientsPerSecond': bareRate,
    'mmc1000.ratioToBareLoop': ratio,
    'mmc1000.ratioToBareLoop.wallTime': bareRate / kernelRate,
    'mmc1000.meanWait.theory': theory,
    'mmc1000.meanWait.kernel': kci.mean,
    'mmc1000.meanWait.bareLoop': bci.mean,
  };
}
