/**
 * The real MIMIC-IV demo (PhysioNet, ODbL 1.0; see examples/data/mimic-iv-demo/SOURCE.md):
 * its transfers between care units calibrate to a scenario that runs, whose
 * lengths of stay and routing reproduce the log's, while the figures its
 * shifted dates cannot give are left out of the validation and said to be.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileScenario, parseScenarioText } from '../scenarios/index.js';
import { runHospital } from '../sim-core/index.js';
import { END } from './fit/observations.js';
import { calibrate, type CalibrationResult } from './index.js';

const LOG = new URL('../examples/data/mimic-iv-demo/hosp/transfers.csv.gz', import.meta.url).pathname;
const MAP = new URL('./maps/mimic-iv-transfers.yaml', import.meta.url).pathname;

let result: CalibrationResult & { reportPath: string };
let out: string;

/** Hours in each care unit, read here independently of calibration. */
function staysByUnit(): Map<string, number[]> {
  const rows = parse(gunzipSync(readFileSync(LOG)).toString('utf8'), { columns: true }) as Record<string, string>[];
  const byUnit = new Map<string, number[]>();
  for (const r of rows) {
    if (r.eventtype === 'discharge' || r.outtime === '') continue;
    const hours = (Date.parse(`${r.outtime!.replace(' ', 'T')}Z`) - Date.parse(`${r.intime!.replace(' ', 'T')}Z`)) / 3.6e6;
    byUnit.set(r.careunit!, [...(byUnit.get(r.careunit!) ?? []), hours]);
  }
  return byUnit;
}

/** A distribution-free 99% interval for the median: order statistics at n/2 ± 2.576·√n/2. */
function medianInterval(values: number[]): [number, number] {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const k = Math.max(0, Math.floor(n / 2 - (2.576 * Math.sqrt(n)) / 2));
  return [sorted[k]!, sorted[Math.min(n - 1, n - 1 - k)]!];
}

describe('the MIMIC-IV demo: transfers between care units', () => {
  beforeAll(async () => {
    out = join(mkdtempSync(join(tmpdir(), 'mimic-')), 'mimic.yaml');
    result = await calibrate(LOG, MAP, out, { replications: 5 });
  }, 120_000);

  it('keeps ED visits with no admission as cases of their own, and drops only the discharge markers', () => {
    const { log } = result.calibration.flow;
    expect(log.bad).toEqual([]);
    expect(log.counts.filtered).toBeGreaterThan(0); // the discharge rows
    const edOnly = result.calibration.flow.cases.filter((c) => c.id.startsWith('transfer_id:'));
    expect(edOnly.length).toBeGreaterThan(0);
    expect(edOnly.every((c) => c.events.every((e) => e.activity === 'Emergency Department'))).toBe(true);
  });

  it('writes a scenario that passes the schema and runs at the given arrival rate', async () => {
    const scenario = parseScenarioText(readFileSync(out, 'utf8'), out);
    expect(scenario.horizonDays).toBe(365);
    // Through the kernel directly: calibration does not go through workers/.
    const run = runHospital(compileScenario(scenario), { seed: scenario.seed, replication: 1 });
    // 40 a day for a year, Poisson: 14,600 ± 4 sd of √14,600.
    expect(Math.abs(run.figures['arrivals.patients']! - 14_600)).toBeLessThan(4 * Math.sqrt(14_600));
  });

  it('makes each care unit a ward of its own, typed by the mapping, and says which cases took a fallback id', () => {
    const scenario = parseScenarioText(readFileSync(out, 'utf8'), out);
    const type = Object.fromEntries(scenario.wards.map((w) => [w.id, w.type]));
    expect(type).toMatchObject({ ed: 'ed', 'ed-observation': 'ed', micu: 'icu', pacu: 'stepdown', Medicine: 'general' });
    expect(scenario.wards.every((w) => w.beds >= 1)).toBe(true);
    const { log } = result.calibration.flow;
    expect(log.counts.fallbackIds.transfer_id).toBeGreaterThan(0);
    expect(result.report).toMatch(/with no hadm_id, identified by transfer_id/);
  });

  it("the log's lengths of stay per unit hold the medians SOURCE.md gives for the whole demo", () => {
    const byUnit = staysByUnit();
    // SOURCE.md, hours: Emergency Department 5.75, Medicine 46.6, MICU 68.6 (100 patients; here 76 of them).
    for (const [unit, median] of [
      ['Emergency Department', 5.75],
      ['Medicine', 46.6],
      ['Medical Intensive Care Unit (MICU)', 68.6],
    ] as const) {
      const [lo, hi] = medianInterval(byUnit.get(unit)!);
      expect(median, unit).toBeGreaterThanOrEqual(lo);
      expect(median, unit).toBeLessThanOrEqual(hi);
    }
  });

  it('the simulation reproduces who reaches each unit, the stays and the routing within sampling error', () => {
    const rows = result.validation!.rows;
    for (const group of ['Who reaches each step', 'Activity durations', 'Length of stay', 'Routing (next step after a step)']) {
      const inGroup = rows.filter((r) => r.group === group);
      expect(inGroup.length, group).toBeGreaterThanOrEqual(3);
      expect(
        inGroup.filter((r) => r.verdict === 'differs').map((r) => r.figure),
        group,
      ).toEqual([]);
    }
    const ed = rows.find((r) => r.figure === 'mean Emergency Department')!;
    expect(ed.unit).toBe('hours');
    const edHours = staysByUnit().get('Emergency Department')!;
    expect(ed.log).toBeCloseTo(edHours.reduce((a, b) => a + b, 0) / edHours.length, 6);
  });

  it('routes admissions from the ED mostly to Medicine and ED Observation, as SOURCE.md counts them (25 and 24)', () => {
    const routes = result.calibration.classes[0]!.routing.from.get('Emergency Department')!;
    const toUnits = routes.filter((r) => r.to !== END).map((r) => r.to);
    expect(toUnits.slice(0, 2).sort()).toEqual(['Emergency Department Observation', 'Medicine']);
  });

  it('leaves out of the validation what shifted dates cannot give, and says so', () => {
    const v = result.validation!;
    expect(v.leftOut?.groups).toEqual(expect.arrayContaining(['Arrivals']));
    expect(v.rows.some((r) => r.group === 'Arrivals' || r.group === 'Occupancy')).toBe(false);
    expect(result.validationTable).toContain('Not compared: arrivals');
    expect(result.report).toContain('shifted case by case');
  });

  it('labels the beds it sized as what they are: a mean at once by Little’s law at the stand-in rate, not the most seen at once', () => {
    const html = readFileSync(result.reportPath, 'utf8');
    expect(html).toContain('mean at once by Little');
    expect(html).not.toContain('<th>most at once in the log</th>');
  });

  it('takes the log’s errors from resampling patients, each with all their admissions, not from cases taken as independent', () => {
    expect(result.validation!.byPatient).toBe(true);
    expect(readFileSync(result.reportPath, 'utf8')).toMatch(/resampling its \d+ patients, each with all their cases/);
    // One patient has up to 13 admissions: the length of stay's error is at least the formula's.
    const los = result.validation!.rows.find((r) => r.figure === 'mean length of stay')!;
    expect(los.logSe).toBeGreaterThan(0);
  });
});
