import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileScenario, parseScenario, parseScenarioText, type ScenarioInput } from '../scenarios/index.js';
import { runHospital, TraceBuffer } from '../sim-core/index.js';
// The CLI's export-log is the format a round trip must read; used here only, never by calibration itself.
import { eventLogCsvLines, eventLogHeader, eventLogRows } from '../cli/event-log.js';
import { csvLine } from '../cli/csv.js';
import { calibrate, type CalibrationResult } from './index.js';
import { gapKey, START } from './fit/observations.js';

/** A known hospital: 30 arrivals a day (flat), triage exponential 10 min, 30% admitted for a lognormal stay. */
const known: ScenarioInput = {
  name: 'round-trip',
  start: '2026-01-05T00:00',
  horizonDays: 90,
  seed: 11,
  replications: 1,
  wards: [{ id: 'ward', type: 'general', beds: 200, costPerBedDay: 0 }],
  resources: [{ id: 'triage-nurse', department: 'ed', units: 8 }],
  patientClasses: [{ id: 'ed', department: 'ed', emergencyDepartment: true, arrivals: { type: 'weekly', perDay: 30 }, pathway: 'ed' }],
  pathways: {
    ed: [
      { seize: ['triage-nurse'] },
      { hold: { type: 'exponential', mean: 10 }, activity: 'triage' },
      { release: ['triage-nurse'] },
      { branch: [{ p: 0.3, goto: 'admit' }] },
      { leave: true },
      { stay: 'ward', lengthOfStay: { type: 'lognormal', mean: 2880, sd: 1440 }, id: 'admit' },
    ],
  },
};

let result: CalibrationResult & { reportPath: string };
let dir: string;

beforeAll(async () => {
  const scenario = parseScenario(known, 'round-trip');
  // Through the kernel directly: calibration does not go through workers/.
  const buffer = new TraceBuffer();
  runHospital(compileScenario(scenario), { seed: scenario.seed, replication: 1, trace: buffer });
  const run = { trace: buffer.toData() };
  const attributes: string[] = [];
  const rows = eventLogRows(run.trace!, { replication: 1, warmup: 0, attributes });
  dir = mkdtempSync(join(tmpdir(), 'round-trip-'));
  const csv = [csvLine(eventLogHeader(attributes)), ...eventLogCsvLines(rows, scenario.start)].join('');
  writeFileSync(join(dir, 'log.csv'), csv);
  result = await calibrate(join(dir, 'log.csv'), 'calibration/maps/export-log.yaml', join(dir, 'calibrated.yaml'), { replications: 3 });
});

describe('round trip: a log exported from a known scenario calibrates back to its parameters', () => {
  // Each true value must lie in the calibrated estimate's 95% interval widened to 99.9% (z = 3.29 for 1.96:
  // over these 6 checks a correct calibration fails with probability about 0.6%), and each 95% interval must
  // be narrow (half-width under 10% of the value) so that a loose interval cannot pass a wrong estimate.
  const within = (truth: number, [lo95, hi95]: [number, number], what: string): void => {
    const mid = (lo95 + hi95) / 2;
    const half = ((hi95 - lo95) / 2) * (3.2905 / 1.96);
    const [lo, hi] = [mid - half, mid + half];
    expect(truth, `${what}: ${truth} in [${lo}, ${hi}]`).toBeGreaterThanOrEqual(lo);
    expect(truth, `${what}: ${truth} in [${lo}, ${hi}]`).toBeLessThanOrEqual(hi);
    expect((hi95 - lo95) / 2, `${what}: interval narrow enough`).toBeLessThan(0.1 * truth);
  };

  it('arrivals: 30 a day, with no daily or weekly pattern found', () => {
    const ed = result.calibration.classes.find((c) => c.name === 'ed')!;
    within(30, ed.arrivals.perDayCi, 'arrivals per day');
    expect(ed.arrivals.usesDayOfWeek).toBe(false);
  });

  it('triage: mean 10 minutes', () => {
    const ed = result.calibration.classes.find((c) => c.name === 'ed')!;
    const triage = ed.durations.get('triage')!.fit;
    within(10, triage.meanCi, 'triage mean');
    within(10, triage.sampleMeanCi, 'triage sample mean');
  });

  it('routing: 30% of triaged patients admitted to the ward', () => {
    const ed = result.calibration.classes.find((c) => c.name === 'ed')!;
    const admit = ed.routing.from.get('triage')!.find((r) => r.to === 'stay:ward')!;
    within(0.3, admit.ci, 'P(admitted)');
    expect(ed.routing.from.get(START)!.map((r) => r.to)).toEqual(['triage']);
  });

  it('length of stay: mean 2880 minutes, lognormal chosen, as a ward stay', () => {
    const ed = result.calibration.classes.find((c) => c.name === 'ed')!;
    const stay = ed.durations.get('stay:ward')!.fit;
    within(2880, stay.meanCi, 'length-of-stay mean');
    expect(stay.chosen).toBe('lognormal');
    expect(result.scenario.pathways.ed?.some((s) => 'stay' in s && s.stay === 'ward')).toBe(true);
  });

  it('no delays appear where the known scenario has none', () => {
    const ed = result.calibration.classes.find((c) => c.name === 'ed')!;
    expect(ed.gaps.get(gapKey(START, 'triage'))!.material).toBe(false);
    expect(ed.gaps.get(gapKey('triage', 'stay:ward'))!.material).toBe(false);
  });

  it('the written scenario passes the schema and its validation agrees with the log', () => {
    const text = readFileSync(join(dir, 'calibrated.yaml'), 'utf8');
    expect(() => parseScenarioText(text, 'calibrated.yaml')).not.toThrow();
    const v = result.validation!;
    const differs = v.rows.filter((r) => r.verdict === 'differs');
    expect(differs.map((r) => r.figure)).toEqual([]);
    expect(readFileSync(result.reportPath, 'utf8')).toContain('<svg');
  });
});
