/**
 * The built-in general hospital: one simulated year per replication, on one
 * core; then many replications on worker threads, with 1 worker and with all
 * cores, for the speed-up and for what going through a worker costs.
 */
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { builtinScenario, compileScenario, parseScenario } from '../scenarios/index.js';
import { runReplication } from '../workers/index.js';
import { NodeWorkerPool } from '../workers/node.js';

export type Figures = Record<string, number | string | null>;

function generalHospital() {
  const builtin = builtinScenario('general-hospital');
  if (!builtin) throw new Error('the built-in general-hospital scenario is missing');
  return parseScenario(builtin.document, builtin.name);
}

/** Wall time per simulated year and events per second, main thread. */
export async function benchHospitalYear(replications = 5): Promise<Figures> {
  const scenario = generalHospital();
  const model = compileScenario(scenario);
  runReplication(model, 1, 1000); // warm the JIT
  const seconds: number[] = [];
  let events = 0;
  for (let rep = 1; rep <= replications; rep++) {
    const t0 = performance.now();
    const r = runReplication(model, 1, rep);
    seconds.push((performance.now() - t0) / 1000);
    events += r.events;
  }
  const total = seconds.reduce((a, b) => a + b, 0);
  const years = (scenario.horizonDays + scenario.warmupDays) / 365;
  const sorted = [...seconds].sort((a, b) => a - b);
  return {
    'hospital.simulatedDaysPerReplication': scenario.horizonDays + scenario.warmupDays,
    'hospital.secondsPerReplication.median': sorted[Math.floor(sorted.length / 2)]!,
    'hospital.secondsPerSimulatedYear': total / replications / years,
    'hospital.eventsPerSecond': events / total,
    'hospital.eventsPerReplication': events / replications,
  };
}

/** Replications on 1 worker and on all cores: speed-up, and the cost of a worker versus the main thread. */
export async function benchHospitalParallel(replications = 200): Promise<Figures> {
  const scenario = generalHospital();
  const model = compileScenario(scenario);
  const numbers = Array.from({ length: replications }, (_, i) => i + 1);
  const cores = availableParallelism();

  // Main thread, same replications as one worker runs, for the per-replication overhead of a worker.
  const sample = Math.min(replications, 20);
  runReplication(model, 1, 1000);
  const t0 = performance.now();
  for (let rep = 1; rep <= sample; rep++) runReplication(model, 1, rep);
  const mainPerRep = (performance.now() - t0) / sample;

  const timed = async (workers: number, count: number): Promise<number> => {
    const pool = new NodeWorkerPool(workers);
    try {
      await pool.run({ scenario, seed: 1, replications: [1000 + workers] }); // start-up and JIT warm-up
      const start = performance.now();
      const out = await pool.run({ scenario, seed: 1, replications: numbers.slice(0, count) });
      if (out.failures.length > 0) throw new Error(`replication ${out.failures[0]!.replication} failed: ${out.failures[0]!.error}`);
      return performance.now() - start;
    } finally {
      await pool.close();
    }
  };
  const oneWorkerSample = await timed(1, sample);
  const one = await timed(1, replications);
  const all = await timed(cores, replications);
  return {
    'parallel.replications': replications,
    'parallel.cores': cores,
    'parallel.secondsOneWorker': one / 1000,
    'parallel.secondsAllCores': all / 1000,
    'parallel.speedUp': one / all,
    'parallel.speedUpPerCore': one / all / cores,
    'parallel.workerOverheadPerReplication': oneWorkerSample / sample / mainPerRep - 1,
  };
}
