/**
 * `hospital-twin optimise SPEC [--out DIR] [--workers N]` (also `optimize`):
 * COMPASS search and a constrained KN selection on the worker pool; a rerun
 * continues from DIR's log; Ctrl-C stops between replications and still writes
 * the best solution found so far.
 */
import { setMaxListeners } from 'node:events';
import { performance } from 'node:perf_hooks';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import {
  defaultWorkerCount,
  loadOptimiseSpec,
  loadTheatreSpec,
  runTheatreSchedule,
  type TheatreReport,
  valueText,
  NodeWorkerPool,
  runOptimise,
  type OptimiseProgress,
  type OptimiseRunner,
  type RedisAddress,
  type ReplicationRunner,
} from '../workers/node.js';
import { EXIT } from './exit-codes.js';
import { listenForInterrupt } from './interrupt.js';
import { optimiseSummary } from './optimise-summary.js';
import { theatreSummary } from './theatre-report.js';
import { parseWorkers } from './option-values.js';
import { runPoolCommand } from './pool-command.js';
import { createRunner, queueOption } from './queue-option.js';

interface OptimiseOptions {
  out?: string;
  workers?: number;
  queue?: RedisAddress;
}

export function registerOptimiseCommand(program: Command): Command {
  return program
    .command('optimise')
    .alias('optimize')
    .description(
      'search decision variables (sweep paths) for the best objective under constraints held with stated confidence: COMPASS, then a KN selection, on common random numbers',
    )
    .argument('<spec>', 'the optimisation: a .yaml, .yml or .json file')
    .option(
      '-o, --out <dir>',
      'folder for best-scenario.yaml, optimise.csv, optimise.svg, optimise.json and optimise.jsonl (the log a rerun continues from) (default: optimise-<name>)',
    )
    .option('-w, --workers <n>', "worker threads (default: the file's workers, else one per core)", parseWorkers)
    .addOption(queueOption())
    .action(async (spec: string, options: OptimiseOptions) => {
      process.exitCode = await optimiseCommand(spec, options);
    });
}

/** Runs the command; returns the exit code (see EXIT). */
export async function optimiseCommand(
  specPath: string,
  options: OptimiseOptions,
  stdout: NodeJS.WriteStream = process.stdout,
  stderr: NodeJS.WriteStream = process.stderr,
): Promise<number> {
  let pool: ReplicationRunner | undefined;
  const interrupt = listenForInterrupt(() =>
    stderr.write(
      '\nStopping: replications finished so far are kept in the log and the best found so far is written; run the same command again to continue. Ctrl-C again quits at once.\n',
    ),
  );
  // Solutions evaluated side by side each listen for Ctrl-C on the one signal.
  setMaxListeners(1000, interrupt.signal);
  const bar = progressBar(stderr);
  let theatre: TheatreReport | undefined;
  const done = await runPoolCommand(stderr, { bar, interrupt, pool: () => pool }, async () => {
    // A file with a `theatreSchedule` section is a theatre week to schedule (docs/theatre.md).
    const theatreSpec = await loadTheatreSpec(specPath);
    const spec = theatreSpec ? undefined : await loadOptimiseSpec(specPath);
    const workers = options.workers ?? (theatreSpec ?? spec)?.workers ?? defaultWorkerCount();
    // Through a queue, the replications of every solution evaluated go to `hospital-twin worker` processes.
    if (options.queue) pool = await createRunner(0, { queue: options.queue }, stderr);
    const runner: OptimiseRunner = async (scenario, seed, replications, signal) => {
      pool ??= new NodeWorkerPool(workers);
      const out = await pool.run({ scenario, seed, replications }, signal ? { signal } : {});
      const failed = out.failures[0];
      if (failed) throw new Error(`replication ${failed.replication} failed: ${failed.error.split('\n')[0]}`);
      return out.results;
    };
    if (theatreSpec || !spec) {
      theatre = await runTheatreSchedule(theatreSpec!, { runner, outDir: options.out ?? `optimise-${theatreSpec!.name}`, source: specPath });
      return null;
    }
    return runOptimise(spec, {
      runner,
      outDir: options.out ?? `optimise-${spec.name}`,
      signal: interrupt.signal,
      source: specPath,
      onProgress: (p) => bar.update(spec.name, p),
    });
  });
  if ('exit' in done) return done.exit;
  if (theatre) stdout.write(theatreSummary(theatre));
  else if (done.outcome) stdout.write(optimiseSummary(done.outcome));
  return interrupt.signal.aborted ? EXIT.interrupted : EXIT.ok;
}

/** Replications used against the budget, with the best so far, on a terminal; a line when the best changes otherwise. */
function progressBar(stream: NodeJS.WriteStream): { update(name: string, p: OptimiseProgress): void; stop(): void } {
  let bar: cliProgress.SingleBar | undefined;
  let lastBest = '';
  const started = performance.now();
  const bestText = (p: OptimiseProgress): string =>
    p.best
      ? `${Object.entries(p.best.values)
          .map(([k, v]) => `${k}=${valueText(v)}`)
          .join(' ')} (${+p.best.mean.toPrecision(6)}${p.best.feasible ? '' : ', misses a constraint'})`
      : '-';
  return {
    update(name, p) {
      const best = bestText(p);
      if (!stream.isTTY) {
        const which = JSON.stringify(p.best?.values ?? null);
        if (which !== lastBest && p.best) stream.write(`${name}: ${p.used} replications, best so far ${best}\n`);
        lastBest = which;
        return;
      }
      const byTime = !Number.isFinite(p.budget);
      const value = byTime ? Math.round((performance.now() - started) / 1000) : p.used;
      if (!bar) {
        bar = new cliProgress.SingleBar(
          {
            stream,
            format: `${name} [{bar}] {value}/{total} ${byTime ? 'seconds' : 'replications'} | {phase} | {visited} solutions | best so far {best}`,
            hideCursor: true,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(byTime ? Math.round(p.budgetSeconds) : p.budget, value, { phase: p.phase, visited: p.visited, best });
      }
      bar.update(value, { phase: p.phase, visited: p.visited, best });
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
