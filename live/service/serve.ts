/**
 * The live twin started: the journal opened (refused if damaged), the state
 * folded from it, the MLLP and HTTP listeners, and the forecast loop on the
 * worker pool.
 */
import type { AddressInfo } from 'node:net';
import { parseState, STATE_LIMITS, StateError, type FhirMapping, type HospitalState, type Scenario } from '../../scenarios/index.js';
import { NodeWorkerPool, runForecastParallel } from '../../workers/node.js';
import { Journal } from '../store/journal.js';
import { bindProblem } from './access.js';
import { watchFeed } from './feed-watch.js';
import { ForecastLoop } from './forecast-loop.js';
import { buildApi } from './http-api.js';
import { LiveTwin, type LogLine } from './live-twin.js';
import { startMllp, type MllpListener } from './mllp-server.js';

export interface ServeOptions {
  scenario: Scenario;
  mapping: FhirMapping;
  store: string;
  host: string;
  httpPort: number;
  mllpPort: number;
  token?: string;
  allow: readonly string[];
  /** Browser origins allowed to call the HTTP API (the viewer's, for "Connect to a live twin"). */
  cors?: readonly string[];
  hours: number;
  replications: number;
  seed: number | string;
  workers: number;
  debounceMs: number;
  everyMs: number;
  staleMs: number;
  /** Largest HL7 message (bytes). */
  maxMessageBytes?: number;
  /** Warnings about the state itself (a census far below the usual): cli/forecast-warnings.ts. */
  stateWarnings?: (state: HospitalState) => string[];
  /** Tests: cap the journal's pages, as a full disk would. */
  maxPages?: number;
  /** The wall clock (ms since 1970), for the stale-feed warning and the times the API reports; tests give their own. */
  now?: () => number;
  log: LogLine;
}

export interface LiveTwinHandle {
  twin: LiveTwin;
  loop: ForecastLoop<unknown>;
  httpPort: number;
  mllpPort: number;
  /** Resolves once the worker pool has run its first forecast (threads started, code compiled): later ones are warm. */
  warmed: Promise<void>;
  close(): Promise<void>;
}

/**
 * Why a forecast failed, in words for the bed manager and the log: a state the
 * scenario cannot start from says which names it does not know (the problems,
 * not their paths, which point at patients); anything else its first line.
 */
export function failureReason(e: unknown): string {
  if (e instanceof StateError) {
    const problems = [...new Set(e.issues.map((i) => i.message))];
    return `the state does not fit the scenario: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}`;
  }
  return (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 300);
}

export class ServeError extends Error {
  override readonly name = 'ServeError';
}

export async function serveLiveTwin(o: ServeOptions): Promise<LiveTwinHandle> {
  const problem = bindProblem(o.host, o.token);
  if (problem) throw new ServeError(problem);
  if (o.token !== undefined && o.token.length < 16) throw new ServeError('--token must be at least 16 characters');
  const journal = Journal.open(o.store);
  if (o.maxPages !== undefined) journal.limitPages(o.maxPages);
  const now = o.now ?? Date.now;
  const twin = new LiveTwin(journal, o.mapping, o.log, now);
  // Started now, not at the first message: a message's forecast should not wait for threads to start and compile.
  const pool = new NodeWorkerPool(Math.max(1, Math.min(o.workers, o.replications)));
  const warming = new AbortController();
  let warmed: Promise<void> = Promise.resolve();
  const loop = new ForecastLoop<unknown>({
    debounceMs: o.debounceMs,
    everyMs: o.everyMs,
    current: () => {
      const v = twin.view();
      return { state: v.state, messages: v.messages, warnings: v.warnings };
    },
    now,
    forecast: async (state) => {
      await warmed;
      const run = await runForecastParallel(o.scenario, state, { hours: o.hours, replications: o.replications, seed: o.seed, workers: pool });
      // With no replication left there is no forecast: a failure, not a warning.
      if (run.perReplication.length === 0) throw new Error(`every replication failed (first: ${run.failures[0]?.error.split('\n')[0] ?? 'no reason given'})`);
      const failed = run.failures.map((f) => `replication ${f.replication} failed: ${f.error.split('\n')[0]}`);
      return { summary: run.summary, warnings: [...(o.stateWarnings?.(state) ?? []), ...failed] };
    },
    onResult: (r) => {
      o.log(`forecast: ${o.hours} h x ${o.replications} as of ${r.asOf} (${r.messages} message(s))`);
      twin.emit({ type: 'forecast', asOf: r.asOf });
    },
    reason: failureReason,
    onError: (f) => {
      o.log(`forecast: failed (${f.messages} message(s)): ${f.reason}`);
      twin.emit({ type: 'forecast-failed', asOf: f.asOf });
    },
  });
  twin.subscribe((e) => e.type === 'state' && loop.changed());
  const feedWatch = watchFeed(twin, o.staleMs, now);
  const app = buildApi(twin, loop, {
    token: o.token,
    mapping: o.mapping,
    scenarioName: o.scenario.name,
    scenario: o.scenario,
    cors: o.cors ?? [],
    bodyLimit: STATE_LIMITS.fileBytes,
    staleMs: o.staleMs,
    log: o.log,
    now,
  });
  let mllp: MllpListener | undefined;
  try {
    mllp = await startMllp(twin, { host: o.host, port: o.mllpPort, allow: o.allow, maxBytes: o.maxMessageBytes ?? 1024 * 1024, log: o.log, now });
    await app.listen({ host: o.host, port: o.httpPort });
  } catch (e) {
    feedWatch.stop();
    await loop.stop();
    await mllp?.close();
    await app.close();
    await pool.close();
    journal.close();
    throw new ServeError(`cannot listen on ${o.host}: ${e instanceof Error ? e.message : String(e)}`);
  }
  // A forecast from an empty journal would be of nobody: the first message starts one. Until then the pool
  // warms up on the scenario with no patient in it (a result nobody sees), so that first forecast runs warm.
  if (twin.live.size > 0) loop.start();
  else warmed = warmUp(o, pool, warming.signal);
  const ready = twin.live.size > 0 ? loop.whenIdle() : warmed;
  const httpPort = (app.server.address() as AddressInfo).port;
  const mllpPort = (mllp.server.address() as AddressInfo).port;
  o.log(`listening: HTTP http://${o.host}:${httpPort}, MLLP ${o.host}:${mllpPort}; journal ${twin.live.size} message(s)`);
  return {
    twin,
    loop,
    httpPort,
    mllpPort,
    warmed: ready,
    async close() {
      warming.abort();
      feedWatch.stop();
      await loop.stop();
      await mllp!.close();
      await app.close();
      await pool.close();
      twin.flush();
      journal.close();
    },
  };
}

/** One forecast from the scenario's start with nobody in, its result dropped: starts and warms the pool's threads. Never fails. */
async function warmUp(o: ServeOptions, pool: NodeWorkerPool, signal: AbortSignal): Promise<void> {
  try {
    const empty = parseState({ asOf: o.scenario.start, patients: [], booked: [] }, 'warm-up');
    await runForecastParallel(o.scenario, empty, { hours: o.hours, replications: o.replications, seed: o.seed, workers: pool, signal });
  } catch {
    // A warm-up that fails (the service closing) leaves the first forecast cold, nothing worse.
  }
}
