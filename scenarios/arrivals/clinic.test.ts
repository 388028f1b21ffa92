/**
 * Clinic arrivals: what each template books, the problems a user sees by path,
 * and, in small runs known by hand, doctor lateness, the new-first rule,
 * overbooking and walk-ins.
 */
import { describe, expect, it } from 'vitest';
import { compileScenario, parseScenario, ScenarioError, type ScenarioInput } from '../index.js';
import { runHospital } from '../../sim-core/index.js';
import { templateBookings } from './clinic.js';
import { describeFigure } from '../figure-catalogue.js';

type Arrivals = Extract<ScenarioInput['patientClasses'][number]['arrivals'], { type: 'clinic' }>;

/** One doctor, consultations of `minutes` (or by visit kind), one weekday session at 09:00, for one week. */
function clinic(arrivals: Partial<Arrivals>, minutes: number | { new: number; followUp: number } = 10): ScenarioInput {
  const hold =
    typeof minutes === 'number'
      ? { type: 'constant' as const, value: minutes }
      : {
          byAttribute: 'visit',
          cases: { new: { type: 'constant' as const, value: minutes.new }, followUp: { type: 'constant' as const, value: minutes.followUp } },
        };
  return {
    name: 'clinic-unit',
    start: '2026-01-05T00:00',
    horizonDays: 1,
    warmupDays: 0,
    staff: [{ id: 'dr', department: 'opd', hourlyCost: 100, shifts: [{ days: 'all', start: '08:00', end: '20:00', count: 1 }] }],
    patientClasses: [
      {
        id: 'outpatient',
        department: 'opd',
        arrivals: {
          type: 'clinic',
          consultation: 'consult',
          sessions: [{ days: 'weekdays', start: '09:00', doctor: 'dr', template: { type: 'individual', patients: 4, intervalMinutes: 15 } }],
          ...arrivals,
        },
        pathway: 'visit',
      },
    ],
    pathways: { visit: [{ seize: ['dr'], id: 'consult' }, { hold, activity: 'consultation' }, { release: 'all' }] },
  };
}

function figures(s: ScenarioInput): Record<string, number> {
  return runHospital(compileScenario(parseScenario(s)), { seed: 1, replication: 1 }).figures;
}

function problems(s: ScenarioInput): string[] {
  try {
    parseScenario(s);
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues.map((i) => `${i.path}: ${i.message}`);
    throw e;
  }
  return [];
}

describe('appointment templates', () => {
  it('individual books one a slot; Bailey-Welch k at the start then one a slot; blocks k a slot; variable at each interval', () => {
    expect(templateBookings({ type: 'individual', patients: 3, intervalMinutes: 10 })).toEqual({
      bookings: [
        { offset: 0, slot: 1 },
        { offset: 10, slot: 2 },
        { offset: 20, slot: 3 },
      ],
      slots: 3,
      length: 30,
    });
    const bw = templateBookings({ type: 'baileyWelch', patients: 4, intervalMinutes: 10, atStart: 2 });
    expect(bw.bookings.map((b) => b.offset)).toEqual([0, 0, 10, 20]);
    expect(bw.length).toBe(30);
    expect(templateBookings({ type: 'blocks', slots: 2, intervalMinutes: 20, perSlot: 3 }).bookings.map((b) => b.offset)).toEqual([0, 0, 0, 20, 20, 20]);
    const dome = templateBookings({ type: 'variable', intervals: [10, 15, 15, 10] });
    expect(dome.bookings.map((b) => b.offset)).toEqual([0, 10, 25, 40]);
    expect(dome.length).toBe(50);
  });

  it('names each wrong field by its path before anything runs', () => {
    const bad = clinic({
      consultation: 'nope',
      sessions: [
        {
          days: 'weekdays',
          start: '23:00',
          doctor: 'ghost',
          template: { type: 'individual', patients: 8, intervalMinutes: 15 },
          overbook: [{ slot: 9, extra: 1 }],
        },
      ],
    });
    const found = problems(bad);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^patientClasses\[0\]\.arrivals\.consultation: must be the id of a seize step/),
        expect.stringMatching(/^patientClasses\[0\]\.arrivals\.sessions\[0\]\.doctor: refers to "ghost"/),
        expect.stringMatching(/^patientClasses\[0\]\.arrivals\.sessions\[0\]\.start: the session .* must end by midnight/),
        expect.stringMatching(/^patientClasses\[0\]\.arrivals\.sessions\[0\]\.overbook\[0\]\.slot: must be a slot of the template \(1 to 8\), got 9/),
      ]),
    );
    expect(problems(clinic({ noShow: 1.5 }))).toEqual([expect.stringMatching(/^patientClasses\[0\]\.arrivals\.noShow/)]);
  });

  it('a doctor 20 minutes late makes the first patient wait 20 and the others follow (10-minute consultations, 15-minute slots)', () => {
    const f = figures(
      clinic({
        sessions: [
          {
            days: ['mon'],
            start: '09:00',
            doctor: 'dr',
            doctorLateness: { type: 'constant', value: 20 },
            template: { type: 'individual', patients: 4, intervalMinutes: 15 },
          },
        ],
      }),
    );
    // Starts at 20, 30, 40, 50 for slots 0, 15, 30, 45: waits 20, 15, 10, 5.
    expect(f['clinic.wait.slot1']).toBe(20);
    expect(f['clinic.wait.slot4']).toBe(5);
    expect(f['clinic.wait.mean']).toBe(12.5);
    // Session 09:00-10:00, last consultation ends 10:00: busy 40, idle 20 (the late start), no overrun.
    expect(f['clinic.doctorIdle.perSession']).toBe(20);
    expect(f['clinic.overrun.perSession']).toBe(0);
  });

  it('new patients first: a new patient booked beside a follow-up is seen first, so the short follow-up waits the long consultation', () => {
    // Blocks of two, new 20 minutes, follow-up 5: a mixed pair whose follow-up came first waits 0 + 5 by arrival,
    // 0 + 20 new-first; any other pair waits the same either way. The doctor is a minute late, so both of the first
    // pair are waiting when the doctor chooses (one who finds the doctor free is seen at once, whatever the rule).
    // Four weeks of weekday sessions hold such pairs.
    const blocks = { type: 'blocks' as const, slots: 2, intervalMinutes: 60, perSlot: 2 };
    const late = { type: 'constant' as const, value: 1 };
    const base = { newShare: 0.5, sessions: [{ days: 'weekdays' as const, start: '09:00', doctor: 'dr', template: blocks, doctorLateness: late }] };
    const month = (s: ScenarioInput): ScenarioInput => ({ ...s, horizonDays: 28 });
    const byArrival = figures(month(clinic(base, { new: 20, followUp: 5 })));
    const newFirst = figures(month(clinic({ ...base, newFirst: true }, { new: 20, followUp: 5 })));
    expect(newFirst['clinic.patients']).toBe(byArrival['clinic.patients']);
    expect(newFirst['clinic.wait.mean']).toBeGreaterThan(byArrival['clinic.wait.mean']!);
    // The rule only reorders the same patients: the sessions end alike.
    expect(newFirst['clinic.doctorIdle.perSession']).toBeCloseTo(byArrival['clinic.doctorIdle.perSession']!, 9);
  });

  it('overbooking a slot adds a patient there; walk-ins come on top of the booked', () => {
    const session = { days: ['mon' as const], start: '09:00', doctor: 'dr', template: { type: 'individual' as const, patients: 4, intervalMinutes: 15 } };
    expect(figures(clinic({ sessions: [session] }))['clinic.patients']).toBe(4);
    const over = figures(clinic({ sessions: [{ ...session, overbook: [{ slot: 2, extra: 1 }] }] }));
    expect(over['clinic.patients']).toBe(5);
    // Slot 2 has two patients 10 minutes each after slot 1's: the second of them waits 10 (+5 carried).
    expect(over['clinic.wait.slot2']).toBeGreaterThan(0);
    const walkIns = figures(clinic({ sessions: [{ ...session, walkIns: { perSession: 30 } }] }));
    expect(walkIns['clinic.patients']).toBeGreaterThan(4 + 10);
  });
});

describe('clinic figures in the catalogue', () => {
  it('every figure the clinic puts has a plain label and unit in the clinic section', () => {
    const f = figures(clinic({}));
    const ids = Object.keys(f).filter((id) => id.startsWith('clinic.'));
    expect(ids.length).toBeGreaterThan(8);
    for (const id of ids) {
      const info = describeFigure(id, { kindOf: new Map(), surgicalClasses: new Set() });
      expect(info.section, id).toBe('clinic');
      expect(info.label, id).toMatch(/^Clinic: /);
    }
    expect(describeFigure('clinic.doctorIdle.perSession', { kindOf: new Map(), surgicalClasses: new Set() })).toMatchObject({ unit: 'minutes' });
  });
});
