import { InvalidArgumentError } from 'commander';
import { writeFileAtomic } from '../../io/index.js';
import { resourceKind } from '../../sim-core/index.js';
import { formatLocal, localMinutes, writePatientsCsv } from '../../scenarios/index.js';
import { takeState } from '../../workers/index.js';
import { basename } from 'node:path';
import { EXIT, UsageError } from '../exit-codes.js';
import { checkOutputs, scenarioInputs } from '../output-paths.js';
import { resolveScenario } from '../resolve-scenario.js';

export interface ExportStateOptions {
  at: string;
  seed?: number | string;
  out?: string;
  csv?: string;
}

/** `--at`: days from the scenario's start (e.g. 60.25), or a local date and time "YYYY-MM-DDTHH:MM". */
export function parseMoment(text: string): string {
  if (/^\d+(\.\d+)?$/.test(text.trim()) || !Number.isNaN(localMinutes(text.trim()))) return text.trim();
  throw new InvalidArgumentError(`must be a number of days from the scenario's start (e.g. 60.25) or a date and time "YYYY-MM-DDTHH:MM", got "${text}"`);
}

/**
 * `export-state SCENARIO --at DAY`: replication 1 run to that moment, and the
 * hospital then written as a state (our JSON format; with --csv the patients
 * go to a CSV file the JSON names), ready for `forecast --state`.
 */
export async function exportStateCommand(scenarioArg: string, o: ExportStateOptions): Promise<number> {
  const scenario = await resolveScenario(scenarioArg);
  const start = localMinutes(scenario.start);
  const at = /^\d+(\.\d+)?$/.test(o.at) ? Math.round(Number(o.at) * 1440) : localMinutes(o.at) - start;
  const runMinutes = (scenario.warmupDays + scenario.horizonDays) * 1440;
  if (!(at >= 0 && at <= runMinutes))
    throw new UsageError(`--at ${o.at}: must fall within the run, from ${scenario.start} for ${scenario.warmupDays + scenario.horizonDays} days`);
  await checkOutputs({
    inputs: scenarioInputs(scenarioArg),
    files: [...(o.out ? [{ path: o.out, what: '--out' }] : []), ...(o.csv ? [{ path: o.csv, what: '--csv' }] : [])],
  });
  // The run to that moment takes seconds on a large hospital: said first, so nobody waits in silence.
  process.stderr.write(
    `Running replication 1 of ${scenario.name} to ${formatLocal(start + at)} (day ${+(at / 1440).toFixed(2)} of ${scenario.warmupDays + scenario.horizonDays})...\n`,
  );
  const { state, skipped, guessed, model } = takeState(scenario, at, o.seed ?? scenario.seed);
  const document: Record<string, unknown> = { asOf: state.asOf, scenario: scenario.name };
  if (o.csv) {
    await writeFileAtomic(o.csv, writePatientsCsv(state.patients as Record<string, unknown>[]));
    document['patientsCsv'] = o.out ? basename(o.csv) : o.csv;
  } else document['patients'] = state.patients;
  const text = `${JSON.stringify(document, null, 2)}\n`;
  if (o.out) await writeFileAtomic(o.out, text);
  else process.stdout.write(text);
  const wards = model.resources
    .filter((r) => resourceKind(r.kind).bed)
    .map((r) => `${r.name} ${state.patients.filter((p) => p.ward === r.name).length}/${r.capacity}`);
  process.stderr.write(`State of ${scenario.name} at ${state.asOf} (replication 1): ${state.patients.length} patients; beds taken: ${wards.join(', ')}.\n`);
  if (skipped.length > 0)
    process.stderr.write(
      `Left out ${skipped.length} patient(s): ${skipped
        .slice(0, 5)
        .map((s) => `P${s.patient} (${s.reason})`)
        .join(', ')}${skipped.length > 5 ? ', …' : ''}\n`,
    );
  if (guessed.length > 0)
    process.stderr.write(
      `The trace does not say which of several steps ${guessed.length} patient(s) are at (the first is written): ${guessed
        .slice(0, 3)
        .map((g) => `P${g.patient} at ${g.step}, or ${g.among.slice(1).join(', or ')}`)
        .join('; ')}${guessed.length > 3 ? '; …' : ''}\n`,
    );
  return EXIT.ok;
}
