/** Clinic arrivals: each session's bookings at their slot, walk-ins within the session, the doctor's lateness told at its start. */
import { describe, expect, it } from 'vitest';
import { clinic, type ClinicArrivalModel } from './clinic.js';
import { runArrivals } from './test-host.js';

function book(over: Partial<ClinicArrivalModel> = {}, session: Partial<ClinicArrivalModel['sessions'][number]> = {}): ClinicArrivalModel {
  return {
    type: 'clinic',
    sessions: [
      {
        startsAt: [540],
        length: 60,
        doctor: 3,
        bookings: [
          { offset: 0, slot: 1 },
          { offset: 0, slot: 1 },
          { offset: 20, slot: 2 },
        ],
        doctorLateness: null,
        walkIns: null,
        ...session,
      },
    ],
    newShare: 0,
    noShow: { new: 0, followUp: 0 },
    punctuality: null,
    visit: { attribute: 0, new: 0, followUp: 1 },
    booking: { attribute: 1, booked: 0, walkIn: 1 },
    rank: { new: 0, followUp: 0, walkIn: 0 },
    consultation: 'consult',
    ...over,
  };
}

describe('clinic arrivals', () => {
  it('punctual booked patients come at their slot, every week, due then; the table knows it is a clinic', () => {
    const { visits } = runArrivals(book(), 2 * 7 * 1440 - 1);
    expect(visits.map((v) => [v.at, v.due, v.slot, v.walkIn, v.sessionStart])).toEqual([
      [540, 540, 1, false, 540],
      [540, 540, 1, false, 540],
      [560, 560, 2, false, 540],
      [10620, 10620, 1, false, 10620],
      [10620, 10620, 1, false, 10620],
      [10640, 10640, 2, false, 10620],
    ]);
    const a = book();
    expect(clinic.clinic!(a)).toBe(a);
  });

  it('everyone booked is a no-show at probability 1; walk-ins come within the session', () => {
    const { visits } = runArrivals(book({ noShow: { new: 1, followUp: 1 } }, { walkIns: { mean: 4, weights: [1, 1] } }), 20 * 7 * 1440);
    expect(visits.every((v) => v.walkIn && v.at >= v.sessionStart && v.at < v.sessionStart + 60)).toBe(true);
    // Poisson(4) a session for 20 sessions: 80, sd 8.9.
    expect(Math.abs(visits.length - 80)).toBeLessThan(4 * Math.sqrt(80));
  });

  it("tells the doctor's lateness at each session's start (a draw below 0 as 0)", () => {
    const { late } = runArrivals(book({}, { doctorLateness: { type: 'constant', value: 7 } }), 2 * 7 * 1440 - 1);
    expect(late).toEqual([
      { at: 540, session: 0, resource: 3, minutes: 7 },
      { at: 10620, session: 0, resource: 3, minutes: 7 },
    ]);
  });
});
