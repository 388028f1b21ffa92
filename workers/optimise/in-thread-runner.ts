import { compileScenario } from '../../scenarios/index.js';
import { runReplication } from '../run-replications.js';
import type { OptimiseRunner } from './evaluations.js';

/** Replications in this thread, one after another: what tests and small problems need. */
export const inThreadRunner: OptimiseRunner = async (scenario, seed, replications, signal) => {
  const model = compileScenario(scenario);
  const out: { replication: number; figures: Record<string, number> }[] = [];
  for (const replication of replications) {
    if (signal?.aborted) break;
    out.push({ replication, figures: runReplication(model, seed, replication).figures });
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return out;
};
