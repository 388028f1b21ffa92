import { describe, expect, it } from 'vitest';
import { parseScenario, type ScenarioInput } from './index.js';

/** One ward, a doctor, and a pathway whose seize and stay steps measure waits (by their ids); its hold measures none. */
function withTargets(waitTargets: Record<string, number>): ScenarioInput {
  return {
    name: 'wait-targets',
    start: '2026-01-05T00:00',
    horizonDays: 1,
    wards: [{ id: 'ward', type: 'general', department: 'medicine', beds: 4, costPerBedDay: 100 }],
    staff: [{ id: 'dr', department: 'medicine', hourlyCost: 100, shifts: [{ days: 'all', start: '00:00', end: '24:00', count: 1 }] }],
    patientClasses: [{ id: 'admission', department: 'medicine', arrivals: { type: 'weekly', perDay: 4 }, pathway: 'admit' }],
    pathways: {
      admit: [
        { seize: ['dr'], id: 'seen' },
        { hold: { type: 'constant', value: 10 }, activity: 'consultation', id: 'consulted' },
        { release: 'all' },
        { stay: 'ward', id: 'bed', lengthOfStay: { type: 'constant', value: 60 } },
      ],
    },
    waitTargets,
  };
}

describe('wait targets name the waits the steps measure, as each verb names them', () => {
  it('accepts the waits of a seize and a stay step, by their ids', () => {
    expect(() => parseScenario(withTargets({ seen: 15, bed: 60 }), 'targets')).not.toThrow();
  });

  it('refuses a target that names a step measuring no wait, listing the waits there are', () => {
    expect(() => parseScenario(withTargets({ consulted: 15 }), 'targets')).toThrow(
      /waitTargets\.consulted: is not a step whose wait is measured.*"seen", "bed"/,
    );
  });
});
