/**
 * The built-in general hospital: one simulated year per replication, on one
 * core; then many replications on worker threads, with 1 worker and with all
 * cores, for the speed-up and for what going through a worker costs.
 */
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { quantile } from 'simple-statistics';
import { builtinScenario, compileScenario, parseScenario } from '../scenarios/index.js';
import { runReplication } from '../workers/index.js';
import { NodeWorkerPool } from '../workers/node.js';
import { cpuCeilingSpeedUp } from './cpu-ceiling.js';
import { cpuSeconds, mainThreadCpuSeconds } from './cpu-time.js';
import { mm1BareLoop } from './mm1-bare-loop.js';

/**
 * Replications each worker (and the main thread) runs before anything is timed.
 * A fresh V8 isolate spends its first dozen or so replications compiling the
 * model's hot functions (about 1.5 s of optimizing-compiler work, on background
 * threads, measured with --trace-opt); timed from cold, that work runs free on
 * an idle core beside one worker but takes turns with the model when every core
 * is busy, which made the all-cores figure a measure of JIT warm-up. The
 * figures below are for warm workers, as in a sweep of thousands; the cold
 * start is timed on its own (`parallel.coldStartSeconds`).
 */
const WARM_UP_REPLICATIONS = 12;

export type Figures = Record<string, number | string | boolean | null>;

function generalHospital() {
  const builtin = builtinScenario('general-hospital');
  if (!builtin) throw new Error('the built-in general-hospital scenario is missing');
  return parseScenario(builtin.document, builtin.name);
}

/**
 * Wall time per simulated year and events per second, main thread. After each
 * replication the bare M/M/1 loop (bench/mm1-bare-loop.ts) runs too, so the
 * hospital's time per event is also given as a ratio to the bare loop's, measured
 * in the same run: a slower or busier machine moves both alike, a slower kernel
 * or interpreter moves only the ratio.
 */
export async function benchHospitalYear(replications = 5): Promise<Figures> {
  const scenario = generalHospital();
  const model = compileScenario(scenario);
  const bareLoop = (rep: number) => mm1BareLoop(0.9, 1, 5_000, 300_000 / 0.9, String(rep));
  runReplication(model, 1, 1000); // warm the JIT
  bareLoop(1000);
  const seconds: number[] = [];
  let events = 0;
  let cpu = 0;
  let bareCpu = 0;
  let bareEvents = 0;
  for (let rep = 1; rep <= replications; rep++) {
    const t0 = performance.now();
    const c0 = cpuSeconds();
    const r = runReplication(model, 1, rep);
    const c1 = cpuSeconds();
    seconds.push((performance.now() - t0) / 1000);
    cpu += c1 - c0;
    events += r.events;
    bareEvents += bareLoop(rep).events;
    bareCpu += cpuSeconds() - c1;
  }
  const total = seconds.reduce((a, b) => a + b, 0);
  const years = (scenario.horizonDays + scenario.warmupDays) / 365;
  const sorted = [...seconds].sort((a, b) => a - b);
  return {
    'hospital.simulatedDaysPerReplication': scenario.horizonDays + scenario.warmupDays,
    'hospital.secondsPerReplication.median': sorted[Math.floor(sorted.length / 2)]!,
    'hospital.secondsPerSimulatedYear': total / replications / years,
    // CPU seconds per event of the hospital over those of the bare M/M/1 loop.
    'hospital.ratioToBareLoop': cpu / events / (bareCpu / bareEvents),
    'hospital.eventsPerSecond': events / total,
    'hospital.eventsPerReplication': events / replications,
    'hospital.cpuSecondsPerSimulatedYear': cpu / replications / years,
  };
}

/** Replications on 1 worker and on all cores: speed-up, and the cost of a worker versus the main thread. */
export async function benchHospitalParallel(replications = 200): Promise<Figures> {
  const scenario = generalHospital();
  const model = compileScenario(scenario);
  const numbers = Array.from({ length: replications }, (_, i) => i + 1);
  const cores = availableParallelism();

  const overhead = await workerOverhead(scenario, model);
  const ceiling = await cpuCeilingSpeedUp(cores);
  // One worker and all cores take turns on blocks of the replications, so that a
  // change in the machine's load falls on both alike.
  const single = new NodeWorkerPool(1);
  const every = new NodeWorkerPool(cores);
  let one = 0;
  let all = 0;
  let coldStart = 0;
  // While every core runs a worker: the main thread's CPU, and the workers' time with work in hand.
  let mainCpu: number | null = 0;
  let busy = 0;
  try {
    const t0 = performance.now();
    await single.run({ scenario, seed: 1, replications: [1000] });
    coldStart = (performance.now() - t0) / 1000;
    await single.run({ scenario, seed: 1, replications: warmUpNumbers(WARM_UP_REPLICATIONS) });
    await every.run({ scenario, seed: 1, replications: warmUpNumbers(WARM_UP_REPLICATIONS * cores) });
    const blocks = 4;
    for (let b = 0; b < blocks; b++) {
      const reps = numbers.filter((_, i) => i % blocks === b);
      one += await timedRun(single, scenario, reps);
      const m0 = mainThreadCpuSeconds();
      const b0 = sum(every.busyMilliseconds());
      all += await timedRun(every, scenario, reps);
      const m1 = mainThreadCpuSeconds();
      mainCpu = mainCpu !== null && m0 !== null && m1 !== null ? mainCpu + m1 - m0 : null;
      busy += sum(every.busyMilliseconds()) - b0;
    }
  } finally {
    await single.close();
    await every.close();
  }
  return {
    'parallel.replications': replications,
    'parallel.cores': cores,
    'parallel.secondsOneWorker': one / 1000,
    'parallel.secondsAllCores': all / 1000,
    'parallel.speedUp': one / all,
    'parallel.speedUpPerCore': one / all / cores,
    // The same speed-up for a loop that only computes: the most this machine gives.
    'parallel.machineCeilingSpeedUp': ceiling,
    'parallel.speedUpOfCeiling': one / all / ceiling,
    // Main-thread CPU milliseconds per replication while every core runs a worker (taking results in, handing work out).
    'parallel.mainThreadCpuMsPerReplication': mainCpu === null ? null : (mainCpu * 1000) / replications,
    // Share of the workers' time without work in hand over the all-cores runs: waiting for the last chunk of a block, hand-overs.
    'parallel.workerIdleShare': 1 - busy / (cores * all),
    'parallel.workerOverheadPerReplication': overhead.median,
    'parallel.workerOverheadPerReplication.q1': overhead.q1,
    'parallel.workerOverheadPerReplication.q3': overhead.q3,
    // One replication on a worker just started: start-up, loading and compiling included.
    'parallel.coldStartSeconds': coldStart,
    'parallel.warmUpReplicationsPerWorker': WARM_UP_REPLICATIONS,
  };
}

async function timedRun(pool: NodeWorkerPool, scenario: ReturnType<typeof generalHospital>, replications: number[]): Promise<number> {
  const start = performance.now();
  const out = await pool.run({ scenario, seed: 1, replications });
  if (out.failures.length > 0) throw new Error(`replication ${out.failures[0]!.replication} failed: ${out.failures[0]!.error}`);
  return performance.now() - start;
}

/**
 * The cost of running a replication in a worker rather than on the main thread:
 * the same replications, in small blocks, on the main thread and on one worker,
 * which goes first changing from round to round. The figure is the median over
 * rounds of worker time / main-thread time − 1, with its quartiles: a burst of
 * load from elsewhere on a shared machine lands on one side of one round and
 * moves the median little, where it moved a ratio of totals by several percent.
 * The pool holds its workers' young generation at full size (workers/pool/worker-heap.ts);
 * the main thread's is V8's default, which shrinks while it waits for the worker: run the
 * bench with `--min-semi-space-size=16` for the two heaps alike (docs/speed.md, "Where a
 * worker's overhead went").
 */
async function workerOverhead(
  scenario: ReturnType<typeof generalHospital>,
  model: ReturnType<typeof compileScenario>,
  rounds = 20,
  block = 2,
): Promise<{ median: number; q1: number; q3: number }> {
  const pool = new NodeWorkerPool(1);
  try {
    // Both warmed alike: the main thread and the worker are separate V8 isolates, each with its own JIT.
    for (const rep of warmUpNumbers(WARM_UP_REPLICATIONS)) runReplication(model, 1, rep);
    await pool.run({ scenario, seed: 1, replications: warmUpNumbers(WARM_UP_REPLICATIONS) });
    const onMain = async (reps: number[]): Promise<number> => {
      const t0 = performance.now();
      for (const rep of reps) runReplication(model, 1, rep);
      return performance.now() - t0;
    };
    const onWorker = async (reps: number[]): Promise<number> => {
      const t0 = performance.now();
      const out = await pool.run({ scenario, seed: 1, replications: reps });
      if (out.failures.length > 0) throw new Error(`replication ${out.failures[0]!.replication} failed: ${out.failures[0]!.error}`);
      return performance.now() - t0;
    };
    const ratios: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const reps = Array.from({ length: block }, (_, i) => round * block + i + 1);
      let main: number;
      let worker: number;
      if (round % 2 === 0) {
        main = await onMain(reps);
        worker = await onWorker(reps);
      } else {
        worker = await onWorker(reps);
        main = await onMain(reps);
      }
      ratios.push(worker / main - 1);
    }
    return { median: quantile(ratios, 0.5), q1: quantile(ratios, 0.25), q3: quantile(ratios, 0.75) };
  } finally {
    await pool.close();
  }
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

/** Replication numbers for warming up, apart from the timed ones (1, 2, …). */
function warmUpNumbers(n: number): number[] {
  return Array.from({ length: n }, (_, i) => 1000 + i);
}
