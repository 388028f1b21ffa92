/**
 * The fold of ADT events into the hospital state that `forecast --fhir-map`
 * reads (general hospital, examples/state/fhir-mapping.json), and the journal
 * under it: what a bed manager would see wrong if admits, transfers, cancels,
 * resends or late messages were applied badly.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFhirMapping } from '../../scenarios/index.js';
import { eventMinutes, readAdt } from '../hl7/adt-event.js';
import { adtMessage, type AdtFields } from '../hl7/adt-text.js';
import { Journal, JournalError, type JournalEntry } from './journal.js';
import { LiveState } from './live-state.js';

const EXAMPLE = JSON.parse(readFileSync(new URL('../../examples/state/fhir-mapping.json', import.meta.url), 'utf8'));
// The example's mapping, with the HL7 v2 patient classes (PV1-2) an ADT feed sends.
const V2 = 'http://terminology.hl7.org/CodeSystem/v2-0004';
const MAPPING = parseFhirMapping({
  ...EXAMPLE,
  encounters: [{ system: V2, code: 'E', class: 'edWalkIn' }, { system: V2, code: 'I', class: 'gpAdmission' }, ...EXAMPLE.encounters],
});

let n = 0;
function entry(f: Omit<AdtFields, 'controlId'> & { controlId?: string }, seq = ++n): JournalEntry {
  const raw = adtMessage({ controlId: `c${seq}`, ...f });
  const a = readAdt(raw);
  return { seq, controlId: a.controlId, source: 'hl7', eventMinutes: eventMinutes(a.eventTime), raw };
}

function stateOf(entries: JournalEntry[]) {
  const live = new LiveState(MAPPING);
  for (const e of entries) live.add(e);
  return live.view();
}

const walkIn = [
  entry({ trigger: 'A04', eventTime: '2026-03-02T02:40', visit: 'V1', patientClass: 'E', location: 'ed-majors' }),
  entry({ trigger: 'A01', eventTime: '2026-03-02T05:30', visit: 'V1', patientClass: 'I', location: 'med-a' }),
  entry({ trigger: 'A04', eventTime: '2026-03-02T03:00', visit: 'V2', patientClass: 'E', location: 'ed-majors' }),
];

describe('the live state: ADT events folded into the state forecast reads', () => {
  it('places an ED arrival at its ED step and an admitted patient in the ward, since the move', () => {
    const { state, warnings } = stateOf(walkIn);
    expect(warnings).toEqual([]);
    expect(state.asOf).toBe('2026-03-02T05:30');
    const byId = Object.fromEntries(state.patients.map((p) => [p.id, p]));
    expect(byId['V1']).toMatchObject({ class: 'edWalkIn', ward: 'medicalWard', step: 'medicalWard', since: '2026-03-02T05:30', arrived: '2026-03-02T02:40' });
    expect(byId['V2']).toMatchObject({ class: 'edWalkIn', step: 'specialty review (medicine)', holding: ['edCubicle'], since: '2026-03-02T03:00' });
  });

  it('applies a message that arrives late where its event time puts it', () => {
    const inOrder = stateOf(walkIn).state;
    // The admission (05:30) arrives before the ED registration (02:40) it follows.
    const late = stateOf([walkIn[1]!, walkIn[2]!, walkIn[0]!]).state;
    expect(late.patients).toEqual(inOrder.patients);
    const discharge = entry({ trigger: 'A03', eventTime: '2026-03-02T06:00', visit: 'V1' });
    const transferBefore = entry({ trigger: 'A02', eventTime: '2026-03-02T05:45', visit: 'V1', location: 'surg-1' });
    // Discharge stored first, the earlier transfer second: V1 ends discharged, not in surg-1.
    expect(stateOf([...walkIn, discharge, transferBefore]).state.patients.map((p) => p.id)).toEqual(['V2']);
  });

  it('undoes an admission (A11), a transfer (A12) and a discharge (A13)', () => {
    const a11 = entry({ trigger: 'A11', eventTime: '2026-03-02T03:10', visit: 'V2' });
    expect(stateOf([...walkIn, a11]).state.patients.map((p) => p.id)).toEqual(['V1']);
    const a02 = entry({ trigger: 'A02', eventTime: '2026-03-02T06:00', visit: 'V1', location: 'icu' });
    const a12 = entry({ trigger: 'A12', eventTime: '2026-03-02T06:05', visit: 'V1' });
    const back = stateOf([...walkIn, a02, a12]).state.patients.find((p) => p.id === 'V1');
    expect(back).toMatchObject({ ward: 'medicalWard', since: '2026-03-02T05:30' });
    const a03 = entry({ trigger: 'A03', eventTime: '2026-03-02T07:00', visit: 'V1' });
    const a13 = entry({ trigger: 'A13', eventTime: '2026-03-02T07:05', visit: 'V1' });
    expect(stateOf([...walkIn, a03]).state.patients.map((p) => p.id)).toEqual(['V2']);
    expect(stateOf([...walkIn, a03, a13]).state.patients.find((p) => p.id === 'V1')).toMatchObject({ ward: 'medicalWard', since: '2026-03-02T05:30' });
  });

  it('books a pre-admission (A05) and corrects a location in place (A08)', () => {
    const a05 = entry({ trigger: 'A05', eventTime: '2026-03-02T04:00', visit: 'B1', service: 'hip-replacement', expectedAt: '2026-03-03T07:30' });
    const a08 = entry({ trigger: 'A08', eventTime: '2026-03-02T05:40', visit: 'V1', location: 'med-b', patientClass: 'I' });
    const { state } = stateOf([...walkIn, a05, a08]);
    expect(state.booked).toEqual([expect.objectContaining({ id: 'B1', class: 'electiveOrtho', at: '2026-03-03T07:30' })]);
    expect(state.patients.find((p) => p.id === 'V1')).toMatchObject({ ward: 'medicalWard', since: '2026-03-02T05:30' });
  });

  it('leaves a patient in an unknown ward out with a warning that names the ward, not the patient', () => {
    const odd = entry({ trigger: 'A01', eventTime: '2026-03-02T05:50', visit: 'SECRET-42', patientClass: 'I', location: 'ward-99' });
    const { state, warnings } = stateOf([...walkIn, odd]);
    expect(state.patients.map((p) => p.id).sort()).toEqual(['V1', 'V2']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/1 visit\(s\) left out.*unknown location "Location\/ward-99"/);
    expect(warnings[0]).not.toMatch(/SECRET/);
  });

  it('gives the state as of an earlier moment from the messages up to then', () => {
    const live = new LiveState(MAPPING);
    for (const e of walkIn) live.add(e);
    const early = live.view('2026-03-02T04:00').state;
    expect(early.asOf).toBe('2026-03-02T04:00');
    expect(early.patients.find((p) => p.id === 'V1')).toMatchObject({ step: 'specialty review (medicine)' });
  });
});

describe('the journal: one SQLite file', () => {
  it('stores a resent control id once and gives the entries back after reopening', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'journal-')), 'twin.sqlite');
    const j = Journal.open(path);
    const e = { controlId: 'X1', source: 'hl7' as const, eventMinutes: 1, raw: 'MSH|...' };
    expect(j.append(e, '2026-01-01T00:00:00Z')?.seq).toBe(1);
    expect(j.append({ ...e, raw: 'changed' }, '2026-01-01T00:00:01Z')).toBeUndefined();
    j.close();
    const again = Journal.open(path);
    expect([...again.entries()]).toEqual([{ seq: 1, controlId: 'X1', source: 'hl7', eventMinutes: 1, raw: 'MSH|...' }]);
    again.close();
  });

  it('refuses a damaged file and leaves it as it was', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'journal-')), 'twin.sqlite');
    Journal.open(path).close();
    const bytes = readFileSync(path);
    bytes.write('garbage!', 0);
    writeFileSync(path, bytes);
    expect(() => Journal.open(path)).toThrow(JournalError);
    expect(() => Journal.open(path)).toThrow(/cannot be used as the store.*left as it is/);
    expect(readFileSync(path).subarray(0, 8).toString()).toBe('garbage!');
  });
});
