import { compareResults, type FigureDifference } from '../../workers/index.js';
import { renderCompareReport } from '../compare-report.js';
import { EXIT } from '../exit-codes.js';
import { listenForInterrupt } from '../interrupt.js';
import { createProgress } from '../progress.js';
import { resolveScenario } from '../resolve-scenario.js';
import { runExperiment } from '../run-experiment.js';
import { createRunner } from '../queue-option.js';
import type { RedisAddress } from '../../workers/node.js';
import { contextOf } from '../scenario-context.js';

export interface CompareCommandOptions {
  replications?: number;
  seed?: number | string;
  json?: boolean;
  all?: boolean;
  workers?: number;
  queue?: RedisAddress;
}

/** What `compare --json` prints: every figure's paired difference B − A (null where not a finite number). */
export interface CompareJson {
  a: string;
  b: string;
  seed: number | string;
  replications: number;
  differences: Record<
    string,
    { mean: number | null; ci95: [number | null, number | null]; n: number; significant: boolean; meanA: number | null; meanB: number | null }
  >;
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * `compare A B`: both scenarios with the same seed and replication numbers, so
 * replication k of each draws the same random numbers for the same purposes
 * (common random numbers), and the differences are paired.
 */
export async function compareCommand(aArg: string, bArg: string, o: CompareCommandOptions): Promise<number> {
  const scenarioA = await resolveScenario(aArg);
  const scenarioB = await resolveScenario(bArg);
  const replications = o.replications ?? scenarioA.replications;
  const seed = o.seed ?? scenarioA.seed;

  const pool = await createRunner(replications, o);
  const interrupt = listenForInterrupt(() => process.stderr.write('\nStopping after the replications under way (Ctrl-C again to quit at once)...\n'));
  const progress = createProgress();
  let a, b;
  try {
    const common = { replications, seed, progress, signal: interrupt.signal, pool };
    a = await runExperiment(scenarioA, { ...common, label: `A: ${scenarioA.name}` });
    b = await runExperiment(scenarioB, { ...common, label: `B: ${scenarioB.name}` });
  } finally {
    await pool.close();
    interrupt.dispose();
  }
  const differences = compareResults(a, b);
  const paired = Math.max(0, ...Object.values(differences).map((d) => d.n));
  if (paired === 0) {
    process.stderr.write('Interrupted before a replication of both scenarios finished: nothing to compare.\n');
    return EXIT.interrupted;
  }
  if (o.json) {
    const out: CompareJson = { a: scenarioA.name, b: scenarioB.name, seed, replications: paired, differences: {} };
    for (const [id, d] of Object.entries(differences)) out.differences[id] = jsonDifference(d);
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    process.stdout.write(
      renderCompareReport({
        a: { name: describe(aArg, scenarioA.name), replications: a.replications, figureIds: Object.keys(a.figures) },
        b: { name: describe(bArg, scenarioB.name), replications: b.replications, figureIds: Object.keys(b.figures) },
        seed,
        requested: replications,
        differences,
        ctx: contextOf(scenarioA, scenarioB),
        all: o.all ?? false,
      }),
    );
  }
  return a.cancelled || b.cancelled ? EXIT.interrupted : EXIT.ok;
}

function jsonDifference(d: FigureDifference): CompareJson['differences'][string] {
  return {
    mean: finite(d.mean),
    ci95: [finite(d.ci95[0]), finite(d.ci95[1])],
    n: d.n,
    significant: d.significant,
    meanA: finite(d.meanA),
    meanB: finite(d.meanB),
  };
}

/** "textbook-mmc", or "mmc-4.json (scenario textbook-mmc)" when a file's scenario has another name. */
function describe(arg: string, name: string): string {
  return arg === name ? name : `${arg} (scenario ${name})`;
}
