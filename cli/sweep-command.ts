/**
 * `hospital-twin sweep SPEC [--out DIR] [--workers N]`: every point of a sweep
 * on the worker pool, as many points at once as there are workers, so that a
 * sweep of few replications per point still keeps every core busy; a rerun
 * skips the points already in DIR's log.
 */
import { performance } from 'node:perf_hooks';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import {
  defaultWorkerCount,
  loadSweepSpec,
  NodeWorkerPool,
  runScenarioParallel,
  runSweep,
  SWEEP_FILES,
  type RedisAddress,
  type ReplicationRunner,
  type SweepOutcome,
  type SweepProgress,
  type SweepRunner,
} from '../workers/node.js';
import { EXIT } from './exit-codes.js';
import { listenForInterrupt } from './interrupt.js';
import { parseWorkers } from './option-values.js';
import { runPoolCommand } from './pool-command.js';
import { checkOutputs, scenarioInputs } from './output-paths.js';
import { createRunner, queueOption } from './queue-option.js';

interface SweepOptions {
  out?: string;
  workers?: number;
  queue?: RedisAddress;
}

export function registerSweepCommand(program: Command): Command {
  return program
    .command('sweep')
    .description('run a scenario at every point of a parameter sweep, on common random numbers, and rank the points')
    .argument('<spec>', 'the sweep: a .yaml, .yml or .json file')
    .option('-o, --out <dir>', 'folder for sweep.jsonl (the log a rerun resumes from), sweep.csv and sweep.json (default: sweep-<name>)')
    .option('-w, --workers <n>', 'worker threads (default: one per core)', parseWorkers)
    .addOption(queueOption())
    .action(async (spec: string, options: SweepOptions) => {
      process.exitCode = await sweepCommand(spec, options);
    });
}

/** Runs the command; returns the exit code (see EXIT). */
export async function sweepCommand(
  specPath: string,
  options: SweepOptions,
  stdout: NodeJS.WriteStream = process.stdout,
  stderr: NodeJS.WriteStream = process.stderr,
): Promise<number> {
  let pool: ReplicationRunner | undefined;
  const workers = options.workers ?? defaultWorkerCount();
  const runner: SweepRunner = (scenario, o) => {
    pool ??= new NodeWorkerPool(workers);
    return runScenarioParallel(scenario, { ...o, workers: pool });
  };
  const interrupt = listenForInterrupt(() =>
    stderr.write('\nStopping: points finished so far are kept in the log; run the same command again to resume. Ctrl-C again quits at once.\n'),
  );
  const bar = progressBar(stderr);
  const done = await runPoolCommand(stderr, { bar, interrupt, pool: () => pool }, async () => {
    const spec = await loadSweepSpec(specPath);
    // Through a queue every point is queued at once, so that every remote worker has work.
    if (options.queue) pool = await createRunner(0, { queue: options.queue }, stderr);
    const outDir = options.out ?? `sweep-${spec.name}`;
    await checkOutputs({
      inputs: [{ path: specPath, what: 'the sweep' }, ...(typeof spec.base === 'string' ? scenarioInputs(spec.base) : [])],
      folders: [{ path: outDir, what: '--out', files: Object.values(SWEEP_FILES) }],
    });
    return runSweep(spec, {
      runner,
      outDir,
      pointsAtOnce: options.queue ? Number.MAX_SAFE_INTEGER : workers,
      signal: interrupt.signal,
      source: specPath,
      onProgress: (p) => bar.update(spec.name, p),
    });
  });
  if ('exit' in done) return done.exit;
  const outcome = done.outcome;
  stdout.write(summary(outcome));
  if (outcome.failed.length > 0) {
    stderr.write(
      `${outcome.failed.length} point(s) failed and were not logged (a rerun tries them again):\n${outcome.failed.map((f) => `  ${f.point}: ${f.error}`).join('\n')}\n`,
    );
    return EXIT.failed;
  }
  return outcome.cancelled && !outcome.complete ? EXIT.interrupted : EXIT.ok;
}

/** Replications done, rate and ETA on a terminal; a line per finished point otherwise. */
function progressBar(stream: NodeJS.WriteStream): { update(name: string, p: SweepProgress): void; stop(): void } {
  let bar: cliProgress.SingleBar | undefined;
  let started = 0;
  let startValue = 0;
  let lastPoints = -1;
  return {
    update(name, p) {
      if (!stream.isTTY) {
        if (p.pointsDone !== lastPoints && p.pointsDone > p.pointsSkipped) stream.write(`${name}: ${p.pointsDone}/${p.pointsTotal} points done\n`);
        lastPoints = p.pointsDone;
        return;
      }
      const now = performance.now();
      if (!bar) {
        bar = new cliProgress.SingleBar(
          {
            stream,
            format: `${name} [{bar}] {value}/{total} replications | {rate}/s | point {point} ({pointsDone}/{pointsTotal} done) | ~{eta_formatted} left`,
            hideCursor: true,
            etaBuffer: 50,
          },
          cliProgress.Presets.shades_classic,
        );
        started = now;
        startValue = p.replicationsDone;
        bar.start(p.replicationsTotal, p.replicationsDone, { rate: '-', point: '-', pointsDone: p.pointsDone, pointsTotal: p.pointsTotal });
        return;
      }
      const seconds = (now - started) / 1000;
      const rate = seconds > 0 ? ((p.replicationsDone - startValue) / seconds).toFixed(1) : '-';
      bar.update(p.replicationsDone, { rate, point: p.point ?? '-', pointsDone: p.pointsDone, pointsTotal: p.pointsTotal });
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}

function summary(o: SweepOutcome): string {
  const lines = [
    `sweep ${o.plan.name}: ${o.plan.points.length} points of ${o.plan.replications} replications, seed ${JSON.stringify(o.plan.seed)}; ${o.ran.length} run now, ${o.skipped.length} already in the log`,
  ];
  if (!o.complete) {
    lines.push(`not finished: ${o.plan.points.length - o.ran.length - o.skipped.length} point(s) to go; results so far are in ${o.files.log}`);
    return `${lines.join('\n')}\n`;
  }
  lines.push(`results: ${o.files.csv}, ${o.files.json} (log: ${o.files.log})`);
  const ranking = o.report?.ranking;
  if (ranking) {
    const pointValues = new Map(o.plan.points.map((p) => [p.id, p.values]));
    const number = (x: number): string => (Number.isFinite(x) ? +x.toPrecision(6) + '' : '-');
    lines.push('', `ranking by ${ranking.by} (${ranking.order === 'min' ? 'lowest' : 'highest'} first):`);
    for (const p of ranking.points) {
      const values = Object.entries(pointValues.get(p.point) ?? {})
        .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
        .join(' ');
      const rank = p.rank === undefined ? 'infeasible' : `${p.rank}.`;
      const vs = p.versusBest ? ` (vs best ${number(p.versusBest.mean)} [${number(p.versusBest.lo)}, ${number(p.versusBest.hi)}])` : '';
      const mark = p.indistinguishableFromBest ? ' *' : '';
      const constraints = p.constraints
        .map((c) => `${c.figure} ${number(c.mean)}${c.met ? '' : ` (must be ${c.kind === 'atLeast' ? '>=' : '<='} ${c.bound})`}`)
        .join(', ');
      lines.push(`  ${rank.padEnd(10)} ${p.point}  ${ranking.by} ${number(p.mean)}${vs}${mark}${constraints ? `; ${constraints}` : ''}  [${values}]`);
    }
    lines.push(ranking.best ? `best: ${ranking.best}; * = indistinguishable from it: ${ranking.indistinguishable.join(', ')}` : 'no point is feasible');
    lines.push(ranking.method);
  }
  return `${lines.join('\n')}\n`;
}
