/**
 * `forecast --samples FILE`: every replication's census per ward and ED
 * waiting per hour, as JSON (.json) or CSV (.csv), and the reader `score`
 * uses for both. The JSON document:
 *
 *   { "samplesOf": "hospital-twin forecast", "version": 1, "scenario", "seed",
 *     "asOf", "hours", "replications", "replicationNumbers": [...],
 *     "series": [{ "name", "measure": "census" | "edWaiting", "unit", "beds"?,
 *                  "byHour": [[one count per replication] for hour 0..hours] }] }
 *
 * The CSV: one row per (replication, hour): replication,hour,time, then one
 * column per ward and edWaiting.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { formatLocal, localMinutes, sizeInWords } from '../scenarios/index.js';
import { ED_WAITING, MAX_SAMPLE_VALUES, type ForecastSamples, type PatientInterval, type SampleSeries } from '../workers/index.js';
import { csvLine } from './csv.js';
import { UsageError } from './exit-codes.js';

export const SAMPLES_OF = 'hospital-twin forecast';
/** A samples file larger than this is refused before it is read (20 million counts as JSON text fit well within it). */
const MAX_SAMPLES_BYTES = 400 * 1024 * 1024;

export interface SamplesDocument extends ForecastSamples {
  scenario: string;
  seed: number | string;
  /** A forecast made with the arrivals that really came (forecast --arrivals-from): from where, which classes, how many. */
  arrivals?: { replayedFrom: string; classes: string[]; patients: number };
  /** With forecast --patients: each patient's remaining stay (hours, mean and 80% interval), for score to check. */
  patients?: PatientInterval[];
}

/** The samples file's text, made as it is written (a large forecast is never one string). */
export function* samplesText(path: string, d: SamplesDocument): Generator<string> {
  const n = d.replications;
  if (extname(path).toLowerCase() === '.csv') {
    yield csvLine(['replication', 'hour', 'time', ...d.series.map((s) => s.name)]);
    const start = localMinutes(d.asOf.slice(0, 16));
    for (let r = 0; r < n; r++) {
      let rows = '';
      for (let h = 0; h <= d.hours; h++)
        rows += csvLine([d.replicationNumbers[r]!, h, formatLocal(start + h * 60), ...d.series.map((s) => s.values[h * n + r]!)]);
      yield rows;
    }
    return;
  }
  const head = {
    samplesOf: SAMPLES_OF,
    version: 1,
    scenario: d.scenario,
    seed: d.seed,
    ...(d.arrivals ? { arrivals: d.arrivals } : {}),
    asOf: d.asOf,
    hours: d.hours,
    replications: n,
  };
  yield `${JSON.stringify(head).slice(0, -1)},"replicationNumbers":${JSON.stringify(d.replicationNumbers)},"series":[`;
  for (const [k, s] of d.series.entries()) {
    const unit = s.measure === 'census' ? 'beds' : 'patients';
    yield `${k > 0 ? ',' : ''}\n{"name":${JSON.stringify(s.name)},"measure":"${s.measure}","unit":"${unit}"${s.beds !== undefined ? `,"beds":${s.beds}` : ''},"byHour":[`;
    for (let h = 0; h <= d.hours; h++) yield `${h > 0 ? ',' : ''}\n[${s.values.subarray(h * n, (h + 1) * n).join(',')}]`;
    yield ']}';
  }
  yield ']';
  if (d.patients) {
    const rounded = (x: number): number => +x.toFixed(4);
    yield ',"patients":[';
    for (const [k, p] of d.patients.entries()) {
      const { mean, p10, p50, p90 } = p.remainingHours;
      const remainingHours = { mean: rounded(mean), p10: rounded(p10), p50: rounded(p50), p90: rounded(p90) };
      yield `${k > 0 ? ',' : ''}\n${JSON.stringify({ patient: p.patient, class: p.class, remainingHours })}`;
    }
    yield ']';
  }
  yield '}\n';
}

/** Problems found in a samples file, by path, before anything is scored. */
export class SamplesError extends UsageError {}

function refuse(path: string, where: string, message: string): never {
  throw new SamplesError(`${path}${where ? `: ${where}` : ''}: ${message}`);
}

/** A samples file written by `forecast --samples` (JSON or CSV), checked whole. */
export async function readSamplesFile(path: string): Promise<SamplesDocument> {
  const info = await stat(path).catch(() => refuse(path, '', 'no such file'));
  if (!info.isFile()) refuse(path, '', 'is not a regular file');
  if (info.size > MAX_SAMPLES_BYTES) refuse(path, '', `is ${sizeInWords(info.size)}, more than the ${sizeInWords(MAX_SAMPLES_BYTES)} a samples file may be`);
  const text = await readFile(path, 'utf8');
  return extname(path).toLowerCase() === '.csv' ? samplesFromCsv(path, text) : samplesFromJson(path, text);
}

function samplesFromJson(path: string, text: string): SamplesDocument {
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    refuse(path, '', `cannot be read as JSON: ${e instanceof Error ? e.message.split('\n')[0]! : String(e)}`);
  }
  const o = doc as Record<string, unknown>;
  if (!o || typeof o !== 'object' || o['samplesOf'] !== SAMPLES_OF)
    refuse(path, 'samplesOf', `must be "${SAMPLES_OF}": give a file written by forecast --samples (not forecast --json)`);
  const asOf = checkAsOf(path, o['asOf']);
  const hours = wholeNumber(path, 'hours', o['hours'], 0, 10_000);
  const n = wholeNumber(path, 'replications', o['replications'], 1, MAX_SAMPLE_VALUES);
  const numbers = o['replicationNumbers'];
  if (!Array.isArray(numbers) || numbers.length !== n) refuse(path, 'replicationNumbers', `must list ${n} replication numbers`);
  const series = o['series'];
  if (!Array.isArray(series) || series.length === 0) refuse(path, 'series', 'must be a non-empty list');
  if (series.length * n * (hours + 1) > MAX_SAMPLE_VALUES) refuse(path, 'series', `more than the ${MAX_SAMPLE_VALUES} counts a samples file may hold`);
  const out: SampleSeries[] = series.map((s: unknown, k: number) => {
    const at = `series[${k}]`;
    const x = s as Record<string, unknown>;
    if (!x || typeof x !== 'object' || typeof x['name'] !== 'string' || x['name'] === '') refuse(path, `${at}.name`, 'must be a ward name or edWaiting');
    const measure = x['measure'];
    if (measure !== 'census' && measure !== 'edWaiting') refuse(path, `${at}.measure`, `must be "census" or "edWaiting", got ${JSON.stringify(measure)}`);
    const byHour = x['byHour'];
    if (!Array.isArray(byHour) || byHour.length !== hours + 1) refuse(path, `${at}.byHour`, `must have ${hours + 1} rows (hours 0 to ${hours})`);
    const values = new Int32Array((hours + 1) * n);
    byHour.forEach((row: unknown, h: number) => {
      if (!Array.isArray(row) || row.length !== n) refuse(path, `${at}.byHour[${h}]`, `must have ${n} counts, one per replication`);
      row.forEach((v: unknown, r: number) => {
        if (!Number.isInteger(v) || (v as number) < 0)
          refuse(path, `${at}.byHour[${h}][${r}]`, `must be a whole number of 0 or more, got ${JSON.stringify(v)}`);
        values[h * n + r] = v as number;
      });
    });
    return { name: x['name'], measure, ...(typeof x['beds'] === 'number' ? { beds: x['beds'] } : {}), values };
  });
  const names = new Set<string>();
  for (const s of out) {
    if (names.has(s.name)) refuse(path, 'series', `names "${s.name}" twice`);
    names.add(s.name);
  }
  const seed = o['seed'];
  const arrivals = replayedArrivalsOf(path, o['arrivals']);
  const patients = patientsOf(path, o['patients']);
  return {
    scenario: typeof o['scenario'] === 'string' ? o['scenario'] : '',
    seed: typeof seed === 'number' || typeof seed === 'string' ? seed : '',
    ...(arrivals ? { arrivals } : {}),
    ...(patients ? { patients } : {}),
    asOf,
    hours,
    replications: n,
    replicationNumbers: numbers.map((v: unknown, i: number) => wholeNumber(path, `replicationNumbers[${i}]`, v, 0, Number.MAX_SAFE_INTEGER)),
    series: out,
  };
}

function samplesFromCsv(path: string, text: string): SamplesDocument {
  const lines = text
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split(/\r?\n/);
  const head = lines[0]!.split(',');
  if (head[0] !== 'replication' || head[1] !== 'hour' || head[2] !== 'time' || head.length < 4)
    refuse(path, 'line 1', 'must be the header replication,hour,time,<ward>...,edWaiting (as forecast --samples writes it)');
  const names = head.slice(3);
  const rows = lines.slice(1).map((line, i) => {
    const cells = line.split(',');
    if (cells.length !== head.length) refuse(path, `line ${i + 2}`, `must have ${head.length} fields, got ${cells.length}`);
    return cells;
  });
  if (rows.length === 0) refuse(path, '', 'has no rows');
  const hours = Math.max(...rows.map((c, i) => wholeNumber(path, `line ${i + 2}, hour`, Number(c[1]), 0, 10_000)));
  if (rows.length % (hours + 1) !== 0) refuse(path, '', `must have hours 0 to ${hours} for every replication`);
  const n = rows.length / (hours + 1);
  if (names.length * rows.length > MAX_SAMPLE_VALUES) refuse(path, '', `more than the ${MAX_SAMPLE_VALUES} counts a samples file may hold`);
  const values = names.map(() => new Int32Array(rows.length));
  const replicationNumbers: number[] = [];
  rows.forEach((c, i) => {
    const r = Math.floor(i / (hours + 1));
    const h = i % (hours + 1);
    if (Number(c[1]) !== h) refuse(path, `line ${i + 2}, hour`, `must be ${h} (each replication's hours 0 to ${hours} in order)`);
    if (h === 0) replicationNumbers.push(wholeNumber(path, `line ${i + 2}, replication`, Number(c[0]), 0, Number.MAX_SAFE_INTEGER));
    names.forEach((_, k) => {
      values[k]![h * n + r] = wholeNumber(path, `line ${i + 2}, ${names[k]}`, Number(c[3 + k]), 0, 2 ** 31 - 1);
    });
  });
  return {
    scenario: '',
    seed: '',
    asOf: checkAsOf(path, rows[0]![2]),
    hours,
    replications: n,
    replicationNumbers,
    series: names.map((name, k) => ({ name, measure: name === ED_WAITING ? ('edWaiting' as const) : ('census' as const), values: values[k]! })),
  };
}

/** `arrivals`, if the forecast replayed the arrivals that came: where from, which classes, how many patients. */
function replayedArrivalsOf(path: string, v: unknown): SamplesDocument['arrivals'] {
  if (v === undefined) return undefined;
  const a = v as Record<string, unknown>;
  if (!a || typeof a !== 'object' || typeof a['replayedFrom'] !== 'string')
    refuse(path, 'arrivals.replayedFrom', 'must name the trace whose arrivals were replayed (as forecast --arrivals-from writes it)');
  const classes = a['classes'];
  if (!Array.isArray(classes) || !classes.every((c) => typeof c === 'string')) refuse(path, 'arrivals.classes', 'must be a list of class names');
  return { replayedFrom: a['replayedFrom'], classes, patients: wholeNumber(path, 'arrivals.patients', a['patients'], 0, Number.MAX_SAFE_INTEGER) };
}

/** `patients`, if the forecast followed each patient: id, class and remaining stay's mean and 80% interval, hours. */
function patientsOf(path: string, v: unknown): PatientInterval[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) refuse(path, 'patients', 'must be a list (as forecast --patients --samples writes it)');
  return v.map((x: unknown, k: number) => {
    const p = x as Record<string, unknown>;
    if (!p || typeof p !== 'object' || typeof p['patient'] !== 'string' || typeof p['class'] !== 'string')
      refuse(path, `patients[${k}]`, 'must give the patient and its class');
    const r = p['remainingHours'] as Record<string, unknown> | undefined;
    const hours = (key: string): number => {
      const h = r?.[key];
      if (typeof h !== 'number' || !(h >= 0)) refuse(path, `patients[${k}].remainingHours.${key}`, `must be hours, 0 or more, got ${JSON.stringify(h)}`);
      return h;
    };
    const band = { mean: hours('mean'), p10: hours('p10'), p50: hours('p50'), p90: hours('p90') };
    if (!(band.p10 <= band.p50 && band.p50 <= band.p90)) refuse(path, `patients[${k}].remainingHours`, 'must have p10 ≤ p50 ≤ p90');
    return { patient: p['patient'], class: p['class'], remainingHours: band };
  });
}

function wholeNumber(path: string, where: string, v: unknown, lo: number, hi: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < lo || v > hi)
    refuse(path, where, `must be a whole number from ${lo} to ${hi}, got ${JSON.stringify(v)}`);
  return v;
}

function checkAsOf(path: string, v: unknown): string {
  if (typeof v !== 'string' || Number.isNaN(localMinutes(v.slice(0, 16))))
    refuse(path, 'asOf', `must be a local date and time "YYYY-MM-DDTHH:MM", got ${JSON.stringify(v)}`);
  return v;
}
