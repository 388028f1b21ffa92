import type { ExperimentResult } from '../workers/index.js';

/** What `run --json` prints; a figure with no finite value has null numbers. */
export interface RunJson {
  scenario: string;
  seed: number | string;
  replications: number;
  figures: Record<string, { mean: number | null; ci95: [number | null, number | null]; n: number }>;
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

export function runJson(result: ExperimentResult): RunJson {
  const figures: RunJson['figures'] = {};
  for (const [id, f] of Object.entries(result.figures)) figures[id] = { mean: finite(f.mean), ci95: [finite(f.ci95[0]), finite(f.ci95[1])], n: f.n };
  return { scenario: result.scenario, seed: result.seed, replications: result.replications, figures };
}
