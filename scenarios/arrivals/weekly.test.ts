/** The `weekly` kind: what the schema refuses, what checks find, and the rates it compiles to. */
import { describe, expect, it } from 'vitest';
import { weekly } from './weekly.js';
import type { ArrivalCompileContext } from './kind.js';

const ctx: ArrivalCompileContext = {
  resourceIndex: new Map(),
  attributeIndex: new Map(),
  valueIndex: () => -1,
  attributeCount: 0,
  run: { start: '2026-01-05T00:00', minutes: 7 * 1440 },
};

describe('weekly arrivals (scenario)', () => {
  it('24 a day, flat, is one a minute every 60 minutes: 1/60 a minute in each of the 168 hours', () => {
    const m = weekly.compile(weekly.schema.parse({ type: 'weekly', perDay: 24 }), ctx);
    expect(m.type).toBe('weekly');
    if (m.type !== 'weekly') return;
    expect(m.ratePerMinute).toHaveLength(168);
    for (const r of m.ratePerMinute) expect(r).toBeCloseTo(1 / 60, 12);
  });

  it('an hour-of-day profile shares the day: all of it in the weighted hours', () => {
    const hourOfDay = Array.from({ length: 24 }, (_, h) => (h === 9 ? 3 : h === 10 ? 1 : 0));
    const m = weekly.compile(weekly.schema.parse({ type: 'weekly', perDay: 40, hourOfDay }), ctx);
    if (m.type !== 'weekly') throw new Error('not weekly');
    expect(m.ratePerMinute[9]! * 60).toBeCloseTo(30, 10);
    expect(m.ratePerMinute[10]! * 60).toBeCloseTo(10, 10);
    expect(m.ratePerMinute[11]).toBe(0);
  });

  it('weights that are all zero are a problem by path; a surge gets a wave in the year it touches', () => {
    const found: string[] = [];
    const a = weekly.schema.parse({ type: 'weekly', perDay: 5, hourOfDay: new Array(24).fill(0) });
    weekly.check!(a, 'patientClasses[0].arrivals', {
      cls: { id: 'c', attributes: {} },
      pathway: [],
      kindOf: new Map(),
      problem: (p, m) => found.push(`${p}: ${m}`),
    });
    expect(found).toEqual(['patientClasses[0].arrivals.hourOfDay: must have at least one positive weight']);
    const s = weekly.compile(weekly.schema.parse({ type: 'weekly', perDay: 5, surges: [{ peak: '01-08', weeks: 2, extra: 1 }] }), ctx);
    if (s.type !== 'weekly') throw new Error('not weekly');
    // Peak at noon on 8 January, three days and twelve hours after the run's start.
    expect(s.surges?.map((w) => w.center)).toEqual([3.5 * 1440]);
    expect(s.surgeCeiling).toBe(2);
  });
});
