/**
 * The optimiser: known optima found (M/M/c staffing by Erlang C, a base-stock
 * level by the critical fractile), and its efficiency on a hospital problem of
 * 1,024 combinations: the full grid is run once (3 replications a point) and
 * ranked; the optimiser must choose a point the grid's ranking cannot tell from
 * its best, using at most 20% of the grid's replications.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadOptimiseSpec, NodeWorkerPool, runOptimise, runScenarioParallel, runSweep, type SweepSpec } from '../workers/node.js';
import type { Figures } from './hospital.js';
import { poolRunner } from './pool-runner.js';

const EXAMPLES = fileURLToPath(new URL('../../workers/optimise/examples/', import.meta.url));
const WORKERS = 2;
const GRID_REPLICATIONS = 3;

export async function benchOptimise(log: (line: string) => void): Promise<Figures> {
  const pool = new NodeWorkerPool(WORKERS);
  const { runner } = poolRunner(pool);
  const dir = mkdtempSync(join(tmpdir(), 'bench-optimise-'));
  try {
    const optimise = async (name: string) => {
      const spec = await loadOptimiseSpec(join(EXAMPLES, `${name}.yaml`));
      const started = performance.now();
      const outcome = await runOptimise(spec, { runner, outDir: join(dir, name) });
      const seconds = (performance.now() - started) / 1000;
      log(`${name}: chose ${JSON.stringify(outcome.report.chosen?.values)} with ${outcome.report.replications.used} replications in ${seconds.toFixed(1)} s`);
      return { outcome, seconds };
    };

    const mmc = await optimise('mmc-staffing');
    const lambda = 4;
    const cost = (c: number): number => (c <= lambda ? Number.POSITIVE_INFINITY : c + 5 * ((erlangC(c, lambda) * lambda) / (c - lambda)));
    const costs = Array.from({ length: 40 }, (_, i) => cost(i + 1));
    const erlangBest = costs.indexOf(Math.min(...costs)) + 1;

    const stock = await optimise('base-stock');
    const p = poissonPmf(10, 80);
    let cdf = 0;
    const S = p.findIndex((q) => (cdf += q) >= 0.9);

    // The hospital problem: the grid once, then the optimiser.
    const edSpec = await loadOptimiseSpec(join(EXAMPLES, 'ed-staffing.yaml'));
    const parameters: Record<string, unknown[]> = {};
    for (const v of edSpec.variables) {
      const values: number[] = [];
      for (let x = v.range!.from; x <= v.range!.to; x += v.range!.step) values.push(x);
      parameters[v.path as string] = values;
    }
    const grid: SweepSpec = {
      name: 'ed-staffing-grid',
      base: join(EXAMPLES, 'ed-and-ward.yaml'),
      parameters,
      replications: GRID_REPLICATIONS,
      seed: 1,
      keep: ['cost.total', 'ed.within4h'],
      rank: { by: 'cost.total', order: 'min', constraint: { figure: 'ed.within4h', atLeast: 0.95 } },
    };
    const gridStarted = performance.now();
    const gridOutcome = await runSweep(grid, {
      runner: (scenario, o) => runScenarioParallel(scenario, { ...o, workers: pool }),
      outDir: join(dir, 'grid'),
      pointsAtOnce: WORKERS,
    });
    const gridSeconds = (performance.now() - gridStarted) / 1000;
    const ranking = gridOutcome.report!.ranking!;
    const gridReplications = gridOutcome.plan.points.length * GRID_REPLICATIONS;
    const byId = new Map(gridOutcome.plan.points.map((pt) => [pt.id, pt.values]));
    const asNames = (values: Record<string, unknown>): string => JSON.stringify(edSpec.variables.map((v) => values[v.path as string]));
    const tied = new Set(ranking.indistinguishable.map((id) => asNames(byId.get(id)!)));
    log(
      `grid: ${gridOutcome.plan.points.length} points x ${GRID_REPLICATIONS} replications in ${gridSeconds.toFixed(0)} s; best ${asNames(byId.get(ranking.best!)!)}, ${tied.size} indistinguishable from it`,
    );

    const hospital = await optimise('ed-staffing');
    const chosen = hospital.outcome.report.chosen;
    const chosenKey = chosen ? JSON.stringify(edSpec.variables.map((v) => chosen.values[v.name ?? (v.path as string)])) : '';
    return {
      'optimise.mmc.found': mmc.outcome.report.chosen?.values['servers'] === erlangBest,
      'optimise.mmc.replications': mmc.outcome.report.replications.used,
      'optimise.baseStock.found': stock.outcome.report.chosen?.values['reorderPoint'] === S - 1,
      'optimise.baseStock.replications': stock.outcome.report.replications.used,
      'optimise.hospital.gridPoints': gridOutcome.plan.points.length,
      'optimise.hospital.gridReplications': gridReplications,
      'optimise.hospital.gridSeconds': gridSeconds,
      'optimise.hospital.replications': hospital.outcome.report.replications.used,
      'optimise.hospital.seconds': hospital.seconds,
      'optimise.hospital.replicationsShareOfGrid': hospital.outcome.report.replications.used / gridReplications,
      'optimise.hospital.sameAsGridBest': tied.has(chosenKey),
      'optimise.hospital.chosen': chosenKey,
      'optimise.hospital.gridBest': asNames(byId.get(ranking.best!)!),
    };
  } finally {
    await pool.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Erlang C: probability an arrival waits, c servers, offered load a < c. */
function erlangC(c: number, a: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k < c; k++) {
    term *= a / k;
    sum += term;
  }
  const last = (term * a) / c / (1 - a / c);
  return last / (sum + last);
}

function poissonPmf(mean: number, upTo: number): number[] {
  const p = [Math.exp(-mean)];
  for (let k = 1; k <= upTo; k++) p.push((p[k - 1]! * mean) / k);
  return p;
}
