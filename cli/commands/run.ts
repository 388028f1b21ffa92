import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../io/index.js';
import { EXIT, UsageError } from '../exit-codes.js';
import { figuresCsv, perReplicationCsv } from '../figures-csv.js';
import { listenForInterrupt } from '../interrupt.js';
import { runJson } from '../json-output.js';
import { checkOutputs, scenarioInputs } from '../output-paths.js';
import { createProgress } from '../progress.js';
import { resolveScenario } from '../resolve-scenario.js';
import { withRunLength } from '../run-length.js';
import { runExperiment } from '../run-experiment.js';
import { minuteOfRun, writeStateAt } from '../state-export.js';
import { createRunner } from '../queue-option.js';
import { figureIdsOf, type RedisAddress } from '../../workers/node.js';
import { renderRunReport } from '../run-report.js';
import { contextOf } from '../scenario-context.js';
import { traceJson } from '../trace-json.js';
import { runToPrecision, withDetectedWarmup, type PrecisionTarget } from '../output-analysis.js';

export interface RunCommandOptions {
  replications?: number;
  seed?: number | string;
  json?: boolean;
  csv?: string;
  trace?: string;
  /** Days measured after the warm-up, in place of the scenario's horizonDays. */
  days?: number;
  /** A moment of the run (days from the start, or "YYYY-MM-DDTHH:MM") whose state replication 1 writes to snapshotOut. */
  snapshotAt?: string;
  snapshotOut?: string;
  workers?: number;
  warmup?: number | 'auto';
  precision?: PrecisionTarget;
  maxReplications?: number;
  queue?: RedisAddress;
}

/** `run [scenario]`: replications, then the report (or JSON), CSV files and the trace. */
export async function runCommand(scenarioArg: string | undefined, o: RunCommandOptions): Promise<number> {
  // Everything that can be refused is refused here, before anything runs.
  let scenario = withRunLength(await resolveScenario(scenarioArg), o.days, o.warmup);
  if ((o.snapshotAt === undefined) !== (o.snapshotOut === undefined))
    throw new UsageError(
      o.snapshotAt === undefined ? '--snapshot-out: needs --snapshot-at, the moment to write' : '--snapshot-at: needs --snapshot-out, the file to write',
    );
  if (o.snapshotAt !== undefined) minuteOfRun(scenario, o.snapshotAt, '--snapshot-at');
  await checkOutputs({
    inputs: scenarioInputs(scenarioArg),
    files: [
      ...(o.trace !== undefined ? [{ path: o.trace, what: '--trace' }] : []),
      ...(o.snapshotOut !== undefined ? [{ path: o.snapshotOut, what: '--snapshot-out' }] : []),
    ],
    folders: o.csv !== undefined ? [{ path: o.csv, what: '--csv', files: ['figures.csv', 'per-replication.csv'] }] : [],
  });
  if (o.precision) {
    // A figure the scenario does not have is refused now, not after the first replications.
    const ids = figureIdsOf(scenario);
    if (!ids.includes(o.precision.figure)) {
      const near = ids.filter((id) => id.startsWith(o.precision!.figure.split('.')[0] ?? '')).slice(0, 8);
      throw new UsageError(
        `--precision ${o.precision.figure}: the scenario has no such figure (${near.length > 0 ? `some it has: ${near.join(', ')}` : `it has ${ids.length}, e.g. ${ids.slice(0, 8).join(', ')}`})`,
      );
    }
  }
  const replications = o.replications ?? scenario.replications;
  const seed = o.seed ?? scenario.seed;

  const pool = await createRunner(o.precision ? Number.MAX_SAFE_INTEGER : replications, o);
  const interrupt = listenForInterrupt(() => process.stderr.write('\nStopping after the replications under way (Ctrl-C again to quit at once)...\n'));
  let result;
  try {
    if (o.warmup === 'auto') scenario = await withDetectedWarmup(scenario, seed, interrupt.signal);
    result = o.precision
      ? await runToPrecision(scenario, { seed, target: o.precision, maxReplications: o.maxReplications ?? 1000, pool, signal: interrupt.signal })
      : await runExperiment(scenario, {
          replications,
          seed,
          trace: o.trace !== undefined,
          label: scenario.name,
          progress: createProgress(),
          signal: interrupt.signal,
          pool,
        });
  } finally {
    await pool.close();
    interrupt.dispose();
  }
  if (result.replications === 0) {
    process.stderr.write('Interrupted before any replication finished: nothing to report.\n');
    return EXIT.interrupted;
  }

  // The report first: a file that then cannot be written (a full disk) loses nothing of what was run.
  process.stdout.write(
    o.json ? `${JSON.stringify(runJson(result), null, 2)}\n` : renderRunReport(result, scenario, contextOf(scenario), { requested: replications }),
  );
  if (o.csv !== undefined) {
    await mkdir(o.csv, { recursive: true });
    await writeFileAtomic(join(o.csv, 'figures.csv'), figuresCsv(result));
    await writeFileAtomic(join(o.csv, 'per-replication.csv'), perReplicationCsv(result));
  }
  if (o.trace !== undefined) {
    if (result.trace) await writeFileAtomic(o.trace, traceJson({ scenario: scenario.name, seed, replication: 1, start: scenario.start }, result.trace));
    else process.stderr.write(`Replication 1 did not finish: no trace written to ${o.trace}.\n`);
  }
  // Replication 1 again, run only to that minute: its first days do not depend on its horizon, so this is the run's state then.
  if (o.snapshotAt !== undefined && o.snapshotOut !== undefined)
    await writeStateAt(scenario, minuteOfRun(scenario, o.snapshotAt, '--snapshot-at'), seed, 1, { out: o.snapshotOut });
  return result.cancelled ? EXIT.interrupted : EXIT.ok;
}
