/** The `appointments` kind: slots within opening hours on the days given; hours that cannot hold a slot are problems. */
import { describe, expect, it } from 'vitest';
import { appointments } from './appointments.js';
import type { ArrivalCompileContext } from './kind.js';

const ctx: ArrivalCompileContext = {
  resourceIndex: new Map(),
  attributeIndex: new Map(),
  valueIndex: () => -1,
  attributeCount: 0,
  run: { start: '2026-01-05T00:00', minutes: 1440 },
};

function problems(a: unknown): string[] {
  const found: string[] = [];
  appointments.check!(appointments.schema.parse(a), 'at', {
    cls: { id: 'c', attributes: {} },
    pathway: [],
    kindOf: new Map(),
    problem: (p, m) => found.push(`${p}: ${m}`),
  });
  return found;
}

describe('appointment arrivals (scenario)', () => {
  it('09:00 to 10:00 every 20 minutes on Mondays: three slots, one patient each by default', () => {
    const a = appointments.schema.parse({ type: 'appointments', days: ['mon'], start: '09:00', end: '10:00', slotMinutes: 20, noShow: 0.1 });
    expect(appointments.compile(a, ctx)).toEqual({ type: 'appointments', slots: [540, 560, 580], perSlot: 1, noShow: 0.1 });
  });

  it('an end before the start, or a slot longer than the hours, is a problem by path', () => {
    expect(problems({ type: 'appointments', days: 'all', start: '10:00', end: '09:00', slotMinutes: 20 })).toEqual([
      'at.end: must be after start (10:00), got 09:00',
    ]);
    expect(problems({ type: 'appointments', days: 'all', start: '09:00', end: '09:30', slotMinutes: 40 })).toEqual([
      'at.slotMinutes: must fit between start (09:00) and end (09:30), got 40',
    ]);
  });
});
