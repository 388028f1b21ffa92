import { describe, expect, it } from 'vitest';
import { runHospital } from '../sim-core/index.js';
import { compileScenario, parseScenario, ScenarioError, type ScenarioInput } from '../scenarios/index.js';

/** Two theatres open all day; electives and emergencies both choose `oneOf` them. */
function theatres(emergencyOnly: boolean, emergencies: boolean): ScenarioInput {
  return {
    name: 'theatres',
    start: '2026-01-05T00:00',
    horizonDays: 28,
    operatingRooms: [
      {
        id: 'or1',
        sessions: [{ days: 'all', start: '00:00', end: '24:00' }],
        turnover: { type: 'constant', value: 15 },
        overrun: 'startAnyway',
        costPerHour: 100,
      },
      {
        id: 'or2',
        sessions: [{ days: 'all', start: '00:00', end: '24:00' }],
        turnover: { type: 'constant', value: 15 },
        overrun: 'startAnyway',
        costPerHour: 100,
        emergencyOnly,
      },
    ],
    patientClasses: [
      { id: 'elective', department: 'surgery', arrivals: { type: 'weekly', perDay: 8 }, pathway: 'operate' },
      ...(emergencies ? [{ id: 'emergency', department: 'surgery', priority: 10, arrivals: { type: 'weekly' as const, perDay: 2 }, pathway: 'operate' }] : []),
    ],
    pathways: {
      operate: [{ seize: ['or1', 'or2'], oneOf: true, id: 'theatre' }, { hold: { type: 'exponential', mean: 90 }, activity: 'surgery' }, { release: 'all' }],
    },
  };
}

const run = (d: ScenarioInput) => runHospital(compileScenario(parseScenario(d)), { seed: 4, replication: 1 }).figures;

describe('emergency policy: a room kept for emergencies', () => {
  it('takes no elective case, but does take emergencies', () => {
    const kept = run(theatres(true, false));
    expect(kept['utilisation.or2']).toBe(0);
    expect(kept['utilisation.or1']).toBeGreaterThan(0.3);
    const shared = run(theatres(false, false));
    expect(shared['utilisation.or2']).toBeGreaterThan(0);
    const withEmergencies = run(theatres(true, true));
    expect(withEmergencies['utilisation.or2']).toBeGreaterThan(0);
  });

  it('cannot be seized directly at elective priority', () => {
    const d = theatres(true, false);
    d.pathways.operate![0] = { seize: ['or2'] };
    expect(() => parseScenario(d)).toThrow(ScenarioError);
    expect(() => parseScenario(d)).toThrow(/pathways.operate\[0\].seize\[0\]: seizes the emergency-only room "or2"/);
  });
});
