import { describe, expect, it } from 'vitest';
import { meanConfidenceInterval, runHospital } from '../../sim-core/index.js';
import { builtinScenario, compileScenario, parseScenario, type ScenarioInput } from '../../scenarios/index.js';
import { erlangC } from './queueing-theory.js';
import { expectTheoryInInterval, VALIDATION_LEVEL } from './replicate.js';
import { scenarioProblems as problemsOf } from '../../scenarios/fixtures/scenario-problems.js';

/**
 * Figures added with cost per case (issue 15) checked against theory or
 * against other figures of the same runs: P(wait) against Erlang C, census by
 * hour against the time-average occupancy, stock levels against Little's law,
 * and case-mix declarations refused by path.
 */

function runReplications(document: ScenarioInput, reps: number): Record<string, number>[] {
  const model = compileScenario(parseScenario(document));
  const seed = document.seed ?? 1;
  return Array.from({ length: reps }, (_, i) => runHospital(model, { seed, replication: i + 1 }).figures);
}

describe('share of patients who waited', () => {
  it('matches Erlang C for the built-in M/M/3 (tolerance: the replications’ 99.9% t-interval)', () => {
    const doc = builtinScenario('textbook-mmc')!.document;
    const runs = runReplications(doc, 10);
    // 2.7 an hour, 60-minute mean service, 3 cubicles: offered load 2.7.
    expectTheoryInInterval(
      runs.map((f) => f['wait.cubicle.pWait']!),
      erlangC(3, 2.7),
      'M/M/3 wait.cubicle.pWait',
    );
  });

  it('gives the share seen within a wait target, between 1 − P(wait) and 1', () => {
    const doc = structuredClone(builtinScenario('textbook-mmc')!.document);
    doc.horizonDays = 60;
    doc.waitTargets = { cubicle: 30 };
    const [f] = runReplications(doc, 1);
    expect(f!['wait.cubicle.withinTarget']).toBeGreaterThanOrEqual(1 - f!['wait.cubicle.pWait']!);
    expect(f!['wait.cubicle.withinTarget']).toBeLessThanOrEqual(1);
  });
});

describe('census by hour of day', () => {
  /** 8 admissions a day, exponential stays of mean 4 days, 40 beds, no queue (the bed-loss model), one year. */
  const ward: ScenarioInput = {
    ...structuredClone(builtinScenario('textbook-bed-loss')!.document),
    horizonDays: 365,
    warmupDays: 30,
  };

  it('averaged over the 24 hours agrees with the time-average beds occupied (paired 99.9% t-interval of the differences holds 0)', () => {
    const runs = runReplications(ward, 10);
    const hourly = runs.map((f) => {
      let sum = 0;
      for (let h = 0; h < 24; h++) sum += f[`census.ward.h${String(h).padStart(2, '0')}.mean`]!;
      return sum / 24;
    });
    const occupied = runs.map((f) => f['beds.ward.meanOccupied']!);
    const diff = meanConfidenceInterval(
      hourly.map((x, i) => x - occupied[i]!),
      VALIDATION_LEVEL,
    );
    expect(diff.lo <= 0 && diff.hi >= 0, `census − occupancy: CI [${diff.lo}, ${diff.hi}]`).toBe(true);
    // And within the occupancy's own interval, which is informative (under 5% of ~32 beds at 99.9% with 10 one-year replications).
    const occ = meanConfidenceInterval(occupied, VALIDATION_LEVEL);
    expect(occ.halfWidth / occ.mean).toBeLessThan(0.05);
    expect(Math.abs(diff.mean)).toBeLessThan(occ.halfWidth);
    for (const f of runs) {
      for (let h = 0; h < 24; h++) {
        const hh = String(h).padStart(2, '0');
        expect(f[`census.ward.h${hh}.p90`]!).toBeGreaterThanOrEqual(f[`census.ward.h${hh}.mean`]! - 1e-9);
        expect(f[`census.ward.h${hh}.p90`]!).toBeLessThanOrEqual(40);
      }
      for (const day of ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']) expect(f[`census.ward.${day}.h08.mean`]).toBeGreaterThan(0);
    }
  });
});

describe('stock over time', () => {
  /** A clinic using one kit per visit, 12 visits a weekday; kits are reordered one at a time (s = 4, S = 5) with a 1-day lead time. */
  const clinic = (initialStock: number, s: number, S: number): ScenarioInput => ({
    name: 'stock-clinic',
    start: '2026-01-05T00:00',
    horizonDays: 56,
    warmupDays: 0,
    seed: 2,
    resources: [{ id: 'room', department: 'clinic', units: 1 }],
    items: [{ id: 'kit', unitCost: 5, initialStock, policy: { type: 'sS', s, S }, leadTimeDays: { type: 'constant', value: 1 }, onStockOut: 'wait' }],
    patientClasses: [
      {
        id: 'visit',
        department: 'clinic',
        arrivals: { type: 'appointments', days: 'weekdays', start: '09:00', end: '15:00', slotMinutes: 30 },
        pathway: 'visit',
      },
    ],
    pathways: { visit: [{ consume: 'kit' }, { seize: ['room'] }, { hold: { type: 'constant', value: 20 }, activity: 'visit' }, { release: 'all' }] },
  });

  it('a shelf that never empties shows no time out of stock and no backorders', () => {
    const [f] = runReplications(clinic(1000, 100, 1000), 1);
    expect(f!['stock.kit.outOfStockShare']).toBe(0);
    expect(f!['stock.kit.meanBackorders']).toBe(0);
    expect(f!['stock.kit.meanOnOrder']).toBe(0);
  });

  it('a shelf too small is out of stock part of the time, with backorders, and units on order follow Little’s law', () => {
    const [f] = runReplications(clinic(5, 4, 5), 1);
    const share = f!['stock.kit.outOfStockShare']!;
    expect(share).toBeGreaterThan(0);
    expect(share).toBeLessThan(1);
    expect(f!['stock.kit.meanBackorders']).toBeGreaterThan(0);
    // Every order is of one unit and is on order for exactly one day: mean on order = orders × 1440 / horizon,
    // up to the at most S = 5 units still on order at the end (5 × 1440 / horizon).
    const horizon = 56 * 1440;
    const little = (f!['stock.kit.orders']! * 1440) / horizon;
    expect(Math.abs(f!['stock.kit.meanOnOrder']! - little)).toBeLessThanOrEqual((5 * 1440) / horizon);
  });
});

describe('case-mix groups refused by path', () => {
  const base = (): ScenarioInput => ({
    name: 'case-mix-refusals',
    start: '2026-01-05T00:00',
    horizonDays: 7,
    resources: [{ id: 'room', department: 'clinic', units: 1 }],
    patientClasses: [
      {
        id: 'visit',
        department: 'clinic',
        arrivals: { type: 'weekly', perDay: 10 },
        attributes: { drg: { values: ['A', 'B'], weights: [1, 1] } },
        pathway: 'visit',
      },
    ],
    pathways: { visit: [{ seize: ['room'], id: 'room' }, { hold: { type: 'constant', value: 20 }, activity: 'visit' }, { release: 'all' }] },
    caseMix: {
      baseRate: 100,
      groups: [
        { code: 'A', weight: 1 },
        { code: 'B', weight: 2 },
      ],
    },
  });

  it('accepts a well-formed case mix', () => {
    expect(problemsOf(base())).toEqual([]);
  });

  it('refuses a group attribute no class has', () => {
    const d = base();
    d.caseMix!.attribute = 'hrg';
    expect(problemsOf(d).map((p) => p.path)).toContain('caseMix.attribute');
  });

  it('refuses a value with no group', () => {
    const d = base();
    d.caseMix!.groups = [{ code: 'A', weight: 1 }];
    const problems = problemsOf(d);
    expect(problems.map((p) => p.path)).toContain('caseMix.groups');
    expect(problems.find((p) => p.path === 'caseMix.groups')!.message).toMatch(/"B"/);
  });

  it('refuses a code given twice', () => {
    const d = base();
    d.caseMix!.groups.push({ code: 'A', weight: 3 });
    expect(problemsOf(d).map((p) => p.path)).toContain('caseMix.groups[2].code');
  });

  it('refuses a wait target on a step that is not measured', () => {
    const d = base();
    d.waitTargets = { triage: 15 };
    expect(problemsOf(d).map((p) => p.path)).toContain('waitTargets.triage');
  });
});
