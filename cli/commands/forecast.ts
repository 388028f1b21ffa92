import { InvalidArgumentError } from 'commander';
import { forecastModel, localMinutes, MAX_FORECAST_HOURS, resourceKind } from '../../scenarios/index.js';
import { compareForecasts, forecastSamples, MAX_SAMPLE_VALUES, sampleValueCount, type ForecastComparison } from '../../workers/index.js';
import { writeFileAtomic } from '../../io/index.js';
import { runForecastParallel, type ForecastRun } from '../../workers/node.js';
import { FORECAST_CSV_FILES, writeForecastCsv } from '../forecast-csv.js';
import { renderForecast, renderForecastComparison } from '../forecast-report.js';
import { renderPatients } from '../forecast-patients-report.js';
import { listenForInterrupt } from '../interrupt.js';
import { withoutFloatNoise } from '../json-output.js';
import { checkOutputs, scenarioInputs } from '../output-paths.js';
import { createProgress } from '../progress.js';
import { resolveScenario } from '../resolve-scenario.js';
import { createPool } from '../run-experiment.js';
import { stateWarnings } from '../forecast-warnings.js';
import { loadStateFile } from '../state-file.js';
import { samplesText } from '../samples-file.js';
import { EXIT, UsageError } from '../exit-codes.js';
import { replayedArrivals } from '../replayed-arrivals.js';

export interface ForecastCommandOptions {
  state: string;
  hours: number;
  replications: number;
  seed?: number | string;
  json?: boolean;
  csv?: string;
  compare?: string;
  workers?: number;
  fhirMap?: string;
  asOf?: string;
  samples?: string;
  patients?: boolean;
  /** A trace (run --trace) whose arrivals in the forecast's hours are replayed in place of the drawn ones. */
  arrivalsFrom?: string;
  /** With arrivalsFrom an event log: the calibration mapping to read it through. */
  arrivalsMap?: string;
  /** When the forecast is for: "now" or a local date and time; a state older than it is warned of. */
  start?: string;
}

/** `--hours H`: a whole number of hours from 0 to 168. */
export function parseHours(text: string): number {
  const n = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || n > MAX_FORECAST_HOURS)
    throw new InvalidArgumentError(`must be a whole number of hours from 0 to ${MAX_FORECAST_HOURS}, got "${text}"`);
  return n;
}

/** `--as-of T`: a local "YYYY-MM-DDTHH:MM" that exists (a FHIR instant's seconds and offset allowed, the offset dropped). */
export function parseAsOf(text: string): string {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(text.trim());
  if (!m || Number.isNaN(localMinutes(m[1]!)))
    throw new InvalidArgumentError(`must be a date and time that exists, "YYYY-MM-DDTHH:MM", got ${JSON.stringify(text.slice(0, 80))}`);
  return text.trim();
}

/** `--start T`: "now" or a local "YYYY-MM-DDTHH:MM" that exists. */
export function parseStart(text: string): string {
  if (text.trim() === 'now') return 'now';
  if (Number.isNaN(localMinutes(text.trim())))
    throw new InvalidArgumentError(`must be "now" or a date and time that exists, "YYYY-MM-DDTHH:MM", got ${JSON.stringify(text.slice(0, 80))}`);
  return text.trim();
}

/** The forecast's start as local minutes since 1970: "now" by the computer's clock, in its own time zone. */
function startMinutes(start: string): number {
  if (start !== 'now') return localMinutes(start);
  const d = new Date();
  return Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()) / 60_000;
}

/**
 * `forecast SCENARIO --state FILE`: the next hours from the patients in the
 * hospital now. The scenario, the state (and B's, with --compare) are all
 * checked before any replication runs.
 */
export async function forecastCommand(scenarioArg: string, o: ForecastCommandOptions): Promise<number> {
  const scenario = await resolveScenario(scenarioArg);
  const other = o.compare !== undefined ? await resolveScenario(o.compare) : undefined;
  const state = await loadStateFile(o.state, { ...(o.fhirMap ? { fhirMap: o.fhirMap } : {}), ...(o.asOf ? { asOf: o.asOf } : {}) });
  await checkOutputs({
    inputs: [
      ...scenarioInputs(scenarioArg, o.compare),
      { path: o.state, what: '--state' },
      ...(o.fhirMap ? [{ path: o.fhirMap, what: '--fhir-map' }] : []),
      ...(o.arrivalsFrom ? [{ path: o.arrivalsFrom, what: '--arrivals-from' }] : []),
      ...(o.arrivalsMap ? [{ path: o.arrivalsMap, what: '--arrivals-map' }] : []),
    ],
    ...(o.samples ? { files: [{ path: o.samples, what: '--samples' }] } : {}),
    ...(o.csv ? { folders: [{ path: o.csv, what: '--csv', files: FORECAST_CSV_FILES }] } : {}),
  });
  const seed = o.seed ?? scenario.seed;
  if (o.arrivalsMap && !o.arrivalsFrom) throw new UsageError('--arrivals-map: give the event log it reads with --arrivals-from');
  const replayed = o.arrivalsFrom ? await replayedArrivals(o.arrivalsFrom, scenario.name, state.asOf, o.hours, o.arrivalsMap) : undefined;
  if (replayed && o.samples && !/\.json$/i.test(o.samples))
    throw new UsageError(`--samples ${o.samples}: with --arrivals-from it must be .json (the CSV form cannot say the arrivals were replayed)`);
  // Refused here, before any thread starts, if a name in the state (or a replayed arrival) is not in a scenario.
  const checked = forecastModel(scenario, state, o.hours, o.state, replayed);
  if (o.samples) {
    if (!/\.(json|csv)$/i.test(o.samples)) throw new UsageError(`--samples ${o.samples}: must end in .json or .csv (the file's form)`);
    const wards = checked.model.resources.filter((r) => resourceKind(r.kind).bed).length;
    const size = sampleValueCount(o.replications, o.hours, wards);
    if (size > MAX_SAMPLE_VALUES)
      throw new UsageError(
        `--samples: ${o.replications} replications × ${o.hours + 1} hours × ${wards + 1} series is ${size} counts, more than the ${MAX_SAMPLE_VALUES} kept; use fewer replications or hours`,
      );
  }
  if (other) forecastModel(other, state, o.hours, o.state);
  const warnings = stateWarnings(scenario, state, o.start !== undefined ? { start: startMinutes(o.start) } : {});
  for (const w of warnings) process.stderr.write(`Warning: ${w}\n`);

  const interrupt = listenForInterrupt(() => process.stderr.write('\nStopping after the replications under way (Ctrl-C again to quit at once)...\n'));
  const pool = createPool(o.replications, o.workers);
  const progress = createProgress();
  let a: ForecastRun;
  let b: ForecastRun | undefined;
  try {
    const run = async (sc: typeof scenario, label: string): Promise<ForecastRun> => {
      progress.start(label, o.replications);
      try {
        return await runForecastParallel(sc, state, {
          hours: o.hours,
          replications: o.replications,
          seed,
          workers: pool,
          signal: interrupt.signal,
          onProgress: (done) => progress.update(done),
          // Each patient of the state is followed in A's replications only (B's are for the paired differences).
          ...(o.patients && sc === scenario ? { patients: true } : {}),
          ...(replayed ? { replayed } : {}),
        });
      } finally {
        progress.stop();
      }
    };
    a = await run(scenario, other ? `A: ${scenario.name}` : scenario.name);
    if (other) b = await run(other, `B: ${other.name}`);
  } finally {
    await pool.close();
    interrupt.dispose();
  }
  const failures = [...a.failures, ...(b?.failures ?? [])];
  if (failures.length > 0) {
    process.stderr.write(
      `${failures.length} replication(s) failed:\n${failures.map((f) => `  ${f.scenario} replication ${f.replication}: ${f.error.split('\n')[0]}`).join('\n')}\n`,
    );
    return EXIT.failed;
  }
  if (a.summary.replications === 0) {
    process.stderr.write('Interrupted before a replication finished: nothing to report.\n');
    return EXIT.interrupted;
  }
  const replay = a.replay ? { replayedFrom: o.arrivalsFrom!, classes: a.replay.classes, patients: a.replay.patients } : undefined;
  if (replay)
    process.stderr.write(
      `Arrivals of ${replay.classes.join(', ') || 'no class'} replayed from ${replay.replayedFrom}: ${replay.patients} patient(s) in the ${o.hours} hours, at the times they came.\n`,
    );
  const comparison: ForecastComparison | undefined = b ? compareForecasts(a.summary, a.perReplication, b.summary, b.perReplication) : undefined;
  if (o.json) {
    process.stdout.write(
      `${JSON.stringify({ scenario: scenario.name, seed, warnings, ...(replay ? { arrivals: replay } : {}), forecast: a.summary, ...(a.patients ? { patients: a.patients } : {}), ...(b && comparison ? { compare: { scenario: b.scenario, forecast: b.summary, differences: comparison } } : {}) }, withoutFloatNoise, 2)}\n`,
    );
  } else {
    process.stdout.write(renderForecast(a.summary, scenario.name, seed));
    if (a.patients) process.stdout.write(renderPatients(a.patients, scenario.currency ?? '', a.summary.replications));
    if (b && comparison) process.stdout.write(renderForecastComparison(comparison, scenario.name, b.scenario, o.hours));
  }
  if (o.samples) {
    await writeFileAtomic(
      o.samples,
      samplesText(o.samples, {
        scenario: scenario.name,
        seed,
        ...(replay ? { arrivals: replay } : {}),
        ...(a.patients && /\.json$/i.test(o.samples) ? { patients: a.patients } : {}),
        ...forecastSamples(a.summary, a.perReplication),
      }),
    );
    process.stderr.write(`Wrote ${o.samples} (${a.summary.replications} replications × hours 0 to ${o.hours})\n`);
  }
  if (o.csv) {
    const written = await writeForecastCsv(o.csv, a.summary, comparison, a.patients);
    process.stderr.write(`Wrote ${written.join(', ')}\n`);
  }
  return a.cancelled || b?.cancelled ? EXIT.interrupted : EXIT.ok;
}
