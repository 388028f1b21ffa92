/**
 * A crowded hospital for the benchmark and tests: `patients` patients who all
 * arrive within the first hour and stay for `days`, each moving every
 * `everyMinutes` between the lines of the ED, CT, theatres and the wards, so
 * that at any moment a good share of them is walking.
 */
import type { ScenarioInput } from '../../../scenarios/index.js';
import type { TraceData } from '../../../sim-core/index.js';

export const SYNTHETIC_SCENARIO: ScenarioInput = {
  name: 'synthetic-crowd',
  start: '2026-01-05T00:00',
  horizonDays: 2,
  wards: [
    { id: 'ward', type: 'general', beds: 120, costPerBedDay: 400 },
    { id: 'icu', type: 'icu', beds: 16, costPerBedDay: 2000 },
  ],
  staff: [{ id: 'doctor', department: 'ed', hourlyCost: 80, shifts: [{ days: 'all', start: '00:00', end: '24:00', count: 6 }] }],
  operatingRooms: [
    {
      id: 'or1',
      sessions: [{ days: 'all', start: '00:00', end: '24:00' }],
      turnover: { type: 'constant', value: 20 },
      overrun: 'startAnyway',
      costPerHour: 300,
    },
    {
      id: 'or2',
      sessions: [{ days: 'all', start: '00:00', end: '24:00' }],
      turnover: { type: 'constant', value: 20 },
      overrun: 'startAnyway',
      costPerHour: 300,
    },
  ],
  imaging: [{ id: 'ct', kind: 'CT', units: 2, openingHours: [{ days: 'all', start: '00:00', end: '24:00' }], costPerHour: 150 }],
  resources: [{ id: 'cubicle', department: 'ed', units: 40 }],
  patientClasses: [{ id: 'ed', department: 'ed', emergencyDepartment: true, arrivals: { type: 'weekly', perDay: 10 }, pathway: 'ed' }],
  pathways: { ed: [{ seize: ['cubicle'] }, { hold: { type: 'constant', value: 30 }, activity: 'assessment' }, { release: 'all' }] },
};

const PLACES = ['cubicle', 'ct', 'or1', 'ward', 'icu', 'or2'];

export function syntheticTrace(patients: number, days = 2, everyMinutes = 20): TraceData {
  const whatNames = ['arrive', 'request', 'seize', 'release', 'leave', 'attr:acuity'];
  const whereNames = [...PLACES, 'ed', '1', '2', '3', '4', '5'];
  const end = days * 1440;
  const rounds = Math.max(0, Math.floor((end - 60 - everyMinutes) / everyMinutes));
  const length = patients * (3 + rounds);
  const time = new Float64Array(length);
  const entity = new Int32Array(length);
  const what = new Int32Array(length);
  const where = new Int32Array(length);
  let i = 0;
  const row = (t: number, e: number, w: number, p: number): void => {
    time[i] = t;
    entity[i] = e;
    what[i] = w;
    where[i] = p;
    i++;
  };
  // Written in time order: arrivals over the first hour, then rounds of moves, each round in patient order.
  for (let e = 0; e < patients; e++) {
    row((e / patients) * 60, e, 0, PLACES.length);
    row((e / patients) * 60, e, 5, PLACES.length + 1 + (e % 5));
  }
  for (let k = 0; k < rounds; k++) {
    for (let e = 0; e < patients; e++) row(60 + k * everyMinutes + (e / patients) * everyMinutes, e, 1, (e + k) % PLACES.length);
  }
  for (let e = 0; e < patients; e++) row(end - 1 + (e / patients) * 0.5, e, 4, PLACES.length);
  return { length, time, entity, what, where, whatNames, whereNames };
}
