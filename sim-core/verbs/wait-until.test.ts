import { describe, expect, it } from 'vitest';
import { runHospital, TraceBuffer, type HospitalModel, type InitialState } from '../index.js';
import type { WaitUntilStep } from './index.js';

const DAY = 1440;

/**
 * Time 0 is a Monday 00:00. Patients come on Monday at 09:30 and on Tuesday
 * at 11:30, and wait for the 11:00 ward round (on the days `onDay` allows),
 * then leave. Nothing is random: every time below is known by hand.
 */
function model(onDay = [true, true, true, true, true, true, true]): HospitalModel {
  const round: WaitUntilStep = { op: 'waitUntil', minuteOfDay: 11 * 60, onDay, activity: 'ward round' };
  return {
    startMinuteOfWeek: 0,
    warmup: 0,
    horizon: 7 * DAY,
    resources: [],
    items: [],
    attributes: [],
    classes: [
      {
        name: 'inpatient',
        department: 'medicine',
        emergencyDepartment: false,
        priority: 0,
        arrivals: {
          type: 'list',
          entries: [
            { at: 9 * 60 + 30, count: 1, attributes: [] },
            { at: DAY + 11 * 60 + 30, count: 1, attributes: [] },
          ],
        },
        attributes: [],
        pathway: 0,
      },
    ],
    pathways: [{ name: 'discharge', steps: [round] }],
    penalties: { cancelledCase: 0, leftUnseen: 0, boardingHour: 0 },
  };
}

/** Each patient's rows as [time, word, where]. */
function rowsOf(m: HospitalModel, initialState?: InitialState): Map<number, [number, string, string][]> {
  const trace = new TraceBuffer();
  runHospital(m, { seed: 1, replication: 1, trace, ...(initialState ? { initialState } : {}) });
  const d = trace.toData();
  const out = new Map<number, [number, string, string][]>();
  for (let i = 0; i < d.length; i++) {
    const e = d.entity[i]!;
    if (e < 0) continue;
    if (!out.has(e)) out.set(e, []);
    out.get(e)!.push([d.time[i]!, d.whatNames[d.what[i]!]!, d.whereNames[d.where[i]!]!]);
  }
  return out;
}

describe('waitUntil: a patient is held until a clock time of day', () => {
  it('lets a patient who comes at 09:30 go at 11:00, and one who comes at 11:30 at the next day’s 11:00', () => {
    const rows = rowsOf(model());
    expect(rows.get(0)).toEqual([
      [570, 'arrive', 'inpatient'],
      [570, 'start', 'ward round'],
      [660, 'finish', 'ward round'],
      [660, 'leave', 'inpatient'],
    ]);
    // Tuesday 11:30 -> Wednesday 11:00.
    expect(rows.get(1)!.filter((r) => r[1] === 'leave')).toEqual([[2 * DAY + 660, 'leave', 'inpatient']]);
  });

  it('counts only the days allowed: a Tuesday patient waits for Thursday when the round is on Mondays and Thursdays', () => {
    const rows = rowsOf(model([true, false, false, true, false, false, false]));
    expect(rows.get(0)!.at(-1)).toEqual([660, 'leave', 'inpatient']);
    expect(rows.get(1)!.at(-1)).toEqual([3 * DAY + 660, 'leave', 'inpatient']);
  });

  it('holds a patient placed while waiting until the time, or lets it go at once if the time passed while it waited', () => {
    // Time 0 is Monday 10:00. One waiting since 09:00 goes at 11:00 (60 minutes on); one waiting since
    // Sunday 10:30 should have gone at Sunday's 11:00, already past: it goes at once.
    const m = { ...model(), startMinuteOfWeek: 10 * 60 };
    m.classes[0]!.arrivals = { type: 'list', entries: [] };
    const rows = rowsOf(m, {
      patients: [
        { classIndex: 0, step: 0, holding: [], since: -60, arrivedAt: -60 },
        { classIndex: 0, step: 0, holding: [], since: -(DAY - 30), arrivedAt: -DAY },
      ],
    });
    expect(rows.get(0)!.at(-1)).toEqual([60, 'leave', 'inpatient']);
    expect(rows.get(1)!.at(-1)).toEqual([0, 'leave', 'inpatient']);
  });
});
