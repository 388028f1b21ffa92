import { describe, expect, it } from 'vitest';
import { runHospital } from '../../sim-core/index.js';
import type { DistributionInput } from '../schema/distribution.js';
import { compileScenario, parseScenario, ScenarioError, type ScenarioInput } from '../index.js';

type Rule = 'asBooked' | 'shortestFirst' | 'longestFirst' | 'lowestVarianceFirst' | 'shortStayFirst';

/** One theatre's daily list: the cases booked in `booked` order at 07:30, a session from 08:00 to `end`, no turnover. */
/** Minutes of the stay after each procedure. */
const STAYS: Record<string, DistributionInput> = {
  a: { type: 'constant', value: 600 },
  b: { type: 'constant', value: 60 },
  c: { type: 'constant', value: 300 },
};

function list(rule: Rule | undefined, booked: string[], minutes: Record<string, DistributionInput>, end: string, days = 1): ScenarioInput {
  // Cases only for the procedures booked: every case must be a value of the attribute.
  const only = (cases: Record<string, DistributionInput>) => Object.fromEntries(Object.entries(cases).filter(([k]) => booked.includes(k)));
  return {
    name: 'sequence',
    start: '2026-01-05T00:00',
    horizonDays: days,
    operatingRooms: [
      {
        id: 'or1',
        sessions: [{ days: 'all', start: '08:00', end }],
        turnover: { type: 'constant', value: 0 },
        overrun: 'cancel',
        costPerHour: 100,
      },
    ],
    patientClasses: [
      {
        id: 'elective',
        department: 'surgery',
        arrivals: { type: 'list', entries: booked.map((procedure) => ({ days: 'all' as const, time: '07:30', count: 1, attributes: { procedure } })) },
        pathway: 'operate',
      },
    ],
    pathways: {
      operate: [
        { seize: ['or1'], id: 'theatre', ...(rule ? { sequence: rule } : {}) },
        { hold: { byAttribute: 'procedure', cases: only(minutes) }, activity: 'surgery' },
        { release: 'all' },
        { hold: { byAttribute: 'procedure', cases: only(STAYS) }, activity: 'stay:ward' },
      ],
    },
  };
}

const constant = (value: number): DistributionInput => ({ type: 'constant', value });
const run = (d: ScenarioInput, seed = 1) => runHospital(compileScenario(parseScenario(d)), { seed, replication: 1 }).figures;

describe('sequence: the order of cases on a theatre list', () => {
  // Cases a (120 min), b (60), c (30) booked in that order, 07:30. By hand, surgery ends
  // (minutes after 08:00): as booked 120, 180, 210; shortest first 30, 90, 210.
  // Time in theatre's line plus surgery, from 07:30: as booked 150 + 210 + 240 = 600 (mean 200 min);
  // shortest first 60 + 120 + 240 = 420 (mean 140 min). The stay after adds 600 + 60 + 300 either way.
  const minutes = { a: constant(120), b: constant(60), c: constant(30) };
  const stays = (600 + 60 + 300) / 3;

  it('shortestFirst cuts the mean completion time of a list (deterministic case)', () => {
    const booked = run(list('asBooked', ['a', 'b', 'c'], minutes, '17:00'));
    const shortest = run(list('shortestFirst', ['a', 'b', 'c'], minutes, '17:00'));
    expect(booked['los.elective.mean']! * 60).toBeCloseTo(200 + stays, 6);
    expect(shortest['los.elective.mean']! * 60).toBeCloseTo(140 + stays, 6);
    // No rule at all is the list as booked.
    expect(run(list(undefined, ['a', 'b', 'c'], minutes, '17:00'))['los.elective.mean']).toBe(booked['los.elective.mean']);
  });

  it('longestFirst and shortStayFirst order as they say', () => {
    // Longest first from c, b, a: a 120, b 180, c 210 after 08:00: the waits in line are 30, 150, 210 (mean 130).
    expect(run(list('longestFirst', ['c', 'b', 'a'], minutes, '17:00'))['wait.theatre.mean']).toBeCloseTo(130, 6);
    // Short stay first (b 60, c 300, a 600 minutes of stay): b, c, a: waits 30, 90, 120 (mean 80).
    expect(run(list('shortStayFirst', ['a', 'b', 'c'], minutes, '17:00'))['wait.theatre.mean']).toBeCloseTo(80, 6);
  });

  it('lowestVarianceFirst cuts cancellations when the high-variance case could overrun (constructed case)', () => {
    // Session 200 minutes; l takes 100 exactly, h uniform(0, 200), mean 100; a case starts only if its
    // mean fits in what is left. l first: h starts at 100 with 100 left (fits): no cancellation, ever.
    // h first: l fits only if h <= 100, so l is cancelled on half of the days: 200 days, binomial(200, 0.5),
    // 100 ± 3 sd (sd 7.1) lies in [79, 121].
    const spread = { a: constant(100), b: { type: 'uniform', min: 0, max: 200 } as DistributionInput, c: constant(1) };
    const lowFirst = run(list('lowestVarianceFirst', ['b', 'a'], spread, '11:20', 200));
    const asBooked = run(list('asBooked', ['b', 'a'], spread, '11:20', 200));
    expect(lowFirst['cancellations.elective']).toBe(0);
    expect(asBooked['cancellations.elective']).toBeGreaterThanOrEqual(79);
    expect(asBooked['cancellations.elective']).toBeLessThanOrEqual(121);
  });

  it('is refused with the reason when the step has nothing to order by', () => {
    const d = list('shortestFirst', ['a'], minutes, '17:00');
    d.pathways.operate![1] = { hold: constant(60), activity: 'surgery' };
    expect(() => parseScenario(d)).toThrow(ScenarioError);
    expect(() => parseScenario(d)).toThrow(/pathways\.operate\[0\]\.sequence: shortestFirst needs the operation hold after the step to depend on an attribute/);
    const e = list('lowestVarianceFirst', ['a'], minutes, '17:00');
    e.pathways.operate![0] = { seize: ['or1'], sequence: 'lowestVarianceFirst', priority: { byAttribute: 'procedure', cases: { a: 1 } } };
    expect(() => parseScenario(e)).toThrow(/pathways\.operate\[0\]\.sequence: orders cases by priority/);
  });
});
