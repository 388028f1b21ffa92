import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../builtin/index.js';
import { parseScenario } from '../load.js';
import { forecastModel } from './forecast-model.js';
import { parseState } from './parse-state.js';
import { StateError } from './state-error.js';
import { problemsOf } from '../../test/fuzz/json-mutations.js';

const hospital = parseScenario(builtinScenario('general-hospital')!.document, 'general-hospital');

/** The problems a state reader refuses with ([] if it reads the input); any other error fails the test. */
const problems = (f: () => unknown): string[] => problemsOf(f, StateError);

/** A list of `length` items any of which, when read, fails the test: a reader must refuse it by its length alone. */
function unreadItems(length: number): unknown[] {
  return new Proxy(new Array<unknown>(length), {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) throw new Error(`item ${key} of a list past the limit was read`);
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

const patient = (id: string, bed?: string) => ({
  id,
  class: 'edAmbulance',
  step: 'medicalWard',
  ward: 'medicalWard',
  ...(bed ? { bed } : {}),
  since: '2026-03-01T15:20',
  arrived: '2026-03-01T10:05',
});

describe('a state that would count a patient twice, or slip past its checks, is refused by path', () => {
  it('the same patient id twice: refused naming both entries (it would double the census)', () => {
    expect(problems(() => parseState({ asOf: '2026-03-02T07:00', patients: [patient('A1'), patient('A2'), patient('A1')] }))).toEqual([
      'patients[2].id: "A1" is given twice: also patients[0]',
    ]);
  });

  it('two patients in one bed of a ward: refused naming both', () => {
    expect(problems(() => parseState({ asOf: '2026-03-02T07:00', patients: [patient('A1', 'M-12'), patient('A2', 'M-12')] }))).toEqual([
      'patients[1].bed: bed "M-12" of medicalWard is taken twice: also by patients[0]',
    ]);
    // The same label in another ward is another bed.
    const other = { ...patient('A2', 'M-12'), step: 'surgicalWard', ward: 'surgicalWard' };
    expect(problems(() => parseState({ asOf: '2026-03-02T07:00', patients: [patient('A1', 'M-12'), other] }))).toEqual([]);
  });

  it('"__proto__" as an attribute name is refused by path, as "bogus" is (it skipped every check)', () => {
    const doc = JSON.parse(
      '{"asOf":"2026-03-02T07:00","patients":[{"class":"edWalkIn","step":"triage","since":"2026-03-02T06:00","arrived":"2026-03-02T05:00","attributes":{"__proto__":{"acuity":99}}}]}',
    ) as unknown;
    expect(problems(() => parseState(doc))).toEqual([expect.stringMatching(/^patients\[0\]\.attributes\.__proto__: is not a name/)]);
    const booked = JSON.parse('{"asOf":"2026-03-02T07:00","patients":[],"closedBeds":{"__proto__":{"medicalWard":3}}}') as unknown;
    expect(problems(() => parseState(booked))).toEqual([expect.stringMatching(/^closedBeds\.__proto__: is not a name/)]);
  });

  it('a booked count of 1e9 is refused by path (it exhausted the heap), and so are bookings past the limit in all', () => {
    const at = '2026-03-02T08:00';
    expect(problems(() => parseState({ asOf: '2026-03-02T07:00', patients: [], booked: [{ class: 'electiveOrtho', at, count: 1e9 }] }))).toEqual([
      expect.stringMatching(/^booked\[0\]\.count: must be at most 1000/),
    ]);
    const many = Array.from({ length: 101 }, () => ({ class: 'electiveOrtho', at, count: 1000 }));
    expect(problems(() => parseState({ asOf: '2026-03-02T07:00', patients: [], booked: many }))).toEqual([
      expect.stringMatching(/^booked\[100\]\.count: brings the patients booked past 100,000/),
    ]);
  });

  it('a state of a million patients is refused at once, not built', () => {
    // Lists whose items cannot be read: a refusal naming the limit, with no item looked at, is one made before
    // the walk (a bound in milliseconds said the same, but a loaded machine broke it, issue 26 item 12).
    expect(problems(() => parseState({ asOf: '2026-03-02T07:00', patients: unreadItems(100_001) }))[0]).toMatch(
      /^patients: holds 100,001 items, more than the 100,000 a state may/,
    );
    // Three million items, as a 12 MB file holds, refused before any is looked at.
    expect(problems(() => parseState({ asOf: '2026-03-02T07:00', patients: [], booked: unreadItems(3_000_000) }))[0]).toMatch(/^booked: holds 3,000,000 items/);
  });

  it('a CSV of patients past the limit is refused by its name', () => {
    const rows = ['class,step,since,arrived', ...Array.from({ length: 100_001 }, () => 'edWalkIn,triage,2026-03-02T06:00,2026-03-02T05:00')];
    expect(problems(() => parseState({ asOf: '2026-03-02T07:00', patientsCsv: 'p.csv' }, 'state', { text: rows.join('\n'), file: 'p.csv' }))).toEqual([
      'p.csv: has 100001 patients, more than the 100,000 a state may hold',
    ]);
  });

  it('a misspelled field of a state gets the field probably meant', () => {
    expect(problems(() => parseState({ asOf: '2026-03-02T07:00', patients: [{ ...patient('A1'), sinse: '2026-03-01T15:20' }] }))).toContain(
      'patients[0].sinse: is not a known field; did you mean "since"?',
    );
  });

  it('a state without duplicates still forecasts', () => {
    const state = parseState({ asOf: '2026-03-02T07:00', patients: [patient('A1', 'M-1'), patient('A2', 'M-2')] });
    expect(forecastModel(hospital, state, 6).initialState.patients).toHaveLength(2);
  });
});

describe('a patients CSV never shows its own words while its header is not a patients header', () => {
  it('an unknown column is named by its number, not echoed', () => {
    const found = problems(() => parseState({ asOf: '2026-03-02T07:00', patientsCsv: 'p.csv' }, 'state', { text: 'secret-marker\nmore\n', file: 'p.csv' }));
    expect(found.join('\n')).not.toContain('secret');
    expect(found[0]).toMatch(/^p\.csv header: column 1 is not a known column/);
  });

  it('a CSV that cannot be parsed names the line, not its text', () => {
    const found = problems(() =>
      parseState({ asOf: '2026-03-02T07:00', patientsCsv: 'p.csv' }, 'state', { text: 'class,step\n"secret-marker,x\n', file: 'p.csv' }),
    );
    expect(found.join('\n')).not.toContain('secret');
    expect(found[0]).toMatch(/^p\.csv( line \d+)?: cannot be read as CSV: a quote is never closed/);
  });

  it('an attr.__proto__ column is refused', () => {
    const text = 'class,step,since,arrived,attr.__proto__\nedWalkIn,triage,2026-03-02T06:00,2026-03-02T05:00,3\n';
    expect(problems(() => parseState({ asOf: '2026-03-02T07:00', patientsCsv: 'p.csv' }, 'state', { text, file: 'p.csv' }))).toEqual([
      'p.csv header: column 5 names an attribute no scenario can have (__proto__)',
    ]);
  });
});
