import { describe, expect, it } from 'vitest';
import { runHospital, TraceBuffer, type InitialState, type PlacedPatient } from '../sim-core/index.js';
import { compileScenario, parseScenario, type ScenarioInput } from '../scenarios/index.js';

/**
 * A 3-bed ward where each stay lasts exactly 600 minutes; the only arrivals
 * come at weekends, and the run covers Monday and Tuesday, so every patient in
 * it was placed before time 0 and every time below is known by hand.
 */
const ward: ScenarioInput = {
  name: 'placed-ward',
  start: '2026-01-05T00:00',
  horizonDays: 2,
  warmupDays: 0,
  seed: 1,
  wards: [{ id: 'ward', type: 'general', beds: 3, costPerBedDay: 1440 }],
  patientClasses: [
    { id: 'inpatient', department: 'medicine', arrivals: { type: 'list', entries: [{ days: 'weekend', time: '10:00', count: 1 }] }, pathway: 'stay' },
  ],
  pathways: { stay: [{ seize: ['ward'], id: 'bed' }, { hold: { type: 'constant', value: 600 }, activity: 'bed rest' }, { release: 'all' }] },
};
const model = compileScenario(parseScenario(ward));
const WARD = 0;

/** A patient in bed (step 1, the hold) since `since`, arrived 60 minutes before that. */
function inBed(since: number): PlacedPatient {
  return { classIndex: 0, step: 1, holding: [WARD], since, arrivedAt: since - 60 };
}

function run(initialState?: InitialState, document = model) {
  const trace = new TraceBuffer();
  const result = runHospital(document, { seed: 1, replication: 1, trace, ...(initialState ? { initialState } : {}) });
  const data = trace.toData();
  const rows = Array.from({ length: data.length }, (_, i) => ({
    time: data.time[i]!,
    entity: data.entity[i]!,
    what: data.whatNames[data.what[i]!]!,
    where: data.whereNames[data.where[i]!]!,
  }));
  return { ...result, rows };
}

describe('a run started from a given state', () => {
  it('has the placed patients in their beds at time 0 and releases each when its remaining stay ends', () => {
    const { figures, rows } = run({ patients: [inBed(-100)] });
    // 600-minute stay, 100 minutes done: 500 to go.
    expect(rows.filter((r) => r.entity === 0).map((r) => [r.time, r.what, r.where])).toEqual([
      [0, 'placed', 'inpatient'],
      [0, 'seize', 'ward'],
      [0, 'start', 'bed rest'],
      [500, 'finish', 'bed rest'],
      [500, 'release', 'ward'],
      [500, 'leave', 'inpatient'],
    ]);
    expect(figures['arrivals.inpatient']).toBe(0);
    expect(figures['throughput.inpatient']).toBe(1);
    // Length of stay from arrival (160 minutes before time 0) to leaving at 500.
    expect(figures['los.inpatient.mean']).toBeCloseTo(660 / 60, 9);
    // One bed of three busy for 500 of the run's 2,880 minutes; busy and idle beds cost alike, 1,440 a bed-day.
    expect(figures['beds.ward.meanOccupied']).toBeCloseTo(500 / 2880, 9);
    expect(figures['cost.beds']).toBeCloseTo(3 * 2 * 1440, 6);
  });

  it('lets a placed patient waiting for a bed have the first one freed, its wait counted from when it began', () => {
    const waiting: PlacedPatient = { classIndex: 0, step: 0, holding: [], since: -30, arrivedAt: -30 };
    const { figures, rows } = run({ patients: [inBed(-500), inBed(-400), inBed(-300), waiting] });
    // The beds free at 100, 200 and 300; the waiting patient (serial 3) takes the first at 100 and stays 600.
    expect(rows.filter((r) => r.entity === 3).map((r) => [r.time, r.what])).toEqual([
      [0, 'placed'],
      [0, 'request'],
      [100, 'seize'],
      [100, 'start'],
      [700, 'finish'],
      [700, 'release'],
      [700, 'leave'],
    ]);
    expect(figures['wait.bed.mean']).toBeCloseTo(130, 9);
    expect(figures['throughput.inpatient']).toBe(4);
    // Bed-minutes: 100 + 200 + 300 + 600 over 2,880 minutes.
    expect(figures['beds.ward.meanOccupied']).toBeCloseTo(1200 / 2880, 9);
  });

  it('numbers placed patients before arrivals, so their trace entities never collide', () => {
    const weekly = compileScenario(
      parseScenario({
        ...ward,
        patientClasses: [{ ...ward.patientClasses[0]!, arrivals: { type: 'list', entries: [{ days: 'all', time: '10:00', count: 2 }] } }],
      }),
    );
    const { rows } = run({ patients: [inBed(-10), inBed(-20)] }, weekly);
    const placed = new Set(rows.filter((r) => r.what === 'placed').map((r) => r.entity));
    const arrived = new Set(rows.filter((r) => r.what === 'arrive').map((r) => r.entity));
    expect([...placed]).toEqual([0, 1]);
    expect(arrived.size).toBe(4);
    for (const e of arrived) expect(placed.has(e)).toBe(false);
  });

  it('gives bit-identical results with an empty state and with none', () => {
    const weekly = compileScenario(
      parseScenario({
        ...ward,
        patientClasses: [{ ...ward.patientClasses[0]!, arrivals: { type: 'list', entries: [{ days: 'all', time: '10:00', count: 5 }] } }],
      }),
    );
    const none = run(undefined, weekly);
    const empty = run({ patients: [] }, weekly);
    expect(empty.rows).toEqual(none.rows);
    expect(empty.figures).toEqual(none.figures);
  });

  it('refuses a bad state before anything runs, naming the patient and field', () => {
    expect(() => run({ patients: [{ ...inBed(-1), classIndex: 4 }] })).toThrow(/initialState\.patients\[0\]\.classIndex/);
    expect(() => run({ patients: [inBed(-1), { ...inBed(-1), step: 3 }] })).toThrow(/initialState\.patients\[1\]\.step/);
    expect(() => run({ patients: [inBed(-1), inBed(-1), inBed(-1), inBed(-1)] })).toThrow(/initialState\.patients\[3\]\.holding\[0\]: ward has 3 units/);
    expect(() => run({ patients: [{ ...inBed(-1), since: 5 }] })).toThrow(/patients\[0\]\.since/);
    expect(() => run({ patients: [{ ...inBed(-1), arrivedAt: 0 }] })).toThrow(/patients\[0\]\.arrivedAt/);
    expect(() => run({ patients: [{ ...inBed(-1), holding: [7] }] })).toThrow(RangeError);
  });
});
