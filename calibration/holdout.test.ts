import { describe, expect, it } from 'vitest';
import { scaleArrivals, splitFlow } from './build/holdout.js';
import type { Flow, LogCase } from './read/flow.js';

const cases: LogCase[] = Array.from({ length: 600 }, (_, i) => ({
  id: `c${i}`,
  cls: 'patients',
  // 200 patients of 3 cases each.
  attributes: { patient: `p${i % 200}` },
  arrival: i,
  arrivalWall: i,
  endMarker: null,
  open: false,
  events: [{ activity: 'a', start: i, end: i, wall: i, resource: null }],
}));
const flow = (patientBy?: string): Flow => ({ cases, options: { ...(patientBy !== undefined ? { patientBy } : {}) } }) as unknown as Flow;

describe('--holdout: a seeded split', () => {
  it('holds out about the share asked (a binomial 99.9% interval), the same cases for the same seed, others for another', () => {
    const a = splitFlow(flow(), 0.3, 1);
    const n = a.test.cases.length;
    // 600 cases at 0.3: 180 ± 3.29·√(600·0.3·0.7) = 180 ± 37.
    expect(Math.abs(n - 180)).toBeLessThanOrEqual(37);
    expect(a.fit.cases.length + n).toBe(600);
    expect(splitFlow(flow(), 0.3, 1).test.cases.map((c) => c.id)).toEqual(a.test.cases.map((c) => c.id));
    expect(splitFlow(flow(), 0.3, 2).test.cases.map((c) => c.id)).not.toEqual(a.test.cases.map((c) => c.id));
  });

  it('splits by patient where the mapping names one: no patient on both sides', () => {
    const s = splitFlow(flow('patient'), 0.3, 1);
    expect(s.byPatient).toBe(true);
    const fitPatients = new Set(s.fit.cases.map((c) => c.attributes.patient));
    for (const c of s.test.cases) expect(fitPatients.has(c.attributes.patient)).toBe(false);
    expect(s.test.cases.length % 3).toBe(0);
  });

  it('scales every class’s arrivals per day, patterns unchanged', () => {
    const scenario = {
      name: 'x',
      start: '2026-01-01T00:00',
      horizonDays: 1,
      pathways: {},
      patientClasses: [{ id: 'a', department: 'ed', pathway: 'p', arrivals: { type: 'weekly' as const, perDay: 10, hourOfDay: [1] } }],
    };
    expect(scaleArrivals(scenario as never, 0.5).patientClasses[0]!.arrivals).toEqual({ type: 'weekly', perDay: 5, hourOfDay: [1] });
  });
});
