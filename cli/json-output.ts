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

/**
 * A JSON.stringify replacer that writes a number to 12 significant figures: the
 * float noise of sums and quantiles (a p90 of 7.099999999999994) goes, while
 * every figure keeps far more precision than a hospital's data carry.
 */
export function withoutFloatNoise(_key: string, value: unknown): unknown {
  return typeof value === 'number' && Number.isFinite(value) && !Number.isInteger(value) ? +value.toPrecision(12) : value;
}
