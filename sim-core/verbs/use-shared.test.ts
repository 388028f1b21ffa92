import { describe, expect, it } from 'vitest';
import type { HospitalModel } from '../index.js';
import { holdFor, runTiny, tinyModel } from './test-model.js';
import type { UseSharedStep } from './use-shared.js';

const WEEK = 7 * 1440;

/** Time 0 is a Monday 00:00; five patients book on Monday at 0, 60, ... 240 minutes, then a 10-minute exam. */
function model(slotsPerWeek: number): HospitalModel {
  const book: UseSharedStep = {
    op: 'useShared',
    service: 'dsa',
    owner: 'owner',
    user: 'user',
    pricePerUse: 100,
    slotsPerWeek,
    waitActivity: 'waiting for a dsa slot',
    useActivity: 'shared:dsa:user',
  };
  const tiny = tinyModel({ arrivals: [0, 60, 120, 180, 240], steps: [book, holdFor(10, 'shared:dsa:user')], horizon: 3 * WEEK });
  // Dated arrivals: these five only (a list would come again every week).
  const entries = [0, 60, 120, 180, 240].map((at) => ({ at, count: 1, attributes: [] }));
  return {
    ...tiny,
    classes: [{ ...tiny.classes[0]!, arrivals: { type: 'dated', entries } }],
    sites: [
      { id: 'owner', prefix: 'owner_' },
      { id: 'user', prefix: 'user_' },
    ],
  };
}

describe('useShared', () => {
  it('first come: every patient goes on at once', () => {
    const { patients, figures } = runTiny(model(Infinity));
    expect(patients.map((p) => p.activities.map(([a, s]) => [a, s]))).toEqual([0, 60, 120, 180, 240].map((t) => [['shared:dsa:user', t]]));
    expect(figures['shared.dsa.user.uses']).toBe(5);
    expect(figures['charges.owner.income']).toBe(500);
    expect(figures['charges.user.paid']).toBe(500);
  });

  it('two slots a week: two go this week, the next two at Monday 00:00 of next week in the order they asked, the fifth the week after', () => {
    const { patients, figures } = runTiny(model(2));
    const examAt = patients.map((p) => p.activities.find(([a]) => a === 'shared:dsa:user')![1]);
    expect(examAt).toEqual([0, 60, WEEK, WEEK, 2 * WEEK]);
    expect(patients[2]!.activities[0]).toEqual(['waiting for a dsa slot', 120, WEEK]);
    expect(patients[4]!.activities[0]).toEqual(['waiting for a dsa slot', 240, 2 * WEEK]);
    expect(patients[0]!.activities.some(([a]) => a === 'waiting for a dsa slot')).toBe(false);
    expect(figures['charges.user.paid']).toBe(500);
  });
});
