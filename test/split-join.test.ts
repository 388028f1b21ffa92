import { describe, expect, it } from 'vitest';
import { patientActivities, runHospital, TraceBuffer } from '../sim-core/index.js';
import {
  compileScenario,
  forecastModel,
  localMinutes,
  parseScenario,
  parseState,
  readPatientsCsv,
  ScenarioError,
  stateFromTrace,
  writePatientsCsv,
  type ScenarioInput,
} from '../scenarios/index.js';
import { runForecastReplication } from '../workers/index.js';

/**
 * One patient a day at 08:00 with a blood test (10 minutes, holding the lab)
 * and a CT scan (30 minutes, holding the scanner) at the same time, then a
 * 5-minute review: the split takes 30 minutes, so every stay is 35 minutes.
 */
const clinic: ScenarioInput = {
  name: 'split-clinic',
  start: '2026-01-05T00:00',
  horizonDays: 7,
  warmupDays: 0,
  seed: 2,
  resources: [
    { id: 'lab', department: 'diagnostics', units: 1, costPerHour: 60 },
    { id: 'ct', department: 'diagnostics', units: 1, costPerHour: 120 },
  ],
  patientClasses: [
    { id: 'outpatient', department: 'clinic', arrivals: { type: 'list', entries: [{ days: 'all', time: '08:00', count: 1 }] }, pathway: 'workup' },
  ],
  pathways: {
    workup: [
      {
        split: [
          [
            { seize: ['lab'], id: 'lab' },
            { hold: { type: 'constant', value: 10 }, activity: 'blood test' },
          ],
          [{ seize: ['ct'], id: 'ct' }, { hold: { type: 'constant', value: 30 }, activity: 'CT scan' }, { release: 'all' }],
        ],
      },
      { hold: { type: 'constant', value: 5 }, activity: 'review' },
    ],
  },
};

function run(document: ScenarioInput) {
  const trace = new TraceBuffer();
  const result = runHospital(compileScenario(parseScenario(document)), { seed: 2, replication: 1, trace });
  return { ...result, trace: trace.toData() };
}

describe('split and join: branches in parallel, the pathway waits for all', () => {
  it('takes as long as the longest branch and gives back what the branches held', () => {
    const { figures, trace } = run(clinic);
    expect(figures['arrivals.outpatient']).toBe(7);
    expect(figures['throughput.outpatient']).toBe(7);
    // max(10, 30) + 5 minutes.
    expect(figures['los.outpatient.mean']).toBeCloseTo(35 / 60, 12);
    expect(figures['los.outpatient.p95']).toBeCloseTo(35 / 60, 12);
    // The lab is held 10 minutes a day (released at the branch's end without a release step), the scanner 30.
    expect(figures['utilisation.lab']).toBeCloseTo((7 * 10) / (7 * 1440), 12);
    expect(figures['utilisation.ct']).toBeCloseTo((7 * 30) / (7 * 1440), 12);
    expect(figures['wait.lab.mean']).toBe(0);
    // Busy time is the patient's cost (pools charge no idle time): 10 minutes at 60 an hour and 30 at 120, each day.
    expect(figures['cost.roomsAndDevices']).toBeCloseTo((7 * (10 * 60 + 30 * 120)) / 60, 9);
    const first = patientActivities(trace).filter((a) => a.patient.serial === 0);
    expect(first.map((a) => [a.kind, a.activity, a.start, a.end, a.resources])).toEqual([
      ['arrive', 'arrive', 480, 480, []],
      ['activity', 'blood test', 480, 490, ['lab']],
      ['activity', 'CT scan', 480, 510, ['lab', 'ct']],
      ['activity', 'review', 510, 515, []],
      ['leaving', 'leave', 515, 515, []],
    ]);
  });

  it('lets a branch wait for its resource while the other goes on', () => {
    // Two patients at 08:00 and one scanner: the second's scan waits 30 minutes, its blood test does not.
    const busy = structuredClone(clinic);
    busy.patientClasses[0]!.arrivals = { type: 'list', entries: [{ days: 'all', time: '08:00', count: 2 }] };
    busy.resources![0]!.units = 2;
    const { figures } = run(busy);
    expect(figures['wait.lab.mean']).toBe(0);
    expect(figures['wait.ct.mean']).toBeCloseTo(15, 12);
    // Stays of 35 and 65 minutes.
    expect(figures['los.outpatient.mean']).toBeCloseTo(50 / 60, 12);
  });

  it('refuses a split with one branch, or a jump inside a branch, before anything runs', () => {
    const one = structuredClone(clinic);
    one.pathways.workup![0] = { split: [[{ hold: { type: 'constant', value: 1 }, activity: 'x' }]] };
    expect(() => parseScenario(one)).toThrow(ScenarioError);
    const jump = structuredClone(clinic) as unknown as { pathways: { workup: unknown[] } };
    jump.pathways.workup[0] = { split: [[{ goto: 'x' }], [{ hold: { type: 'constant', value: 1 }, activity: 'x' }]] };
    expect(() => parseScenario(jump)).toThrow(ScenarioError);
  });

  it('keeps a patient who is in both branches at once in the state taken then, and a forecast from it carries the patient on', () => {
    // The same clinic with an observation bed held from arrival to leaving, around the split.
    const doc = structuredClone(clinic);
    doc.wards = [{ id: 'obs', type: 'general', beds: 2, costPerBedDay: 100 }];
    doc.pathways.workup = [{ seize: ['obs'], id: 'bed' }, ...clinic.pathways.workup!, { release: 'all' }];
    const scenario = parseScenario(doc);
    const model = compileScenario(scenario);
    const trace = new TraceBuffer();
    runHospital(model, { seed: 2, replication: 1, trace });
    // Day 2, 08:05: the second patient's blood test (to 08:10) and CT scan (to 08:30) are both under way.
    const at = 1440 + 485;
    const taken = stateFromTrace(model, trace.toData(), at, localMinutes(scenario.start));
    expect(taken.skipped).toEqual([]);
    expect(taken.state.patients).toEqual([
      {
        id: 'P1',
        class: 'outpatient',
        step: 'blood test',
        waiting: false,
        ward: 'obs',
        holding: ['lab'],
        since: '2026-01-06T08:00',
        arrived: '2026-01-06T08:00',
        alsoIn: [{ step: 'CT scan', waiting: false, holding: ['ct'], since: '2026-01-06T08:00' }],
      },
    ]);

    // The CSV form carries the other branch too.
    const csv = readPatientsCsv(writePatientsCsv(taken.state.patients), 'patients.csv');
    expect(csv.issues).toEqual([]);
    expect(csv.patients[0]).toMatchObject({ step: 'blood test', alsoIn: taken.state.patients[0]!.alsoIn });

    // Placed again: the bed, the lab and the scanner are held at time 0; each branch ends when its own time is up
    // (5 and 25 minutes on), then the 5-minute review, and the patient leaves at 30.
    const fm = forecastModel(scenario, parseState(taken.state, 'taken'), 1);
    const placed = new TraceBuffer();
    runHospital(fm.model, { seed: 2, replication: 1, trace: placed, initialState: fm.initialState });
    const data = placed.toData();
    const rows = Array.from({ length: data.length }, (_, i) => i)
      .filter((i) => data.entity[i] === 0)
      .map((i) => [data.time[i], data.whatNames[data.what[i]!], data.whereNames[data.where[i]!]]);
    expect(rows.filter((r) => r[1] === 'seize' && r[0] === 0).map((r) => r[2])).toEqual(['obs', 'lab', 'ct']);
    expect(rows.filter((r) => r[1] === 'finish' || r[1] === 'leave')).toEqual([
      [5, 'finish', 'blood test'],
      [25, 'finish', 'CT scan'],
      [30, 'finish', 'review'],
      [30, 'leave', 'outpatient'],
    ]);
    // The forecast counts the patient in its bed at hour 0 (as the trace has it), and gone by hour 1.
    const r = runForecastReplication(fm, 1, 2, 1).forecast;
    expect(r.census[0]).toEqual([1, 0]);
  });

  it('keeps a branch that waits for its resource while the other is under way, and it gets it when it frees', () => {
    // Two patients at 08:00, one scanner: at 08:05 the second is in its blood test and waits for the scanner.
    const busy = structuredClone(clinic);
    busy.patientClasses[0]!.arrivals = { type: 'list', entries: [{ days: 'all', time: '08:00', count: 2 }] };
    busy.resources![0]!.units = 2;
    const scenario = parseScenario(busy);
    const model = compileScenario(scenario);
    const trace = new TraceBuffer();
    runHospital(model, { seed: 2, replication: 1, trace });
    const taken = stateFromTrace(model, trace.toData(), 485, localMinutes(scenario.start));
    expect(taken.skipped).toEqual([]);
    expect(taken.state.patients.map((p) => [p.step, p.holding, p.alsoIn])).toEqual([
      ['blood test', ['lab'], [{ step: 'CT scan', waiting: false, holding: ['ct'], since: '2026-01-05T08:00' }]],
      ['blood test', ['lab'], [{ step: 'ct', waiting: true, holding: [], since: '2026-01-05T08:00' }]],
    ]);
    // From the state: the second's scan starts when the first's ends (25 minutes on), and it leaves 35 minutes later.
    const fm = forecastModel(scenario, parseState(taken.state, 'taken'), 2);
    const placed = new TraceBuffer();
    runHospital(fm.model, { seed: 2, replication: 1, trace: placed, initialState: fm.initialState });
    const d = placed.toData();
    const leave = (serial: number): number[] =>
      Array.from({ length: d.length }, (_, i) => i)
        .filter((i) => d.entity[i] === serial && d.whatNames[d.what[i]!] === 'leave')
        .map((i) => d.time[i]!);
    expect([leave(0), leave(1)]).toEqual([[30], [60]]);
  });

  it('sees a branch that gave up waiting as ended: the state names only the branch still running, and a forecast ends as the run did', () => {
    // Two patients at 08:00, one lab, a 40-minute blood test: the second's lab branch gives up at 08:10, its scan runs to 08:30.
    const doc = structuredClone(clinic);
    doc.patientClasses[0]!.arrivals = { type: 'list', entries: [{ days: 'all', time: '08:00', count: 2 }] };
    doc.resources![1]!.units = 2;
    doc.pathways.workup![0] = {
      split: [
        [
          { seize: ['lab'], id: 'lab', maxWait: 10, onTimeout: 'cancelled' },
          { hold: { type: 'constant', value: 40 }, activity: 'blood test' },
        ],
        [
          { seize: ['ct'], id: 'ct' },
          { hold: { type: 'constant', value: 30 }, activity: 'CT scan' },
        ],
      ],
    };
    const scenario = parseScenario(doc);
    const model = compileScenario(scenario);
    const buffer = new TraceBuffer();
    const { figures } = runHospital(model, { seed: 2, replication: 1, trace: buffer });
    const trace = buffer.toData();
    const rowsOf = (d: typeof trace, serial: number): [number, string][] =>
      Array.from({ length: d.length }, (_, i) => i)
        .filter((i) => d.entity[i] === serial)
        .map((i) => [d.time[i]!, d.whatNames[d.what[i]!]!]);
    expect(figures['cancellations.outpatient']).toBe(7);
    // The branch's end is in the trace at the minute it gave up; the patient leaves after its scan and review.
    expect(rowsOf(trace, 1).filter(([, w]) => w.startsWith('branch-end') || w === 'leave')).toEqual([
      [490, 'branch-end:cancelled'],
      [515, 'leave'],
    ]);
    // The event log has no leaving row for the branch: the patient left once.
    expect(patientActivities(trace).filter((a) => a.patient.serial === 1 && a.kind === 'leaving')).toHaveLength(1);

    // 08:15: the first is in both branches, the second only in its scan.
    const at = 495;
    const taken = stateFromTrace(model, trace, at, localMinutes(scenario.start));
    expect(taken.skipped).toEqual([]);
    expect(taken.state.patients.map((p) => [p.id, p.step, p.holding, p.alsoIn])).toEqual([
      ['P0', 'blood test', ['lab'], [{ step: 'CT scan', waiting: false, holding: ['ct'], since: '2026-01-05T08:00' }]],
      ['P1', 'CT scan', ['ct'], undefined],
    ]);
    // Placed and run on, each leaves when it did in the run: the first at 08:45, the second at 08:35.
    const fm = forecastModel(scenario, parseState(taken.state, 'taken'), 2);
    const placed = new TraceBuffer();
    runHospital(fm.model, { seed: 2, replication: 1, trace: placed, initialState: fm.initialState });
    const leaves = (d: typeof trace, serial: number): number[] => rowsOf(d, serial).flatMap(([t, w]) => (w === 'leave' ? [t] : []));
    expect([leaves(trace, 0), leaves(trace, 1)]).toEqual([[525], [515]]);
    expect([leaves(placed.toData(), 0), leaves(placed.toData(), 1)]).toEqual([[525 - at], [515 - at]]);
  });

  it('ends the wait of a branch that gives up in a forecast, not the patient', () => {
    // ED patients: at 08:05 the second waits for the lab (giving up at 08:10) and is in a 90-minute scan.
    const doc = structuredClone(clinic);
    doc.patientClasses[0]!.emergencyDepartment = true;
    doc.patientClasses[0]!.arrivals = { type: 'list', entries: [{ days: 'all', time: '08:00', count: 2 }] };
    doc.resources![1]!.units = 2;
    doc.pathways.workup![0] = {
      split: [
        [
          { seize: ['ct'], id: 'ct' },
          { hold: { type: 'constant', value: 90 }, activity: 'CT scan' },
        ],
        [
          { seize: ['lab'], id: 'lab', maxWait: 10, onTimeout: 'cancelled' },
          { hold: { type: 'constant', value: 40 }, activity: 'blood test' },
        ],
      ],
    };
    const scenario = parseScenario(doc);
    const model = compileScenario(scenario);
    const trace = new TraceBuffer();
    runHospital(model, { seed: 2, replication: 1, trace });
    const taken = stateFromTrace(model, trace.toData(), 485, localMinutes(scenario.start));
    const fm = forecastModel(scenario, parseState(taken.state, 'taken'), 2);
    // Waiting at 08:05; at 09:05 both are in their scans (the lab branch gave up at 08:10), at 10:05 both have gone.
    expect(runForecastReplication(fm, 2, 2, 1).forecast.edWaiting).toEqual([1, 0, 0]);
  });

  it('places a patient whose other branch has joined in its split, so it goes on after the join', () => {
    // 08:15: the blood test joined at 08:10, the scan runs to 08:30; then the review, and the patient leaves at 08:35.
    const scenario = parseScenario(clinic);
    const model = compileScenario(scenario);
    const trace = new TraceBuffer();
    runHospital(model, { seed: 2, replication: 1, trace });
    const taken = stateFromTrace(model, trace.toData(), 495, localMinutes(scenario.start));
    expect(taken.state.patients.map((p) => [p.step, p.alsoIn])).toEqual([['CT scan', undefined]]);
    const fm = forecastModel(scenario, parseState(taken.state, 'taken'), 1);
    expect(fm.initialState.patients[0]).toMatchObject({ branches: [{ holding: [1] }] });
    const placed = new TraceBuffer();
    runHospital(fm.model, { seed: 2, replication: 1, trace: placed, initialState: fm.initialState });
    expect(patientActivities(placed.toData()).flatMap((a) => (a.kind === 'arrive' ? [] : [[a.activity, a.start, a.end]]))).toEqual([
      ['CT scan', 0, 15],
      ['review', 15, 20],
      ['leave', 20, 20],
    ]);
  });

  it('refuses a patient placed in two places of one branch', () => {
    const doc = structuredClone(clinic);
    const scenario = parseScenario(doc);
    const state = parseState(
      {
        asOf: '2026-01-06T08:05',
        patients: [
          {
            class: 'outpatient',
            step: 'CT scan',
            since: '2026-01-06T08:00',
            arrived: '2026-01-06T08:00',
            holding: ['ct'],
            alsoIn: [{ step: 'ct', waiting: true, since: '2026-01-06T08:00' }],
          },
        ],
      },
      'state',
    );
    expect(() => forecastModel(scenario, state, 1)).toThrow(/same branch/);
  });
});
