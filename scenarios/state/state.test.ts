import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../builtin/index.js';
import { parseScenario } from '../load.js';
import { rosterCapacityAt } from '../../sim-core/index.js';
import { compileScenario } from '../compile/compile-scenario.js';
import { forecastModel } from './forecast-model.js';
import { parseState } from './parse-state.js';
import { StateError } from './state-error.js';
import type { StateDocumentInput } from './state-schema.js';

const hospital = parseScenario(builtinScenario('general-hospital')!.document, 'general-hospital');

const good: StateDocumentInput = {
  asOf: '2026-03-02T07:00',
  patients: [
    {
      id: 'A1',
      class: 'edAmbulance',
      attributes: { acuity: 2 },
      step: 'medicalWard',
      ward: 'medicalWard',
      bed: 'M-12',
      since: '2026-02-26T15:20',
      arrived: '2026-02-26T10:05',
    },
    {
      id: 'A2',
      class: 'edWalkIn',
      attributes: { acuity: 3 },
      step: 'triage',
      holding: ['triageNurse'],
      since: '2026-03-02T06:52',
      arrived: '2026-03-02T06:40',
    },
    { id: 'A3', class: 'edWalkIn', step: 'toMedicalBed', waiting: true, holding: ['edCubicle'], since: '2026-03-02T03:10', arrived: '2026-03-01T23:55' },
    {
      id: 'A4',
      class: 'electiveOrtho',
      attributes: { procedure: 'hipReplacement', theatre: 'or2' },
      step: 'surgicalWard',
      occurrence: 1,
      ward: 'surgicalWard',
      since: '2026-02-27T14:00',
      arrived: '2026-02-27T07:30',
    },
  ],
  booked: [
    { id: 'OR2-1', class: 'electiveOrtho', at: '2026-03-02T07:30', attributes: { procedure: 'hipReplacement', theatre: 'or2' } },
    { id: 'OR2-2', class: 'electiveOrtho', at: '2026-03-02T07:30', attributes: { procedure: 'kneeReplacement', theatre: 'or2' } },
  ],
};

describe('hospital state snapshot', () => {
  it('a good state maps every patient to its class, step, resources and times', () => {
    const state = parseState(good, 'good');
    const f = forecastModel(hospital, state, 72);
    const names = f.model.resources.map((r) => r.name);
    const [a1, a2, a3, a4] = f.initialState.patients;
    expect(f.model.classes[a1!.classIndex]!.name).toBe('edAmbulance');
    const step = (p: typeof a1) => f.model.pathways[f.model.classes[p!.classIndex]!.pathway]!.steps[p!.step]!;
    expect(step(a1)).toMatchObject({ op: 'hold', activity: 'stay:medicalWard' });
    expect(a1!.holding.map((r) => names[r])).toEqual(['medicalWard']);
    expect(a1!.since).toBe(-(3 * 1440 + 15 * 60 + 40)); // 26 Feb 15:20 to 2 Mar 07:00 (2026 is not a leap year)
    expect(a1!.arrivedAt).toBe(a1!.since - (5 * 60 + 15));
    expect(step(a2)).toMatchObject({ op: 'hold', activity: 'triage' });
    expect(step(a3)).toMatchObject({ op: 'seize' });
    expect(a3!.attributes).toBeUndefined();
    expect(step(a4)).toMatchObject({ op: 'hold', activity: 'stay:surgicalWard' });
    // The elective's procedure and theatre, list attributes, are carried as the class's own;
    // its case-mix group, which the state does not give, is drawn as on arrival (-1).
    expect(a4!.attributes!.filter((v) => v >= 0)).toHaveLength(2);
    expect(a4!.attributes!.filter((v) => v === -1)).toHaveLength(1);
    expect(f.model.startMinuteOfWeek).toBe(7 * 60); // Monday 07:00
    expect(f.model.warmup).toBe(0);
    expect(f.model.horizon).toBe(72 * 60);
    const ortho = f.model.classes.find((c) => c.name === 'electiveOrtho')!;
    expect(ortho.arrivals).toMatchObject({
      type: 'list',
      entries: [
        { at: 7 * 60 + 30, count: 1 },
        { at: 7 * 60 + 30, count: 1 },
      ],
    });
    expect(f.booked.map((b) => [b.label, b.at, b.arrivalOfClass])).toEqual([
      ['OR2-1', 30, 0],
      ['OR2-2', 30, 1],
    ]);
    // A class not booked keeps its weekly list.
    expect(f.model.classes.find((c) => c.name === 'electiveGeneral')!.arrivals.type).toBe('list');
  });

  it('a state with mistakes is refused with every problem by its path, nothing run', () => {
    const bad = {
      asOf: '2026-03-02T07:00',
      patients: [
        { class: 'edWalkin', step: 'triage', since: '2026-03-02T06:00', arrived: '2026-03-02T05:00' },
        { class: 'edWalkIn', step: 'brain surgery', ward: 'nowhere', since: '2026-03-02T08:00', arrived: '2026-03-02T05:00' },
        { class: 'edWalkIn', step: 'triage', attributes: { acuity: 9 }, since: '2026-03-02T06:00', arrived: '2026-03-02T06:30' },
        { class: 'edWalkIn', step: 'triage', since: '2026-02-30T06:00', arrived: '2026-03-02T05:00', colour: 'red' },
      ],
      booked: [{ class: 'electiveOrtho', at: '2026-03-01T08:00' }],
    };
    let error: unknown;
    try {
      forecastModel(hospital, parseState(bad, 'bad'), 72);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StateError);
    const paths = (error as StateError).issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['patients[3].since', 'patients[3].colour']));
    // Shape problems come first and alone; then times, then names.
    const timeOnly = { ...bad, patients: bad.patients.slice(0, 3) };
    const timeError = (() => {
      try {
        parseState(timeOnly, 'bad');
      } catch (e) {
        return e as StateError;
      }
      return null;
    })();
    expect(timeError!.issues.map((i) => i.path)).toEqual(['patients[1].since', 'patients[2].arrived', 'booked[0].at']);
    const namesOnly = { asOf: bad.asOf, patients: bad.patients.slice(0, 3).map((p) => ({ ...p, since: '2026-03-02T05:00', arrived: '2026-03-02T04:00' })) };
    const namesError = (() => {
      try {
        forecastModel(hospital, parseState(namesOnly, 'bad'), 72);
      } catch (e) {
        return e as StateError;
      }
      return null;
    })();
    expect(namesError!.issues.map((i) => i.path)).toEqual(['patients[0].class', 'patients[1].step', 'patients[1].ward', 'patients[2].attributes.acuity']);
    expect(namesError!.message).toMatch(/unknown class "edWalkin" \(known: edWalkIn/);
  });

  it('more patients in a ward than it has beds is refused', () => {
    const many = Array.from({ length: 8 }, () => ({
      class: 'edAmbulance',
      step: 'icu',
      occurrence: 1,
      ward: 'icu',
      since: '2026-03-01T07:00',
      arrived: '2026-03-01T01:00',
    }));
    expect(() => forecastModel(hospital, parseState({ asOf: '2026-03-02T07:00', patients: many }), 72)).toThrow(/8 patients hold icu, which has 7 beds/);
  });

  it('patients from a CSV file: problems by line and column', () => {
    const csv = [
      'class,step,ward,since,arrived,attr.acuity',
      'edAmbulance,medicalWard,medicalWard,2026-02-28T10:00,2026-02-28T04:00,3',
      'edAmbulance,medicalWard,medicalWard,yesterday,2026-02-28T04:00,3',
    ].join('\n');
    expect(() => parseState({ asOf: '2026-03-02T07:00', patientsCsv: 'p.csv' }, 's', { text: csv, file: 'p.csv' })).toThrow(
      /p\.csv line 3, since: must be a local date and time/,
    );
    const ok = parseState({ asOf: '2026-03-02T07:00', patientsCsv: 'p.csv' }, 's', { text: csv.split('\n').slice(0, 2).join('\n'), file: 'p.csv' });
    expect(ok.patients).toEqual([expect.objectContaining({ class: 'edAmbulance', ward: 'medicalWard', attributes: { acuity: 3 } })]);
  });

  it('staff on duty now and devices out of order change capacity until the shift ends or the repair, then the roster resumes', () => {
    const state = parseState({
      asOf: '2026-03-02T07:00',
      patients: [],
      staffOnDuty: { edDoctor: 1 },
      outOfOrder: [{ resource: 'ct', units: 1, until: '2026-03-02T13:00' }],
    });
    const f = forecastModel(hospital, state, 72);
    const plain = compileScenario({ ...hospital, start: '2026-03-02T07:00', warmupDays: 0, horizonDays: 3 });
    const cap = (m: typeof plain, name: string, t: number): number => {
      const r = m.resources.find((x) => x.name === name)!;
      return rosterCapacityAt({ ...r.roster!, offset: m.startMinuteOfWeek }, t);
    };
    expect(cap(plain, 'edDoctor', 0)).not.toBe(1);
    expect(cap(plain, 'ct', 0)).toBeGreaterThan(0);
    expect(cap(f.model, 'edDoctor', 0)).toBe(1);
    // From the roster's next change on, the roster as it was, every minute of the forecast.
    let next = 0;
    while (cap(plain, 'edDoctor', next) === cap(plain, 'edDoctor', 0)) next++;
    for (let t = next; t <= 72 * 60; t += 15) expect(cap(f.model, 'edDoctor', t)).toBe(cap(plain, 'edDoctor', t));
    for (let t = 0; t < 6 * 60; t += 15) expect(cap(f.model, 'ct', t)).toBe(Math.max(0, cap(plain, 'ct', t) - 1));
    for (let t = 6 * 60; t <= 72 * 60; t += 15) expect(cap(f.model, 'ct', t)).toBe(cap(plain, 'ct', t));
    expect(() =>
      forecastModel(
        hospital,
        parseState({ asOf: '2026-03-02T07:00', patients: [], staffOnDuty: { edDoc: 2 }, outOfOrder: [{ resource: 'medicalWard', until: '2026-03-02T13:00' }] }),
        72,
      ),
    ).toThrow(/staffOnDuty\.edDoc: is not a staff group[\s\S]*outOfOrder\[0\]\.resource: is not an imaging device or operating room/);
  });
});
