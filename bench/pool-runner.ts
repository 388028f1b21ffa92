/**
 * The runner an optimiser in a bench section uses: the local worker pool, all
 * calls under one abort signal (stopped when the section ends), a failed
 * replication thrown with its error.
 */
import { setMaxListeners } from 'node:events';
import type { NodeWorkerPool, OptimiseRunner } from '../workers/node.js';

export function poolRunner(pool: NodeWorkerPool): { runner: OptimiseRunner; controller: AbortController } {
  const controller = new AbortController();
  // One listener per call in flight: an optimiser's selection runs hundreds.
  setMaxListeners(1000, controller.signal);
  const runner: OptimiseRunner = async (scenario, seed, replications) => {
    const out = await pool.run({ scenario, seed, replications }, { signal: controller.signal });
    if (out.failures[0]) throw new Error(out.failures[0].error);
    return out.results;
  };
  return { runner, controller };
}
