import { describe, expect, it } from 'vitest';
import { patientActivities, runHospital, TraceBuffer } from '../../sim-core/index.js';
import { compileScenario, parseScenario, type ScenarioInput } from '../index.js';

const DAY = 1440;

/** Two patients each Monday at 08:00 (minute 480) for a 2-day stay; the medical ward has one bed. */
function ward(stay: object): ScenarioInput {
  return {
    name: 'stay',
    start: '2026-01-05T00:00',
    horizonDays: 7,
    warmupDays: 0,
    seed: 1,
    wards: [
      { id: 'medical', type: 'general', beds: 1, costPerBedDay: 0 },
      { id: 'surgical', type: 'general', beds: 1, costPerBedDay: 0 },
    ],
    patientClasses: [
      { id: 'inpatient', department: 'medicine', arrivals: { type: 'list', entries: [{ days: ['mon'], time: '08:00', count: 2 }] }, pathway: 'admit' },
    ],
    pathways: { admit: [{ stay: 'medical', lengthOfStay: { type: 'constant', value: 2 * DAY }, ...stay }] },
  } as ScenarioInput;
}

function run(document: ScenarioInput) {
  const model = compileScenario(parseScenario(document));
  const trace = new TraceBuffer();
  runHospital(model, { seed: 1, replication: 1, trace });
  const activities = patientActivities(trace.toData());
  const of = (serial: number) =>
    activities.filter((a) => a.patient.serial === serial && a.kind !== 'arrive').map((a) => [a.activity, a.start, a.end, a.resources]);
  return { steps: model.pathways[0]!.steps, of };
}

describe('stay: a ward bed for a length of stay', () => {
  it('is a seize of a bed, a hold for the stay and a release of the bed', () => {
    const { steps } = run(ward({}));
    expect(steps.map((s) => s.op)).toEqual(['seize', 'hold', 'release']);
    expect(steps[0]).toMatchObject({ resources: [0], maxWait: Infinity });
    expect(steps[2]).toEqual({ op: 'release', resources: [0] });
  });

  it('keeps the bed for the whole stay, so the second patient for the one bed waits the first one’s stay', () => {
    const { of } = run(ward({}));
    expect(of(0)).toEqual([
      ['stay:medical', 480, 480 + 2 * DAY, ['medical']],
      ['leave', 480 + 2 * DAY, 480 + 2 * DAY, []],
    ]);
    expect(of(1)[0]).toEqual(['stay:medical', 480 + 2 * DAY, 480 + 4 * DAY, ['medical']]);
  });

  it('puts a patient who finds its ward full in a bed of the ward it outlies to, for factor times the stay', () => {
    const { steps, of } = run(ward({ outlyTo: ['surgical'], outliedStayFactor: 1.5 }));
    expect(steps[0]).toMatchObject({ resources: [0, 1], pooled: true });
    expect(of(1)[0]).toEqual(['stay:medical', 480, 480 + 3 * DAY, ['surgical']]);
  });
});
