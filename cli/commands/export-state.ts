import { InvalidArgumentError } from 'commander';
import { localMinutes } from '../../scenarios/index.js';
import { EXIT } from '../exit-codes.js';
import { checkOutputs, scenarioInputs } from '../output-paths.js';
import { resolveScenario } from '../resolve-scenario.js';
import { minuteOfRun, writeStateAt } from '../state-export.js';

export interface ExportStateOptions {
  at: string;
  seed?: number | string;
  /** Which replication's state (default 1). */
  replication?: number;
  out?: string;
  csv?: string;
}

/** `--at`: days from the scenario's start (e.g. 60.25), or a local date and time "YYYY-MM-DDTHH:MM". */
export function parseMoment(text: string): string {
  if (/^\d+(\.\d+)?$/.test(text.trim()) || !Number.isNaN(localMinutes(text.trim()))) return text.trim();
  throw new InvalidArgumentError(`must be a number of days from the scenario's start (e.g. 60.25) or a date and time "YYYY-MM-DDTHH:MM", got "${text}"`);
}

/**
 * `export-state SCENARIO --at DAY`: a replication (the first unless
 * --replication) run to that moment, and the hospital then written as a state
 * (our JSON format; with --csv the patients go to a CSV file the JSON names),
 * ready for `forecast --state`.
 */
export async function exportStateCommand(scenarioArg: string, o: ExportStateOptions): Promise<number> {
  const scenario = await resolveScenario(scenarioArg);
  const at = minuteOfRun(scenario, o.at, '--at');
  await checkOutputs({
    inputs: scenarioInputs(scenarioArg),
    files: [...(o.out ? [{ path: o.out, what: '--out' }] : []), ...(o.csv ? [{ path: o.csv, what: '--csv' }] : [])],
  });
  await writeStateAt(scenario, at, o.seed ?? scenario.seed, o.replication ?? 1, o);
  return EXIT.ok;
}
