import { describe, expect, it } from 'vitest';
import { runHospital } from '../sim-core/index.js';
import { compileScenario, parseScenario, type ScenarioInput } from '../scenarios/index.js';

/**
 * Cost per case and case-mix figures (issue 15): every cut of the finished
 * cases adds up to the same cost, and a model small enough to cost by hand
 * gives the cost, payment and margin worked out below.
 */

/**
 * Four weeks from a Monday, no warm-up, and every patient gone well before the
 * end (visits are over the same day, stays last two days from Monday or
 * Wednesday), so every patient is a finished case and the cases' costs are the
 * ledger's patient costs. Two classes share the visit pathway; one of them has
 * no group (ungrouped); acuity is given to two classes of three.
 */
const mixed: ScenarioInput = {
  name: 'cost-per-case-cuts',
  start: '2026-01-05T00:00',
  horizonDays: 28,
  warmupDays: 0,
  seed: 5,
  wards: [{ id: 'ward', type: 'general', beds: 10, costPerBedDay: 240 }],
  staff: [{ id: 'nurse', department: 'clinic', hourlyCost: 40, overtimePremium: 0.5, shifts: [{ days: 'all', start: '08:00', end: '20:00', count: 2 }] }],
  resources: [{ id: 'cubicle', department: 'clinic', units: 3, costPerHour: 30 }],
  items: [
    {
      id: 'gloves',
      unitCost: 2,
      initialStock: 1000,
      policy: { type: 'sS', s: 100, S: 1000 },
      leadTimeDays: { type: 'constant', value: 1 },
      onStockOut: 'wait',
    },
  ],
  patientClasses: [
    {
      id: 'walkIn',
      department: 'clinic',
      arrivals: { type: 'list', entries: [{ days: 'weekdays', time: '09:00', count: 6 }] },
      attributes: { acuity: { values: [1, 2, 3], weights: [0.2, 0.5, 0.3] }, drg: { values: ['A', 'B'], weights: [0.5, 0.5] } },
      pathway: 'visit',
    },
    {
      id: 'referral',
      department: 'clinic',
      arrivals: { type: 'list', entries: [{ days: 'weekdays', time: '10:00', count: 3 }] },
      attributes: { acuity: { values: [2, 3], weights: [0.5, 0.5] } },
      pathway: 'visit',
    },
    {
      id: 'admission',
      department: 'medicine',
      arrivals: { type: 'list', entries: [{ days: ['mon', 'wed'], time: '08:00', count: 2 }] },
      attributes: { drg: { values: ['C'], weights: [1] } },
      pathway: 'admit',
    },
  ],
  pathways: {
    visit: [
      { seize: ['nurse', 'cubicle'], id: 'visit' },
      { consume: 'gloves' },
      { hold: { type: 'exponential', mean: 30 }, activity: 'visit' },
      { release: 'all' },
    ],
    admit: [{ stay: 'ward', lengthOfStay: { type: 'uniform', min: 1440, max: 2 * 1440 }, id: 'admit' }],
  },
  costs: { penalties: { cancelledCase: 0, leftUnseen: 0, boardingHour: 0 }, patientTimePerHour: 100 },
  caseMix: {
    baseRate: 1000,
    groups: [
      { code: 'A', weight: 0.05 },
      { code: 'B', weight: 0.1 },
      { code: 'C', weight: 0.6, outlier: { trimDays: 1.5, perDayWeight: 0.2 } },
    ],
  },
};

function run(document: ScenarioInput, replication = 1) {
  return runHospital(compileScenario(parseScenario(document)), { seed: 5, replication });
}

/** Σ cases × cost per case over the given cut prefixes (a cut with no case has a NaN mean and adds 0). */
function sumOfCuts(f: Record<string, number>, prefixes: readonly string[]): { cases: number; cost: number } {
  let cases = 0;
  let cost = 0;
  for (const p of prefixes) {
    const n = f[`${p}.cases`]!;
    expect(n, `${p}.cases`).toBeTypeOf('number');
    cases += n;
    if (n > 0) cost += n * f[`${p}.mean`]!;
  }
  return { cases, cost };
}

describe('cost per case: every cut adds up', () => {
  const { figures: f, ledger } = run(mixed);
  const patientsCost = ledger.byPatient.reduce((s, x) => s + x, 0);
  const all = { cases: f['cost.perCase.all.cases']!, cost: f['cost.perCase.all.cases']! * f['cost.perCase.all.mean']! };

  it('every patient is a finished case here, so all cases cost what the ledger charged to patients', () => {
    expect(all.cases).toBe(20 * 6 + 20 * 3 + 8 * 2);
    expect(all.cost).toBeCloseTo(patientsCost, 6);
    // And the ledger's own cuts (patient, pathway, department, resource, type) agree with its total.
    for (const total of Object.values(ledger.cutTotals())) expect(total).toBeCloseTo(ledger.total, 6);
    expect(patientsCost + ledger.unattributed).toBeCloseTo(ledger.total, 6);
  });

  it('by class, by pathway, by attribute value (plus the classes without it), by group (plus ungrouped)', () => {
    const classes = ['walkIn', 'referral', 'admission'];
    const byClass = sumOfCuts(
      f,
      classes.map((c) => `cost.perCase.${c}`),
    );
    for (const c of classes) expect(f[`cases.${c}`]).toBe(f[`cost.perCase.${c}.cases`]);
    expect(byClass.cases).toBe(all.cases);
    expect(byClass.cost).toBeCloseTo(all.cost, 6);

    const byPathway = sumOfCuts(f, ['cost.perCase.pathway.visit', 'cost.perCase.pathway.admit']);
    expect(byPathway.cases).toBe(all.cases);
    expect(byPathway.cost).toBeCloseTo(all.cost, 6);
    expect(f['cost.perCase.pathway.visit.cases']).toBe(f['cases.walkIn']! + f['cases.referral']!);

    // Acuity: admissions have none, so acuity values + admissions = all.
    const byAcuity = sumOfCuts(
      f,
      ['1', '2', '3'].map((v) => `cost.perCase.attribute.acuity.${v}`),
    );
    const admissions = sumOfCuts(f, ['cost.perCase.admission']);
    expect(byAcuity.cases + admissions.cases).toBe(all.cases);
    expect(byAcuity.cost + admissions.cost).toBeCloseTo(all.cost, 6);

    // Groups: referrals are ungrouped.
    const groups = ['A', 'B', 'C'];
    let grouped = { cases: 0, cost: 0 };
    for (const g of groups) {
      const n = f[`casemix.${g}.cases`]!;
      grouped = { cases: grouped.cases + n, cost: grouped.cost + n * f[`casemix.${g}.costPerCase`]! };
      expect(f[`casemix.${g}.cases`]).toBe(f[`cost.perCase.attribute.drg.${g}.cases`]);
      expect(f[`casemix.${g}.costPerCase`]).toBeCloseTo(f[`cost.perCase.attribute.drg.${g}.mean`]!, 9);
      expect(f[`casemix.${g}.margin`]).toBeCloseTo(n * f[`casemix.${g}.marginPerCase`]!, 6);
      expect(f[`casemix.${g}.marginPerCase`]).toBeCloseTo(f[`casemix.${g}.paymentPerCase`]! - f[`casemix.${g}.costPerCase`]!, 9);
    }
    expect(grouped.cases).toBe(f['casemix.cases']);
    expect(grouped.cost).toBeCloseTo(f['casemix.cost']!, 6);
    const ungrouped = sumOfCuts(f, ['cost.perCase.referral']);
    expect(grouped.cases + ungrouped.cases).toBe(all.cases);
    expect(grouped.cost + ungrouped.cost).toBeCloseTo(all.cost, 6);
    expect(f['casemix.margin']).toBeCloseTo(f['casemix.payment']! - f['casemix.cost']!, 6);
  });

  it('by cost type within a class adds up to the class mean', () => {
    for (const c of ['walkIn', 'referral', 'admission']) {
      const types = Object.keys(f).filter((k) => k.startsWith(`cost.perCase.${c}.byType.`));
      expect(types.length).toBe(6);
      expect(types.reduce((s, k) => s + f[k]!, 0)).toBeCloseTo(f[`cost.perCase.${c}.mean`]!, 9);
    }
  });

  it('quantiles are ordered within the range of the cases', () => {
    for (const c of ['walkIn', 'referral', 'admission', 'all']) {
      expect(f[`cost.perCase.${c}.p10`]!).toBeLessThanOrEqual(f[`cost.perCase.${c}.p50`]!);
      expect(f[`cost.perCase.${c}.p50`]!).toBeLessThanOrEqual(f[`cost.perCase.${c}.p90`]!);
    }
  });

  it('patient time is reported apart and never enters cost.total', () => {
    const valued = f['patientTime.cost']!;
    expect(f['patientTime.hours']).toBeGreaterThan(0);
    expect(valued).toBeCloseTo(f['patientTime.hours']! * 100, 6);
    const unvalued = structuredClone(mixed);
    unvalued.costs = { penalties: { cancelledCase: 0, leftUnseen: 0, boardingHour: 0 } };
    const g = run(unvalued).figures;
    expect(g['patientTime.cost']).toBeUndefined();
    expect(g['patientTime.hours']).toBe(f['patientTime.hours']);
    expect(g['cost.total']).toBe(f['cost.total']);
    expect(f['cost.total']).toBeCloseTo(ledger.total, 9);
  });
});

/**
 * By hand: 6 day cases each weekday (09:00 to 15:00 on the hour, one cubicle,
 * 30 minutes at 60 an hour: 30 each, no one waits), group X paid 1.5 × 100 =
 * 150 (margin 120); and one long case each Monday at 08:00, three days on a bay
 * at 10 an hour (720), group L of weight 2 with one day beyond its 2-day trim
 * point paid 0.5 a day: (2 + 0.5) × 100 = 250, a margin of −470, every one losing.
 */
const byHand: ScenarioInput = {
  name: 'cost-per-case-by-hand',
  start: '2026-01-05T00:00',
  horizonDays: 28,
  warmupDays: 0,
  seed: 1,
  resources: [
    { id: 'cubicle', department: 'clinic', units: 1, costPerHour: 60 },
    { id: 'bay', department: 'clinic', units: 2, costPerHour: 10 },
  ],
  patientClasses: [
    {
      id: 'day',
      department: 'clinic',
      arrivals: { type: 'appointments', days: 'weekdays', start: '09:00', end: '15:00', slotMinutes: 60 },
      attributes: { drg: { values: ['X'], weights: [1] } },
      pathway: 'day',
    },
    {
      id: 'long',
      department: 'clinic',
      arrivals: { type: 'list', entries: [{ days: ['mon'], time: '08:00', count: 1 }] },
      attributes: { drg: { values: ['L'], weights: [1] } },
      pathway: 'long',
    },
  ],
  pathways: {
    day: [{ seize: ['cubicle'], id: 'cubicle' }, { hold: { type: 'constant', value: 30 }, activity: 'treatment' }, { release: 'all' }],
    long: [{ seize: ['bay'], id: 'bay' }, { hold: { type: 'constant', value: 3 * 1440 }, activity: 'stay' }, { release: 'all' }],
  },
  costs: { penalties: { cancelledCase: 0, leftUnseen: 0, boardingHour: 0 }, patientTimePerHour: 100 },
  caseMix: {
    baseRate: 100,
    groups: [
      { code: 'X', name: 'Day case', weight: 1.5 },
      { code: 'L', name: 'Long stay', weight: 2, outlier: { trimDays: 2, perDayWeight: 0.5 } },
    ],
  },
};

describe('cost per case and margin by hand', () => {
  it('gives the known cost, payment and margin of each group', () => {
    const f = run(byHand).figures;
    expect(f['cases.day']).toBe(6 * 20);
    expect(f['cases.long']).toBe(4);
    for (const q of ['mean', 'p10', 'p50', 'p90']) expect(f[`cost.perCase.day.${q}`]).toBeCloseTo(30, 9);
    expect(f['cost.perCase.day.byType.roomsAndDevices']).toBeCloseTo(30, 9);
    expect(f['cost.perCase.long.mean']).toBeCloseTo(720, 9);
    expect(f['casemix.X.paymentPerCase']).toBeCloseTo(150, 9);
    expect(f['casemix.X.marginPerCase']).toBeCloseTo(120, 9);
    expect(f['casemix.X.margin']).toBeCloseTo(120 * 120, 6);
    expect(f['casemix.X.lossShare']).toBe(0);
    expect(f['casemix.L.paymentPerCase']).toBeCloseTo(250, 9);
    expect(f['casemix.L.marginPerCase']).toBeCloseTo(-470, 9);
    expect(f['casemix.L.margin']).toBeCloseTo(-470 * 4, 6);
    expect(f['casemix.L.lossShare']).toBe(1);
    expect(f['casemix.cases']).toBe(124);
    expect(f['casemix.margin']).toBeCloseTo(120 * 120 - 470 * 4, 6);
    expect(f['casemix.lossShare']).toBeCloseTo(4 / 124, 12);
    // No one waits: no patient time, whatever its rate.
    expect(f['patientTime.hours']).toBe(0);
    expect(f['patientTime.cost']).toBe(0);
    expect(f['wait.cubicle.pWait']).toBe(0);
    // Without idle cost the run costs exactly what the cases cost.
    expect(f['cost.total']).toBeCloseTo(120 * 30 + 4 * 720, 6);
  });

  it('charges idle hours of a pool when it has a cost per idle hour, to no case', () => {
    const idle = structuredClone(byHand);
    idle.resources = [
      { id: 'cubicle', department: 'clinic', units: 1, costPerHour: 60 },
      { id: 'bay', department: 'clinic', units: 2, costPerHour: 10, costPerIdleHour: 1 },
    ];
    const f = run(idle).figures;
    // Two bays for 28 days is 1344 unit-hours, of which 4 × 72 busy: 1056 idle hours at 1.
    expect(f['cost.capacity']).toBeCloseTo(1056, 6);
    expect(f['cost.total']).toBeCloseTo(120 * 30 + 4 * 720 + 1056, 6);
    expect(f['cost.perCase.long.mean']).toBeCloseTo(720, 9);
  });
});

describe('attributes draw from streams of their own', () => {
  it('adding a group attribute to a class leaves its other attribute draws unchanged', () => {
    const base = structuredClone(mixed);
    delete base.caseMix;
    for (const c of base.patientClasses) delete c.attributes?.drg;
    const a = run(base).figures;
    const b = run(mixed).figures;
    for (const v of ['1', '2', '3']) {
      expect(b[`cost.perCase.attribute.acuity.${v}.cases`], `acuity ${v}`).toBe(a[`cost.perCase.attribute.acuity.${v}.cases`]);
      expect(b[`cost.perCase.attribute.acuity.${v}.mean`]).toBe(a[`cost.perCase.attribute.acuity.${v}.mean`]);
    }
    expect(b['cost.total']).toBe(a['cost.total']);
  });
});

describe('groups whose payment is not known (no relative weight, as a calibrated DRG attribute)', () => {
  it('report cases and cost per case, and no payment, margin or loss share rather than an invented one', () => {
    const unpaid = structuredClone(byHand);
    unpaid.caseMix = {
      groups: [
        { code: 'X', name: 'Day case' },
        { code: 'L', name: 'Long stay' },
      ],
    };
    const f = run(unpaid).figures;
    expect(f['casemix.X.cases']).toBe(120);
    expect(f['casemix.X.costPerCase']).toBeCloseTo(30, 9);
    expect(f['casemix.L.costPerCase']).toBeCloseTo(720, 9);
    expect(f['casemix.cases']).toBe(124);
    expect(f['casemix.cost']).toBeCloseTo(120 * 30 + 4 * 720, 6);
    for (const id of [
      'casemix.X.paymentPerCase',
      'casemix.X.marginPerCase',
      'casemix.X.margin',
      'casemix.X.lossShare',
      'casemix.payment',
      'casemix.margin',
      'casemix.lossShare',
    ])
      expect(f[id], id).toBeUndefined();
  });

  it('a group with a weight beside one without: the weighted group is paid, the totals of payment are not known', () => {
    const half = structuredClone(byHand);
    half.caseMix = { baseRate: 100, groups: [{ code: 'X', weight: 1.5 }, { code: 'L' }] };
    const f = run(half).figures;
    expect(f['casemix.X.paymentPerCase']).toBeCloseTo(150, 9);
    expect(f['casemix.L.paymentPerCase']).toBeUndefined();
    expect(f['casemix.payment']).toBeUndefined();
    expect(f['casemix.cost']).toBeCloseTo(120 * 30 + 4 * 720, 6);
  });

  it('weights with no base rate, or a long-stay payment with no weight, are refused by path', () => {
    const noRate = structuredClone(byHand);
    noRate.caseMix = { groups: [{ code: 'X', weight: 1.5 }, { code: 'L' }] };
    expect(() => parseScenario(noRate)).toThrow(/caseMix\.baseRate: groups have relative weights, so a base rate is needed/);
    const noWeight = structuredClone(byHand);
    noWeight.caseMix = {
      baseRate: 100,
      groups: [
        { code: 'X', weight: 1 },
        { code: 'L', outlier: { trimDays: 2, perDayWeight: 0.5 } },
      ],
    };
    expect(() => parseScenario(noWeight)).toThrow(/caseMix\.groups\[1\]\.outlier: a long-stay outlier payment needs the group's weight/);
  });
});
