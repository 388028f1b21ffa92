/**
 * The hospital at a moment of one replication, written as a state for
 * `forecast --state`: shared by `export-state` and `run --snapshot-at`.
 */
import { basename } from 'node:path';
import { writeFileAtomic } from '../io/index.js';
import { resourceKind } from '../sim-core/index.js';
import { formatLocal, localMinutes, writePatientsCsv, type Scenario } from '../scenarios/index.js';
import { takeState } from '../workers/index.js';
import { UsageError } from './exit-codes.js';

export interface StateOutputs {
  /** The state's JSON file; stdout when absent. */
  out?: string;
  /** The patients as CSV, named by the JSON. */
  csv?: string;
}

/**
 * A moment given as days from the scenario's start or a local date and time
 * (already checked by parseMoment), as minutes from the start; refused (exit 2,
 * naming the option) unless it falls within the run, warm-up included.
 */
export function minuteOfRun(scenario: Scenario, moment: string, option: string): number {
  const start = localMinutes(scenario.start);
  const at = /^\d+(\.\d+)?$/.test(moment) ? Math.round(Number(moment) * 1440) : localMinutes(moment) - start;
  const days = scenario.warmupDays + scenario.horizonDays;
  if (!(at >= 0 && at <= days * 1440)) throw new UsageError(`${option} ${moment}: must fall within the run, from ${scenario.start} for ${days} days`);
  return at;
}

/** Runs replication `replication` to minute `at` and writes the hospital then; what was left out or guessed is said on stderr. */
export async function writeStateAt(scenario: Scenario, at: number, seed: number | string, replication: number, o: StateOutputs): Promise<void> {
  const start = localMinutes(scenario.start);
  // The run to that moment takes seconds on a large hospital: said first, so nobody waits in silence.
  process.stderr.write(
    `Running replication ${replication} of ${scenario.name} to ${formatLocal(start + at)} (day ${+(at / 1440).toFixed(2)} of ${scenario.warmupDays + scenario.horizonDays})...\n`,
  );
  const { state, skipped, guessed, model } = takeState(scenario, at, seed, replication);
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
  process.stderr.write(
    `State of ${scenario.name} at ${state.asOf} (replication ${replication}): ${state.patients.length} patients; beds taken: ${wards.join(', ')}.\n`,
  );
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
}
