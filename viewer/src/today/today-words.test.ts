import { describe, expect, it } from 'vitest';
import type { ForecastSummary } from '../../../workers/index.js';
import { timeTicks, wholeSteps } from './FanChart.js';
import { bookedHeadline, dischargeHeadline, wardHeadline, whenText } from './today-words.js';

type Ward = ForecastSummary['wards'][number];
/** A ward forecast from Monday 07:00 whose band and chance of being full are given per hour. */
const ward = (beds: number, hours: { p10: number; p50: number; p90: number; pFull: number }[]): Ward => ({
  ward: 'medicalWard',
  beds,
  byHour: hours.map((h, hour) => ({ hour, at: '', mean: h.p50, ...h })),
});

describe('the forecast in words and on its axes', () => {
  it('says when a ward is fullest with its weekday and time, the beds 80% likely taken then and the chance of being full', () => {
    const hours = Array.from({ length: 60 }, () => ({ p10: 100, p50: 110, p90: 120, pFull: 0 }));
    hours[59] = { p10: 111.4, p50: 121, p90: 129.2, pFull: 0.12 };
    // Monday 07:00 + 59 h = Wednesday 18:00.
    expect(wardHeadline('Medical wards', ward(148, hours), '2026-03-02T07:00', { today: 12.4, tomorrow: 18.6 })).toBe(
      'Medical wards, fullest around Wed 18:00: 80% likely 111–130 of 148 beds taken (110 now); 12% chance of being full then. About 12 discharges expected today, 19 tomorrow.',
    );
    // Never full: the hour of the highest median.
    const calm = hours.map((h, k) => ({ ...h, pFull: 0, p50: k === 10 ? 115 : 110 }));
    expect(wardHeadline('Medical wards', ward(148, calm), '2026-03-02T07:00')).toMatch(
      /^Medical wards, fullest around Mon 17:00: .*; full in no replication\.$/,
    );
  });

  it('names days and dates: today and tomorrow by their date, booked cases at risk by name and time', () => {
    expect(whenText('2026-03-02T07:00', 0)).toBe('Mon 07:00');
    expect(dischargeHeadline('2026-03-02T07:00', { today: 27.6, tomorrow: 31.2 }, 24)).toBe(
      'Discharges: about 28 patients are likely to leave today (Mon 2 Mar) and 31 tomorrow (Tue 3 Mar); 24 of them with a chance of 50% or more (list below).',
    );
    const booked = (booking: string, at: string, pCancelled: number) =>
      ({ booking, class: 'electiveOrtho', at, pCancelled, pDelayedForBed: 0.1 }) as unknown as ForecastSummary['booked'][number];
    const s = {
      asOf: '2026-03-02T07:00',
      hours: 72,
      booked: [booked('OR2-1', '2026-03-02T07:30', 0.05), booked('OR2-2', '2026-03-03T07:30', 0.34)],
    } as ForecastSummary;
    expect(bookedHeadline(s)).toBe(
      'Booked cases: 2 in the next 72 h; 2 at risk (a 10% or higher chance of cancellation or of waiting over 1 h for a bed); riskiest OR2-2, Tue 07:30: 34% cancelled, 10% delayed over 1 h for a bed.',
    );
  });

  it('steps the bed axis in whole round numbers and labels the time axis with weekdays and dates that do not run together', () => {
    expect(wholeSteps(72)).toEqual([0, 20, 40, 60]);
    expect(wholeSteps(148)).toEqual([0, 50, 100]);
    expect(wholeSteps(7)).toEqual([0, 2, 4, 6]);
    expect(wholeSteps(3)).toEqual([0, 1, 2, 3]);
    expect(timeTicks('2026-03-02T07:00', 72, 316).map((t) => t.label)).toEqual(['Mon 07:00', 'Tue 3 Mar', 'Wed 4 Mar', 'Thu 5 Mar']);
    // A week on the same width: shorter labels (weekday and day of the month), none overlapping the start's.
    const week = timeTicks('2026-03-02T07:00', 168, 316);
    expect(week.map((t) => t.label).slice(1)).toEqual(['Wed 4', 'Thu 5', 'Fri 6', 'Sat 7', 'Sun 8', 'Mon 9']);
    const px = (h: number): number => (h / 168) * 316;
    for (let k = 1; k < week.length; k++) expect(px(week[k]!.hour) - px(week[k - 1]!.hour)).toBeGreaterThan(30);
  });
});
