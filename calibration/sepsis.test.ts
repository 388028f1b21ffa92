import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileScenario, parseScenarioText } from '../scenarios/index.js';
import { runHospital } from '../sim-core/index.js';
import { calibrate, type CalibrationResult } from './index.js';
import { absurdity } from './fit/fit-duration.js';

/** The real Sepsis Cases log (Mannhardt 2016, CC BY 4.0): see examples/data/sepsis/SOURCE.md. */
const LOG = new URL('../examples/data/sepsis/sepsis-events.csv.gz', import.meta.url).pathname;
const MAP = new URL('./maps/sepsis.yaml', import.meta.url).pathname;

let result: CalibrationResult & { reportPath: string };
let out: string;

beforeAll(async () => {
  out = join(mkdtempSync(join(tmpdir(), 'sepsis-')), 'sepsis.yaml');
  result = await calibrate(LOG, MAP, out, { replications: 5 });
});

describe('the Sepsis log: from ER registration to release', () => {
  it('reads every row and case of the log, with no bad row', () => {
    const { log } = result.calibration.flow;
    expect(log.counts).toMatchObject({ records: 10767, used: 10767 });
    expect(log.bad).toEqual([]);
    expect(result.calibration.flow.cases).toHaveLength(736);
  });

  it('writes a scenario that passes the schema and runs as it is', async () => {
    const scenario = parseScenarioText(readFileSync(out, 'utf8'), out);
    expect(scenario.wards.map((w) => w.id).sort()).toEqual(['intensive-care', 'normal-care']);
    // Through the kernel directly: calibration does not go through workers/.
    const run = runHospital(compileScenario(scenario), { seed: scenario.seed, replication: 1 });
    expect(run.figures['arrivals.patients']!).toBeGreaterThan(500);
  });

  it('calibrates the steps the issue names: triage, antibiotics, admission to normal or intensive care, release, return', () => {
    const steps = result.calibration.classes[0]!.activities;
    for (const a of ['ER Registration', 'ER Triage', 'IV Antibiotics', 'Admission NC', 'Admission IC', 'Release A', 'Return ER']) expect(steps).toContain(a);
    expect(result.calibration.lengthsOfStay[0]!.fit.fit.n).toBeGreaterThan(500);
  });

  it('the simulation reproduces arrivals, the steps every case has, admissions, returns and the length of stay within sampling error', () => {
    const rows = new Map(result.validation!.rows.map((r) => [r.figure, r]));
    for (const figure of [
      'arrivals per day',
      // Days vary more than Poisson in the log: the scenario's busy and quiet days (dayToDayCv) give that spread.
      'sd of arrivals per day',
      // Reached by every case, or most, but not always in the same order: the routing remembers them.
      'cases with ER Registration',
      'cases with ER Triage',
      'cases with ER Sepsis Triage',
      'cases with IV Liquid',
      'cases with IV Antibiotics',
      'arrivals 00–06 h',
      'arrivals 12–18 h',
      'cases with Admission NC',
      'cases with Admission IC',
      'cases with Return ER',
      'mean length of stay',
      'median length of stay',
      'patients in normal-care (mean)',
      'Admission NC → Release A',
    ]) {
      const r = rows.get(figure);
      expect(r, figure).toBeDefined();
      expect(Math.abs(r!.z), `${figure}: log ${r!.log}, simulated ${r!.sim}`).toBeLessThanOrEqual(3);
    }
  });

  it('says in the report what the log cannot tell, and shows its charts', () => {
    const html = readFileSync(result.reportPath, 'utf8');
    expect(html).toContain('Waiting cannot be told from working');
    expect(html).toContain('randomised');
    expect(html).toContain('<svg');
    expect(result.validationTable).toContain('| mean length of stay (days) |');
  });
});

describe('the Sepsis log: fits that stay within the data', () => {
  it('sets aside the absurd lognormal of IV Antibiotics → IV Liquid (mean of days for gaps of at most 21 h), flags it, and draws its zeros as a point mass', () => {
    const gap = result.calibration.classes[0]!.gaps.get('IV Antibiotics\u0000IV Liquid')!.fit!.fit;
    expect(gap.n).toBe(46);
    expect(gap.zeros).toBe(16);
    expect(gap.zeroShare).toBeCloseTo(16 / 46, 10);
    expect(gap.rejected.map((r) => r.family)).toContain('lognormal');
    expect(gap.chosen).not.toBe('lognormal');
    expect(readFileSync(result.reportPath, 'utf8')).toContain('set aside as absurd');
  });

  it('no fitted distribution in the scenario reaches a 99th percentile above 10× the longest value seen, or a mean above it', () => {
    const c = result.calibration.classes[0]!;
    for (const g of c.gaps.values()) {
      const d = g.fit?.fit;
      if (!d || d.chosen === 'empirical' || d.chosen === 'constant') continue;
      const f = d.fits.find((x) => x.family === d.chosen)!;
      expect(absurdity(f, d.longest), `${g.from} → ${g.to}`).toBeNull();
    }
  });
});

describe('the Sepsis log: paths it never shows', () => {
  it('no more than 0.2% of simulated cases break an order every logged case keeps (a release with no admission: 1.6% before admissions were remembered)', () => {
    const r = result.validation!.rows.find((x) => x.figure === 'cases that break an order every logged case keeps')!;
    expect(r.group).toBe('Paths');
    expect(r.sim).toBeLessThanOrEqual(0.002);
    // The log's own value is leave-one-out: cases that break an order all the other cases keep.
    expect(r.log).toBeLessThan(0.01);
    const release = result
      .validation!.sims.flatMap((s) => s.paths)
      .filter((c) => c.steps.some((a) => a.startsWith('Release')) && !c.steps.some((a) => a.startsWith('Admission')));
    expect(release).toEqual([]);
  });

  it('simulated paths the log never shows are as common as the log’s own leave-one-out share, within sampling error', () => {
    const r = result.validation!.rows.find((x) => x.figure === 'cases whose path the log never shows')!;
    expect(Math.abs(r.z), `log ${r.log}, simulated ${r.sim}`).toBeLessThanOrEqual(3);
  });

  it('the report says every order the log keeps starts from a remembered step', () => {
    expect(readFileSync(result.reportPath, 'utf8')).toContain('starts from a remembered step, so no simulated case can break one');
  });
});

describe('the Sepsis log: times a case strings together', () => {
  it('draws each simulated case’s times from one logged case (the default, caseBootstrap), and says so in the report', () => {
    const c = result.calibration.classes[0]!;
    expect(c.caseTimes!.profiles).toHaveLength(736);
    expect(result.scenario.patientClasses[0]!.attributes!['timing-of-case']!.values).toHaveLength(736);
    expect(readFileSync(result.reportPath, 'utf8')).toContain('Times drawn together, case by case');
  });

  // 20 replications give |z| 0.0 and 0.2 (docs/validation.md); with this test's 5 the simulated side's error is
  // twice as wide, and the log's own dominates: |z| ≤ 2 still holds unless the tie is lost (independent
  // draws give −2.8 and 5.0).
  it('the median and 90th percentile of time to antibiotics agree with the log', () => {
    for (const figure of ['median time to first IV Antibiotics', '90th percentile of time to first IV Antibiotics']) {
      const r = result.validation!.rows.find((x) => x.figure === figure)!;
      expect(Math.abs(r.z), `${figure}: log ${r.log}, simulated ${r.sim}`).toBeLessThanOrEqual(2);
    }
  });

  it('keeps the independent draws as an option: no timing attribute, each time from its own fit', async () => {
    const text = readFileSync(MAP, 'utf8').replace('  replications: 10', '  times: independent\n  replications: 10');
    const dir = mkdtempSync(join(tmpdir(), 'sepsis-independent-'));
    writeFileSync(join(dir, 'map.yaml'), text);
    const r = await calibrate(LOG, join(dir, 'map.yaml'), join(dir, 'out.yaml'), { validate: false });
    expect(r.calibration.classes[0]!.caseTimes).toBeNull();
    expect(r.scenario.patientClasses[0]!.attributes!['timing-of-case']).toBeUndefined();
    expect(readFileSync(r.reportPath, 'utf8')).toContain('Times drawn each on its own');
  });
});

describe('the Sepsis report an analyst reads', () => {
  it('shows no negative bound, fit parameters in the activity’s unit, and the log’s interval beside the simulated one', () => {
    const html = readFileSync(result.reportPath, 'utf8');
    // The words and tables, not the charts' drawing instructions (rotate(-90)).
    expect(html.replace(/<svg[\s\S]*?<\/svg>/g, '')).not.toMatch(/\(-\d|–-\d|\(−\d/);
    expect(html).toContain('parameters (minutes; shapes have none)');
    expect(html).toContain('parameters (days; shapes have none)');
    expect(result.validationTable).toContain('| figure | log (95% CI) |');
    for (const r of result.validation!.rows) if (Number.isFinite(r.simCi[0])) expect(r.simCi[0], r.figure).toBeGreaterThanOrEqual(0);
  });

  it('gives arrivals per day an interval as wide as the overdispersed days make it, not the exact Poisson one', () => {
    const a = result.calibration.classes[0]!.arrivals;
    expect(a.perDayCiKind).toBe('overdispersed');
    // Poisson: ±1.96·√count; the days' cv 0.33 makes it wider.
    expect((a.perDayCi[1] - a.perDayCi[0]) * a.days).toBeGreaterThan(2 * 1.96 * Math.sqrt(a.count));
    expect(readFileSync(result.reportPath, 'utf8')).toContain('wider than Poisson');
  });

  it('counts the figures that test the model apart from the routing and reach shares in its headline', () => {
    expect(result.validation!.rows.filter((r) => r.kind === 'construction').map((r) => r.group)).toContain('Routing (next step after a step)');
    expect(result.validation!.rows.find((r) => r.figure === 'mean length of stay')!.kind).toBe('test');
    expect(readFileSync(result.reportPath, 'utf8')).toContain('Figures that test the model');
  });
});
