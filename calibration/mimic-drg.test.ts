/**
 * The MIMIC-IV demo's DRGs carried into a calibrated scenario (issue 15): the
 * drgcodes table gives each admission its DRG as the patient attribute `drg`,
 * its mix is the log's shares, one case-mix group is declared per DRG, and a
 * run reports cost per DRG whose cases and costs add up to the class's. A
 * mapping that names a column or file that is not there is refused by path.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileScenario, parseScenario, parseScenarioText } from '../scenarios/index.js';
import { runHospital } from '../sim-core/index.js';
import { calibrate, CalibrationError, type CalibrationResult } from './index.js';

const LOG = new URL('../examples/data/mimic-iv-demo/hosp/transfers.csv.gz', import.meta.url).pathname;
const DRG = new URL('../examples/data/mimic-iv-demo/hosp/drgcodes.csv.gz', import.meta.url).pathname;
const MAP = new URL('./maps/mimic-iv-transfers-drg.yaml', import.meta.url).pathname;
const BASE_MAP = new URL('./maps/mimic-iv-transfers.yaml', import.meta.url).pathname;

const dir = mkdtempSync(join(tmpdir(), 'mimic-drg-'));
let result: CalibrationResult & { reportPath: string };

/** HCFA DRG of each admission, read here straight from the gzipped table. */
function hcfaByAdmission(): Map<string, string> {
  const rows = parse(gunzipSync(readFileSync(DRG)).toString('utf8'), { columns: true }) as Record<string, string>[];
  return new Map(rows.filter((r) => r.drg_type === 'HCFA').map((r) => [r.hadm_id!, r.drg_code!]));
}

/** A mapping file: the DRG mapping with `change` applied to its parsed document. */
function mappingWith(
  name: string,
  change: (m: Record<string, unknown> & { caseTables: Record<string, unknown>[]; model: Record<string, unknown> }) => void,
): string {
  const doc = parseYaml(readFileSync(MAP, 'utf8')) as Parameters<typeof change>[0];
  change(doc);
  const path = join(dir, `${name}.yaml`);
  writeFileSync(path, JSON.stringify(doc));
  return path;
}

async function refusal(map: string): Promise<string> {
  try {
    await calibrate(LOG, map, join(dir, 'refused.yaml'), { validate: false });
  } catch (e) {
    if (e instanceof CalibrationError) return `${e.source}\n${e.problems.join('\n')}`;
    throw e;
  }
  throw new Error('not refused');
}

describe('the MIMIC-IV demo with each admission’s DRG', () => {
  beforeAll(async () => {
    result = await calibrate(LOG, MAP, join(dir, 'mimic-drg.yaml'), { validate: false });
  }, 120_000);

  it('differs from the transfers mapping only by the DRG table, the case-mix groups and its name', () => {
    const withDrg = parseYaml(readFileSync(MAP, 'utf8')) as Record<string, Record<string, unknown>>;
    const base = parseYaml(readFileSync(BASE_MAP, 'utf8')) as Record<string, Record<string, unknown>>;
    delete withDrg.caseTables;
    delete withDrg.model!.caseMix;
    withDrg.model!.name = base.model!.name;
    expect(withDrg).toEqual(base);
  });

  it('reads each case’s DRG: its counts per code are those of the table for the admissions in the log', () => {
    const drg = hcfaByAdmission();
    const cases = result.calibration.flow.cases;
    const direct = new Map<string, number>();
    for (const c of cases) {
      const code = drg.get(c.id) ?? 'none';
      direct.set(code, (direct.get(code) ?? 0) + 1);
    }
    const carried = new Map<string, number>();
    for (const c of cases) carried.set(c.attributes.drg!, (carried.get(c.attributes.drg!) ?? 0) + 1);
    expect(carried).toEqual(direct);
    const a = result.calibration.caseAttributes![0]!;
    expect(a.counts.withValue).toBe(cases.filter((c) => drg.has(c.id)).length);
    expect(a.counts.withValue).toBeGreaterThan(150);
    expect(a.counts.without).toBe(direct.get('none'));
    // ED visits with no admission have no DRG.
    expect(cases.filter((c) => c.id.startsWith('transfer_id:')).every((c) => c.attributes.drg === 'none')).toBe(true);
  });

  it('gives each class a mix of DRGs whose shares are the log’s and sum to 1, and one named group per DRG', () => {
    const scenario = parseScenarioText(readFileSync(join(dir, 'mimic-drg.yaml'), 'utf8'), 'mimic-drg.yaml');
    for (const c of scenario.patientClasses) {
      const mix = c.attributes.drg!;
      const total = mix.weights.reduce((s, w) => s + w, 0);
      const shares = mix.weights.map((w) => w / total);
      expect(shares.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
      const cases = result.calibration.flow.cases.filter((x) => x.cls === (c.name ?? c.id));
      mix.values.forEach((v, i) => expect(shares[i]).toBeCloseTo(cases.filter((x) => x.attributes.drg === String(v)).length / cases.length, 12));
    }
    const groups = scenario.caseMix!.groups;
    expect(new Set(groups.map((g) => String(g.code)))).toEqual(new Set(scenario.patientClasses.flatMap((c) => c.attributes.drg!.values.map(String))));
    // Codes keep their leading zeros; names are the table's descriptions; no weights, no base rate.
    expect(groups.find((g) => g.code === '054')?.name).toBe('NERVOUS SYSTEM NEOPLASMS W MCC');
    expect(groups.find((g) => g.code === 'none')?.name).toBe('no drg_code in drgcodes.csv.gz');
    expect(groups.every((g) => g.weight === undefined) && scenario.caseMix!.baseRate === undefined).toBe(true);
  });

  it('runs, and reports cost per DRG whose cases and costs add up to the class’s, with payment not known', () => {
    const scenario = parseScenarioText(readFileSync(join(dir, 'mimic-drg.yaml'), 'utf8'), 'mimic-drg.yaml');
    // Calibrated costs are 0 (the log has none): give beds a cost per day so that the sums mean something.
    const costed = parseScenario({
      ...scenario,
      horizonDays: 90,
      wards: scenario.wards.map((w) => ({ ...w, costPerBedDay: w.type === 'icu' ? 4000 : 1200 })),
    });
    const f = runHospital(compileScenario(costed), { seed: 1, replication: 1 }).figures;
    const codes = costed.caseMix!.groups.map((g) => String(g.code));
    let cases = 0;
    let cost = 0;
    for (const code of codes) {
      const n = f[`casemix.${code}.cases`]!;
      expect(n, code).toBe(f[`cost.perCase.attribute.drg.${code}.cases`]);
      cases += n;
      if (n > 0) {
        cost += n * f[`casemix.${code}.costPerCase`]!;
        expect(f[`casemix.${code}.costPerCase`]).toBeCloseTo(f[`cost.perCase.attribute.drg.${code}.mean`]!, 9);
      }
      expect(f[`casemix.${code}.paymentPerCase`]).toBeUndefined();
      expect(f[`casemix.${code}.margin`]).toBeUndefined();
    }
    const cls = costed.patientClasses[0]!.id;
    expect(costed.patientClasses).toHaveLength(1);
    expect(cases).toBe(f[`cases.${cls}`]);
    expect(cases).toBeGreaterThan(1000);
    expect(f['casemix.cases']).toBe(cases);
    // Sums in another order: equal to rounding, relative 1e-12.
    const classCost = f[`cost.perCase.${cls}.cases`]! * f[`cost.perCase.${cls}.mean`]!;
    expect(Math.abs(cost - classCost)).toBeLessThan(1e-12 * classCost);
    expect(Math.abs(f['casemix.cost']! - classCost)).toBeLessThan(1e-12 * classCost);
    expect(f['casemix.payment']).toBeUndefined();
  });

  it('gives each simulated patient the DRG of the logged case it takes its times from, so cost per DRG follows the log’s', () => {
    const scenario = parseScenarioText(readFileSync(join(dir, 'mimic-drg.yaml'), 'utf8'), 'mimic-drg.yaml');
    const cls = scenario.patientClasses[0]!;
    const cases = result.calibration.flow.cases;
    // The DRG follows the attribute of the case bootstrap: case k's DRG for a patient that takes case k's times.
    expect(cls.attributes.drg!.byAttribute).toBe('timing-of-case');
    const profiles = cls.attributes['timing-of-case']!.values.map(String);
    expect(profiles).toHaveLength(cases.length);
    profiles.forEach((k, i) => expect(cls.attributes.drg!.cases![k], k).toBe(cases[i]!.attributes.drg));

    // Bed cost per case by DRG in the log: each stay's days at its ward's rate (ICU 4,000 a day, other beds 1,200).
    const perDay = (type: string): number => (type === 'icu' ? 4000 : 1200);
    const wardType = new Map(scenario.wards.map((w) => [w.id, w.type]));
    const logByDrg = new Map<string, { n: number; cost: number }>();
    for (const c of cases) {
      let cost = 0;
      for (const e of c.events) {
        const w = result.calibration.flow.stayWard.get(e.activity);
        if (w && e.end !== null) cost += ((e.end - e.start) / 1440) * perDay(wardType.get(w.ward)!);
      }
      const g = logByDrg.get(c.attributes.drg!) ?? { n: 0, cost: 0 };
      logByDrg.set(c.attributes.drg!, { n: g.n + 1, cost: g.cost + cost });
    }
    const simulated = (s: typeof scenario): Map<string, number> => {
      const costed = parseScenario({ ...s, horizonDays: 365, wards: s.wards.map((w) => ({ ...w, costPerBedDay: perDay(w.type) })) });
      const f = runHospital(compileScenario(costed), { seed: 1, replication: 1 }).figures;
      const out = new Map<string, number>();
      for (const code of logByDrg.keys())
        if ((f[`cost.perCase.attribute.drg.${code}.cases`] ?? 0) > 0) out.set(code, f[`cost.perCase.attribute.drg.${code}.mean`]!);
      return out;
    };
    const correlation = (sim: Map<string, number>): number => {
      const codes = [...sim.keys()];
      const x = codes.map((c) => logByDrg.get(c)!.cost / logByDrg.get(c)!.n);
      const y = codes.map((c) => sim.get(c)!);
      const mx = x.reduce((a, b) => a + b, 0) / x.length;
      const my = y.reduce((a, b) => a + b, 0) / y.length;
      let sxy = 0,
        sxx = 0,
        syy = 0;
      x.forEach((xi, i) => ((sxy += (xi - mx) * (y[i]! - my)), (sxx += (xi - mx) ** 2), (syy += (y[i]! - my) ** 2)));
      return sxy / Math.sqrt(sxx * syy);
    };
    // 128 DRGs (with "none", the ED visits with no admission), 1 to 63 logged cases each (median 1): the
    // 40 a day of a simulated year give each about 40·365/|cases| ≈ 27 patients per logged case.
    const ns = [...logByDrg.values()].map((g) => g.n).sort((a, b) => a - b);
    expect(logByDrg.size).toBeGreaterThan(100);
    expect(ns[Math.floor(ns.length / 2)]).toBeLessThanOrEqual(2);
    const following = simulated(scenario);
    expect(following.size).toBe(logByDrg.size);
    // The DRG drawn apart from the case (the mix alone): cost per DRG differs by chance only. Under no relation
    // the correlation across 128 groups has sd about 1/√127 ≈ 0.09: |r| < 0.3 is 3 sd.
    const apart = structuredClone(scenario);
    delete apart.patientClasses[0]!.attributes.drg!.byAttribute;
    delete apart.patientClasses[0]!.attributes.drg!.cases;
    const independent = simulated(apart);
    expect(Math.abs(correlation(independent))).toBeLessThan(0.3);
    // Following the case: clearly positive (0.57 measured, seed 1; 0.11 drawn apart), far above what chance
    // gives. But narrowed: the slope of simulated on logged cost per DRG is about 0.1, because the routing
    // between units is the class's, not the case's (the ED visits with no admission, "none", log 886 a case,
    // are admitted in the model as often as anyone: 12,000). A patient takes its case's stay in a unit only
    // when its path leads there; its other stays come from a donor case or the fitted distribution.
    const r = correlation(following);
    expect(r).toBeGreaterThan(0.45);
  }, 120_000);

  it('says in the report that the DRG was carried, shows the cases behind each group, and gives the caveat', () => {
    const html = readFileSync(result.reportPath, 'utf8');
    const a = result.calibration.caseAttributes![0]!;
    expect(html).toContain('Case attributes from other tables');
    expect(html).toContain(`${a.counts.withValue} of the ${a.counts.cases} cases have a value`);
    expect(html).toMatch(/a median of \d+ cases? a group, \d+ groups? with a single case/);
    expect(html).toContain('<td>054</td><td>NERVOUS SYSTEM NEOPLASMS W MCC</td>');
    expect(html).toContain("The group goes with the case's times, not with its path");
    expect(html).toContain('payment and margin are not known');
  });
});

describe('a DRG mapping with weights', () => {
  it('pays the groups it has a weight for, and leaves the others not known', async () => {
    const weights = join(dir, 'weights.csv');
    writeFileSync(weights, 'code,weight,trimDays,perDayWeight\n871,1.85,8,0.2\n291,1.3,,\n999,2,,\n');
    const map = mappingWith('weights', (m) => (m.model.caseMix = { attribute: 'drg', weights, baseRate: 6000 }));
    const r = await calibrate(LOG, map, join(dir, 'weighted.yaml'), { validate: false });
    const groups = r.scenario.caseMix!.groups;
    expect(r.scenario.caseMix!.baseRate).toBe(6000);
    expect(groups.find((g) => g.code === '871')).toMatchObject({ weight: 1.85, outlier: { trimDays: 8, perDayWeight: 0.2 } });
    expect(groups.find((g) => g.code === '291')).toMatchObject({ weight: 1.3 });
    expect(groups.find((g) => g.code === '054')?.weight).toBeUndefined();
    expect(r.calibration.caseMix!.unusedWeights).toBe(1);
    const f = runHospital(compileScenario(parseScenario({ ...r.scenario, horizonDays: 60 })), { seed: 1, replication: 1 }).figures;
    expect(f['casemix.871.cases']).toBeGreaterThan(0);
    expect(f['casemix.871.paymentPerCase']).toBeGreaterThanOrEqual(1.85 * 6000);
    expect(f['casemix.054.paymentPerCase']).toBeUndefined();
  }, 60_000);
});

describe('a DRG mapping with a class per DRG (classBy: drg)', () => {
  it('makes each DRG a class of its own and a group of one value, so its cost per case is its own cases’', async () => {
    const map = mappingWith('class-by', (m) => (m.model.classBy = 'drg'));
    const r = await calibrate(LOG, map, join(dir, 'by-class.yaml'), { validate: false });
    const classes = r.scenario.patientClasses;
    expect(classes.length).toBe(r.scenario.caseMix!.groups.length);
    for (const c of classes) expect(c.attributes!.drg).toEqual({ values: [c.name ?? c.id], weights: [1] });
    const costed = parseScenario({ ...r.scenario, horizonDays: 60, wards: r.scenario.wards!.map((w) => ({ ...w, costPerBedDay: 1000 })) });
    const f = runHospital(compileScenario(costed), { seed: 1, replication: 1 }).figures;
    for (const c of costed.patientClasses) {
      const code = c.name ?? c.id;
      expect(f[`casemix.${code}.cases`], code).toBe(f[`cases.${c.id}`]);
      if (f[`cases.${c.id}`]! > 0) expect(f[`casemix.${code}.costPerCase`]).toBeCloseTo(f[`cost.perCase.${c.id}.mean`]!, 9);
    }
  }, 60_000);
});

describe('DRG mapping mistakes are refused by their path', () => {
  it('a column the table does not have', async () => {
    const map = mappingWith('bad-column', (m) => (m.caseTables[0]!.value = 'drg_cod'));
    expect(await refusal(map)).toMatch(
      /caseTables\[0\]\.value: the table drgcodes\.csv\.gz has no column "drg_cod"\nits columns are: "subject_id", "hadm_id", "drg_type"/,
    );
  });

  it('a table that is not there', async () => {
    const map = mappingWith('no-file', (m) => (m.caseTables[0]!.table = 'drgcode.csv.gz'));
    expect(await refusal(map)).toMatch(/caseTables\[0\]\.table: .*drgcode\.csv\.gz: no such case table file/);
  });

  it('an admission with two DRGs (HCFA and APR, with no where) is refused unless the first is asked for', async () => {
    const map = mappingWith('no-where', (m) => (m.caseTables[0]!.where = {}));
    const message = await refusal(map);
    expect(message).toMatch(/caseTables\[0\]: \d+ cases have rows in drgcodes\.csv\.gz giving different values of drg_code; narrow the rows with where/);
    expect(message).toMatch(/case \d+: line \d+ gives "\d+", line \d+ gives "\d+"/);
  });

  it('a filter no row passes, an attribute the mapping lacks, weights with no base rate', async () => {
    expect(await refusal(mappingWith('no-row', (m) => (m.caseTables[0]!.where = { drg_type: 'HCFB' })))).toMatch(
      /caseTables\[0\]\.where: no row of drgcodes\.csv\.gz passes the filter \(drg_type "HCFB": its values are "HCFA", "APR"\)/,
    );
    expect(await refusal(mappingWith('no-attr', (m) => (m.model.caseMix = { attribute: 'dgr' })))).toMatch(
      /model\.caseMix\.attribute: "dgr" is not an attribute of the mapping \(its attributes: "patient", "drg"\)/,
    );
    expect(await refusal(mappingWith('no-rate', (m) => (m.model.caseMix = { attribute: 'drg', weights: 'w.csv' })))).toMatch(
      /model\.caseMix: weights and baseRate go together/,
    );
  });
});
