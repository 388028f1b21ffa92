/**
 * The page's side of the browser worker: the model always runs in a Web Worker,
 * so the page never freezes. Replications are summarised here exactly as on
 * Node, so the viewer shows the figures the CLI prints.
 */
import { proxy, wrap, type Remote } from 'comlink';
import type { Scenario } from '../../scenarios/index.js';
import { numberedJob, summariseJob, type JobExperimentResult } from '../job-summary.js';
import type { ReplicationApi, Validation } from '../replication-api.js';

export interface BrowserRunOptions {
  replications?: number;
  seed?: number | string;
  /** Keep the trace of replication 1, for replay. */
  trace?: boolean;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export type BrowserExperimentResult = JobExperimentResult;

export interface BrowserRunner {
  validate(document: unknown, source: string): Promise<Validation>;
  run(scenario: Scenario, options?: BrowserRunOptions): Promise<BrowserExperimentResult>;
  terminate(): void;
}

/** Starts the Web Worker (bundled by Vite from the worker entry) and connects to it. */
export function startBrowserRunner(): BrowserRunner {
  const worker = new Worker(new URL('./worker-entry.ts', import.meta.url), { type: 'module' });
  return connectBrowserRunner(worker);
}

export function connectBrowserRunner(worker: Worker): BrowserRunner {
  const api: Remote<ReplicationApi> = wrap<ReplicationApi>(worker);
  let nextJob = 1;
  return {
    validate: (document, source) => api.validate(document, source) as Promise<Validation>,
    async run(scenario, options = {}) {
      const jobId = nextJob++;
      const replications = options.replications ?? scenario.replications;
      const seed = options.seed ?? scenario.seed;
      let done = 0;
      const onAbort = (): void => void api.cancel(jobId);
      options.signal?.addEventListener('abort', onAbort);
      try {
        const out = await api.run(
          jobId,
          numberedJob(scenario, seed, replications, options.trace),
          proxy(() => options.onProgress?.(++done, replications)),
        );
        return summariseJob(scenario, seed, out);
      } finally {
        options.signal?.removeEventListener('abort', onAbort);
      }
    },
    terminate: () => worker.terminate(),
  };
}
