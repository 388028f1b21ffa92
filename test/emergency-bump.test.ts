import { describe, expect, it } from 'vitest';
import { runHospital } from '../sim-core/index.js';
import { compileScenario, describeFigure, parseScenario, scenarioFigureContext, ScenarioError, type ScenarioInput } from '../scenarios/index.js';

/**
 * One theatre, Monday 08:00–12:30, four elective cases of 60 minutes (no
 * turnover) on the list at 07:30, one emergency of 60 minutes at 09:30.
 * By hand: cases 1 and 2 run 08:00–10:00; the emergency waits 09:30–10:00
 * (30 minutes) and bumps case 3.
 *  - cancel: case 3 is cancelled; case 4 runs 11:00–12:00.
 *  - move: case 3 runs 11:00–12:00; case 4 would start at 12:00 with 30 minutes
 *    of session left, so the room's `overrun: cancel` cancels it.
 */
function list(bumpedElective: 'cancel' | 'move' | undefined): ScenarioInput {
  return {
    name: 'bump',
    start: '2026-01-05T00:00',
    horizonDays: 1,
    operatingRooms: [
      {
        id: 'or1',
        sessions: [{ days: ['mon'], start: '08:00', end: '12:30' }],
        turnover: { type: 'constant', value: 0 },
        overrun: 'cancel',
        costPerHour: 100,
        ...(bumpedElective ? { bumpedElective } : {}),
      },
    ],
    patientClasses: [
      { id: 'elective', department: 'surgery', arrivals: { type: 'list', entries: [{ days: ['mon'], time: '07:30', count: 4 }] }, pathway: 'operate' },
      {
        id: 'emergency',
        department: 'surgery',
        priority: 10,
        arrivals: { type: 'list', entries: [{ days: ['mon'], time: '09:30', count: 1 }] },
        pathway: 'operate',
      },
    ],
    pathways: {
      operate: [{ seize: ['or1'], id: 'theatre' }, { hold: { type: 'constant', value: 60 }, activity: 'surgery' }, { release: 'all' }],
    },
  };
}

const run = (d: ScenarioInput) => runHospital(compileScenario(parseScenario(d)), { seed: 1, replication: 1 }).figures;

describe('emergencies against a theatre list (bumpedElective)', () => {
  it('cancel: the next elective case is cancelled and the emergency waits only for the case under way', () => {
    const f = run(list('cancel'));
    expect(f['theatre.or1.bumped']).toBe(1);
    expect(f['theatre.or1.emergencies']).toBe(1);
    expect(f['theatre.or1.emergencyWait.mean']).toBe(30);
    expect(f['cancellations.elective']).toBe(1);
    expect(f['throughput.elective']).toBe(3);
  });

  it('move: the bumped case goes after the emergency, and the last case no longer fits its session', () => {
    const f = run(list('move'));
    expect(f['theatre.or1.bumped']).toBe(1);
    expect(f['theatre.or1.emergencyWait.mean']).toBe(30);
    expect(f['cancellations.elective']).toBe(1);
    expect(f['throughput.elective']).toBe(3);
    // The emergency and three cases: 4 hours of a 4.5-hour session.
    expect(f['utilisation.or1']).toBeCloseTo(4 / 4.5, 9);
  });

  it('without a rule the run is as before: no bump figures', () => {
    const f = run(list(undefined));
    expect(f['theatre.or1.bumped']).toBeUndefined();
    expect(f['cancellations.elective']).toBe(1);
  });

  it('has plain labels in the figure catalogue', () => {
    const ctx = scenarioFigureContext(parseScenario(list('cancel')));
    expect(describeFigure('theatre.or1.bumped', ctx).label).toBe('OR 1: elective cases bumped by emergencies');
    expect(describeFigure('theatre.or1.emergencyWait.mean', ctx).unit).toBe('minutes');
    expect(describeFigure('theatre.or1.bumped', ctx).direction).toBe('lowerIsBetter');
  });

  it('is refused on a room held for emergencies, naming the field', () => {
    const d = list('cancel');
    d.operatingRooms![0]!.emergencyOnly = true;
    d.pathways.operate![0] = { seize: ['or1'], priority: 10 };
    expect(() => parseScenario(d)).toThrow(ScenarioError);
    expect(() => parseScenario(d)).toThrow(/operatingRooms\[0\]\.bumpedElective: is for a room with an elective list/);
  });
});
