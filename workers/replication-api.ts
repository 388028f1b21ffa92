/**
 * The one API every host exposes: the main thread, a browser Web Worker and a
 * Node worker thread all run replications through these functions, so a
 * replication's figures cannot depend on where it ran.
 */
import { TraceBuffer, type HospitalModel, type TraceData } from '../sim-core/index.js';
import { compileScenario, parseScenario, ScenarioError, type ForecastModel, type Scenario, type ScenarioIssue, type TraceState } from '../scenarios/index.js';
import { runReplication, type ReplicationResult } from './run-replications.js';
import { preparedForecast, runForecastReplication, type ForecastJob } from './forecast/run-forecast.js';
import { takeState } from './forecast/take-state.js';
import { FigureNameLists, type PackedRows } from './packed-results.js';

/** Milliseconds of replications between two yields to the message loop (a cancel is heard within this). */
const YIELD_EVERY_MS = 20;

export type Validation = { ok: true; scenario: Scenario } | { ok: false; message: string; issues: ScenarioIssue[] };

export interface ReplicationJob {
  /** A validated scenario (as returned by `validate`). */
  scenario: Scenario;
  seed: number | string;
  /** The replication numbers to run, in any order. */
  replications: number[];
  /** Keep the trace of this replication number. */
  traceReplication?: number;
  /** Stop a replication with an error past this many patients in the hospital at once (see runHospital). */
  maxPatientsInSystem?: number;
  /** Run from a hospital state for some hours instead (a forecast): results carry `forecast`. */
  forecast?: ForecastJob;
  /** Keep the compiled scenario under this number, so later jobs may send the number alone (a `KeptScenarioJob`). */
  scenarioId?: number;
}

/**
 * A job whose scenario went to this worker before under `scenarioId`: the pool
 * sends the number instead of the scenario, which a structured clone and a
 * cache key in text cost a few milliseconds a job (a queue job is one replication).
 */
export interface KeptScenarioJob extends Omit<ReplicationJob, 'scenario' | 'scenarioId'> {
  scenarioId: number;
}

/** A replication that threw, with what is needed to reproduce it. */
export interface ReplicationFailure {
  scenario: string;
  seed: number | string;
  replication: number;
  error: string;
}

export interface JobResult {
  results: ReplicationResult[];
  failures: ReplicationFailure[];
  trace?: TraceData;
  cancelled: boolean;
  /** The job named a kept scenario this worker no longer has (or never had): nothing ran; send the scenario itself. */
  scenarioUnknown?: true;
}

/**
 * A job's results as a worker thread sends them to the pool: the figures of
 * its replications packed in one transferred buffer (`packed`), the rest (a
 * forecast's replications, figures that do not follow the list) as they are.
 */
export interface PackedJobResult extends JobResult {
  packed?: PackedRows;
}

export interface ReplicationApi {
  validate(document: unknown, source: string): Validation;
  /** Runs the job's replications; `onDone` hears each finished replication number. */
  run(jobId: number, job: ReplicationJob | KeptScenarioJob, onDone?: (replication: number) => void): Promise<JobResult>;
  /** The same, the figures packed (see PackedJobResult): what the Node pool asks for. */
  runPacked(jobId: number, job: ReplicationJob | KeptScenarioJob, onDone?: (replication: number) => void): Promise<PackedJobResult>;
  /** Stops a job between replications; what finished is returned. */
  cancel(jobId: number): void;
  /** The hospital at minute `at` of replication 1 (with `seed`), as a state document: export-state's snapshot. */
  takeState(scenario: Scenario, at: number, seed: number | string): TraceState;
}

/**
 * Lets the host's message loop run once (a cancel may be waiting). In Node a
 * check-phase callback: a timer of 0 ms waits a millisecond or more, idle, once
 * per replication of a short model (a queue job is one replication); in a
 * browser, where there is no setImmediate, a timer.
 */
const yieldToMessages: () => Promise<void> =
  typeof (globalThis as { setImmediate?: unknown }).setImmediate === 'function'
    ? () => new Promise((resolve) => (globalThis as unknown as { setImmediate: (f: () => void) => void }).setImmediate(resolve))
    : () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The API as plain functions, for any host to expose. `transfer` marks a
 * buffer to be moved rather than copied with the value returned (comlink's
 * `transfer`); without it, packed values are copied.
 */
export function createReplicationApi(transfer: <T>(value: T, buffers: ArrayBuffer[]) => T = (value) => value): ReplicationApi {
  const cancelled = new Set<number>();
  // A pool sends the same scenario chunk after chunk, each a fresh structured clone:
  // compiled models are kept by the scenario's text, so each is checked and compiled once.
  const compiled = new Map<string, { scenario: Scenario; model: HospitalModel }>();
  const compile = (document: Scenario): { scenario: Scenario; model: HospitalModel } => {
    const key = JSON.stringify(document);
    let entry = compiled.get(key);
    if (!entry) {
      const scenario = parseScenario(document, document.name);
      entry = { scenario, model: compileScenario(scenario) };
      if (compiled.size >= 8) compiled.delete(compiled.keys().next().value!);
      compiled.set(key, entry);
    }
    return entry;
  };
  const kept = new Map<number, { scenario: Scenario; model: HospitalModel }>();
  const nameLists = new FigureNameLists();
  const entryOf = (job: ReplicationJob | KeptScenarioJob): { scenario: Scenario; model: HospitalModel } | undefined => {
    if (!('scenario' in job)) return kept.get(job.scenarioId);
    const entry = compile(job.scenario);
    if (job.scenarioId !== undefined && !kept.has(job.scenarioId)) {
      if (kept.size >= 8) kept.delete(kept.keys().next().value!);
      kept.set(job.scenarioId, entry);
    }
    return entry;
  };
  return {
    validate(document, source) {
      try {
        return { ok: true, scenario: parseScenario(document, source) };
      } catch (e) {
        if (e instanceof ScenarioError) return { ok: false, message: e.message, issues: [...e.issues] };
        throw e;
      }
    },
    async run(jobId, job, onDone) {
      return (await execute(jobId, job, onDone)).out;
    },
    async runPacked(jobId, job, onDone) {
      const { out, model } = await execute(jobId, job, onDone);
      if (!model) return out;
      const { packed, rest } = nameLists.pack(model, out.results);
      if (!packed) return out;
      return transfer({ ...out, results: rest, packed }, [packed.values.buffer as ArrayBuffer]);
    },
    cancel(jobId) {
      cancelled.add(jobId);
    },
    takeState(document, at, seed) {
      const { state, skipped, guessed } = takeState(compile(document).scenario, at, seed);
      return { state, skipped, guessed };
    },
  };

  async function execute(
    jobId: number,
    job: ReplicationJob | KeptScenarioJob,
    onDone?: (replication: number) => void,
  ): Promise<{ out: JobResult; model?: HospitalModel }> {
    const entry = entryOf(job);
    if (!entry) return { out: { results: [], failures: [], cancelled: false, scenarioUnknown: true } };
    const { scenario, model } = entry;
    const out: JobResult = { results: [], failures: [], cancelled: false };
    const told: Promise<void>[] = [];
    let unheard: { error: unknown } | undefined;
    // Made once per chunk (its key is the scenario and state as text), on the first replication.
    let fm: ForecastModel | undefined;
    let lastYield = performance.now();
    const last = job.replications[job.replications.length - 1];
    for (const replication of job.replications) {
      if (cancelled.has(jobId)) {
        out.cancelled = true;
        break;
      }
      const buffer = job.traceReplication === replication ? new TraceBuffer() : undefined;
      try {
        if (job.forecast) {
          fm ??= preparedForecast(scenario, job.forecast);
          const r = runForecastReplication(fm, job.forecast.hours, job.seed, replication, job.forecast.patients === true);
          // A forecast's replications carry no run figures: what it shows is in `forecast`.
          out.results.push({ replication, figures: {}, events: r.events, patients: r.patients, forecast: r.forecast });
        } else out.results.push(runReplication(model, job.seed, replication, buffer, job.maxPatientsInSystem));
        if (buffer) out.trace = buffer.toData();
      } catch (e) {
        out.failures.push({ scenario: scenario.name, seed: job.seed, replication, error: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e) });
      }
      // Progress is told without waiting for the caller's answer (a round trip per replication left
      // the worker idle); every answer is awaited before the results go back, so none comes after them.
      if (onDone) told.push(Promise.resolve(onDone(replication)).catch((e: unknown) => void (unheard ??= { error: e })));
      // Yield now and then so that a cancel message can be handled between replications; not after
      // the last one (the job is over, and its results are what the caller waits for).
      if (replication !== last && performance.now() - lastYield >= YIELD_EVERY_MS) {
        await yieldToMessages();
        lastYield = performance.now();
      }
    }
    await Promise.all(told);
    cancelled.delete(jobId);
    if (unheard) throw unheard.error;
    return { out, model };
  }
}
