import { compileScenario } from '../../scenarios/index.js';
import { TraceBuffer } from '../../sim-core/index.js';
import { runReplication } from '../../workers/index.js';
import { writeFileAtomic } from '../../io/index.js';
import { csvLine } from '../csv.js';
import { eventLogCsvLines, eventLogHeader, eventLogRows } from '../event-log.js';
import { eventLogXesTraces, OcelEventLog, resourceTypes } from '../event-log-formats.js';
import { xesHeader, XES_FOOTER } from '../../calibration/index.js';
import { EXIT } from '../exit-codes.js';
import { listenForInterrupt } from '../interrupt.js';
import { checkOutputs, scenarioInputs } from '../output-paths.js';
import { createProgress } from '../progress.js';
import { resolveScenario } from '../resolve-scenario.js';
import { withRunLength } from '../run-length.js';

export type LogFileFormat = 'csv' | 'xes' | 'ocel';

export interface ExportLogOptions {
  replications?: number;
  seed?: number | string;
  out?: string;
  format?: LogFileFormat;
  days?: number;
  warmup?: number;
}

/** `export-log [scenario]`: the simulated event log as CSV (format in ../event-log.ts), XES or OCEL 2.0 JSON (../event-log-formats.ts), to a file or stdout. */
export async function exportLogCommand(scenarioArg: string | undefined, o: ExportLogOptions): Promise<number> {
  const scenario = withRunLength(await resolveScenario(scenarioArg), o.days, o.warmup);
  await checkOutputs({ inputs: scenarioInputs(scenarioArg), files: o.out !== undefined ? [{ path: o.out, what: '--out' }] : [] });
  const replications = o.replications ?? 1;
  const seed = o.seed ?? scenario.seed;
  const model = compileScenario(scenario);
  const attributes = model.attributes.map((a) => a.name);
  const format = o.format ?? 'csv';
  const header = eventLogHeader(attributes);
  const classColumn = header[5]!;
  const ocel = format === 'ocel' ? new OcelEventLog(scenario.start, attributes, resourceTypes(scenario), classColumn) : undefined;

  const interrupt = listenForInterrupt(() => process.stderr.write('\nStopping after the replication under way (Ctrl-C again to quit at once)...\n'));
  const progress = createProgress();
  let finished = 0;
  let activities = 0;
  async function* lines(): AsyncGenerator<string> {
    if (format === 'csv') yield csvLine(header);
    else if (format === 'xes')
      yield xesHeader([{ key: 'concept:name', type: 'string', value: `${scenario.name}, simulated by hospital-twin (seed ${JSON.stringify(seed)})` }]);
    else yield ocel!.writer.begin();
    progress.start(scenario.name, replications);
    try {
      for (let replication = 1; replication <= replications && !interrupt.signal.aborted; replication++) {
        const trace = new TraceBuffer();
        runReplication(model, seed, replication, trace);
        const rows = eventLogRows(trace.toData(), { replication, warmup: model.warmup, attributes });
        activities += rows.length;
        if (format === 'csv') yield* eventLogCsvLines(rows, scenario.start);
        else if (format === 'xes') yield* eventLogXesTraces(rows, scenario.start, attributes, classColumn);
        else yield* ocel!.events(rows);
        progress.update(++finished);
        // Let Ctrl-C be heard between replications.
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    } finally {
      progress.stop();
    }
    // A log of no replication at all is not worth a file.
    if (finished === 0) throw new NothingFinished();
    if (format === 'xes') yield XES_FOOTER;
    else if (format === 'ocel') yield ocel!.end();
  }

  try {
    if (o.out !== undefined) {
      await writeFileAtomic(o.out, lines());
      process.stderr.write(
        `Wrote ${o.out} (${format === 'csv' ? 'CSV' : format === 'xes' ? 'XES' : 'OCEL 2.0 JSON'}): ${activities} activities from ${finished} replication${finished === 1 ? '' : 's'} of ${scenario.name}.\n`,
      );
    } else {
      for await (const line of lines()) if (!process.stdout.write(line)) await new Promise((resolve) => process.stdout.once('drain', resolve));
    }
  } catch (e) {
    if (!(e instanceof NothingFinished)) throw e;
    process.stderr.write('Interrupted before a replication finished: nothing exported.\n');
    return EXIT.interrupted;
  } finally {
    interrupt.dispose();
  }
  if (finished < replications) {
    process.stderr.write(`Interrupted: ${finished} of ${replications} replications exported.\n`);
    return EXIT.interrupted;
  }
  return EXIT.ok;
}

class NothingFinished extends Error {}
