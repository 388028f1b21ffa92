import { describe, expect, it } from 'vitest';
import { runHospital, TraceBuffer } from '../sim-core/index.js';
import { compileScenario, parseScenario, type ScenarioInput } from '../scenarios/index.js';

/**
 * A clinic small enough to cost by hand: two nurses 08:00–16:00 on weekdays at
 * 40 an hour, a 30-minute appointment slot from 09:00 to 15:00 with a 20-minute
 * visit that uses one pair of gloves (2 each), and a 5-bed ward at 300 a day.
 * Four weeks from a Monday, no warm-up: every figure below is known exactly.
 */
const clinic: ScenarioInput = {
  name: 'costing-clinic',
  start: '2026-01-05T00:00',
  horizonDays: 28,
  warmupDays: 0,
  seed: 3,
  wards: [{ id: 'ward', type: 'general', beds: 5, costPerBedDay: 300 }],
  staff: [{ id: 'nurse', department: 'clinic', hourlyCost: 40, overtimePremium: 0.5, shifts: [{ days: 'weekdays', start: '08:00', end: '16:00', count: 2 }] }],
  items: [
    {
      id: 'gloves',
      unitCost: 2,
      initialStock: 1000,
      policy: { type: 'sS', s: 100, S: 1000 },
      leadTimeDays: { type: 'constant', value: 1 },
      onStockOut: 'wait',
    },
  ],
  patientClasses: [
    {
      id: 'outpatient',
      department: 'clinic',
      arrivals: { type: 'appointments', days: 'weekdays', start: '09:00', end: '15:00', slotMinutes: 30 },
      pathway: 'visit',
    },
  ],
  pathways: {
    visit: [{ seize: ['nurse'] }, { consume: 'gloves' }, { hold: { type: 'constant', value: 20 }, activity: 'visit' }, { release: 'all' }],
  },
};

function run(document: ScenarioInput, replication = 1) {
  return runHospital(compileScenario(parseScenario(document)), { seed: 3, replication });
}

describe('activity-based costs', () => {
  it('charge rostered staff time, bed-days and consumables exactly as costed by hand', () => {
    const { figures } = run(clinic);
    const visits = 12 * 20; // 12 slots a weekday, 20 weekdays
    expect(figures['arrivals.outpatient']).toBe(visits);
    expect(figures['cost.staff']).toBeCloseTo(2 * 8 * 20 * 40, 6);
    expect(figures['cost.overtime']).toBe(0);
    expect(figures['cost.beds']).toBeCloseTo(5 * 300 * 28, 6);
    expect(figures['cost.consumables']).toBeCloseTo(visits * 2, 6);
    expect(figures['cost.total']).toBeCloseTo(2 * 8 * 20 * 40 + 5 * 300 * 28 + visits * 2, 6);
    // Of the nurses' 320 rostered hours, 80 were spent with patients: the rest is capacity cost.
    expect(figures['cost.capacity']).toBeCloseTo((320 - visits / 3) * 40 + 5 * 300 * 28, 6);
  });

  it('pay overtime at its premium when a task runs past the end of the shift', () => {
    // The last slot at 14:30 now needs 120 minutes: it ends at 16:30, half an hour over, every weekday.
    const late: ScenarioInput = structuredClone(clinic);
    late.patientClasses = [
      ...clinic.patientClasses,
      {
        id: 'late',
        department: 'clinic',
        arrivals: { type: 'list', entries: [{ days: 'weekdays', time: '14:30', count: 1 }] },
        pathway: 'long',
      },
    ];
    late.pathways.long = [{ seize: ['nurse'] }, { hold: { type: 'constant', value: 120 }, activity: 'long visit' }, { release: 'all' }];
    const { figures } = run(late);
    expect(figures['overtime.hours']).toBeCloseTo(0.5 * 20, 6);
    // The hour's base rate is staff cost (charged to the patient); the premium, half of it, is overtime.
    expect(figures['cost.overtime']).toBeCloseTo(0.5 * 20 * 40 * 0.5, 6);
    expect(figures['cost.staff']).toBeCloseTo(2 * 8 * 20 * 40 + 0.5 * 20 * 40, 6);
  });

  it('add up to the same total by patient, pathway, department, resource and cost type', () => {
    const { ledger } = run({
      ...clinic,
      costs: { penalties: { cancelledCase: 500, leftUnseen: 100, boardingHour: 50 } },
    });
    const cuts = ledger.cutTotals();
    for (const total of Object.values(cuts)) expect(total).toBeCloseTo(ledger.total, 6);
    expect(ledger.total).toBeGreaterThan(0);
  });

  it('charge each patient by arrival number while places are reused, a room in cleaning to the patient who left it', () => {
    // A room cleaned for 10 minutes after each 20-minute visit: the patient leaves before the
    // cleaning ends, and the next one may already have taken over their place in the arrays.
    const roomClinic: ScenarioInput = {
      ...clinic,
      operatingRooms: [
        {
          id: 'room',
          sessions: [{ days: 'weekdays', start: '08:00', end: '16:00' }],
          turnover: { type: 'constant', value: 10 },
          overrun: 'startAnyway',
          costPerHour: 60,
        },
      ],
      pathways: {
        visit: [{ seize: ['nurse', 'room'] }, { consume: 'gloves' }, { hold: { type: 'constant', value: 20 }, activity: 'visit' }, { release: 'all' }],
      },
    };
    const trace = new TraceBuffer();
    const { ledger, patients } = runHospital(compileScenario(parseScenario(roomClinic)), { seed: 3, replication: 1, trace });
    expect(patients).toBe(12 * 20);
    // 20 minutes of nurse at 40 an hour, 30 of room at 60 an hour, one pair of gloves at 2.
    const each = (20 / 60) * 40 + (30 / 60) * 60 + 2;
    expect(ledger.byPatient.length).toBe(patients);
    for (const cost of ledger.byPatient) expect(cost).toBeCloseTo(each, 9);

    // In the trace patients are numbered by arrival, and nothing happens to one after they leave
    // but the end of their room's cleaning (the trace records it under the case it followed).
    const t = trace.toData();
    const arrive = t.whatNames.indexOf('arrive');
    const leave = t.whatNames.indexOf('leave');
    const turnoverEnd = t.whatNames.indexOf('turnover-end');
    const arrivals: number[] = [];
    const left = new Set<number>();
    for (let i = 0; i < t.time.length; i++) {
      const who = t.entity[i]!;
      if (who < 0 || t.what[i] === turnoverEnd) continue;
      expect(left.has(who), `event ${t.whatNames[t.what[i]!]} for patient ${who} after they left`).toBe(false);
      if (t.what[i] === arrive) arrivals.push(who);
      if (t.what[i] === leave) left.add(who);
    }
    expect(arrivals).toEqual(Array.from({ length: patients }, (_, k) => k));
    expect(left.size).toBe(patients);
  });
});
