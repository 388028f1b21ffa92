/** `weekly` arrivals: Poisson at a rate per hour that may follow the hour of day and day of week, with busy days and yearly surges. */
import { z } from 'zod';
import type { ArrivalSurge } from '../../sim-core/index.js';
import { minutesOfDay, MonthDay, nonNegative, positive } from '../schema/common.js';
import { defineArrivalKind } from './kind.js';

const schema = z.strictObject({
  type: z.literal('weekly'),
  perDay: positive().max(100_000, 'must be at most 100000 a day'),
  /** 24 relative weights for the hours of the day (default flat). */
  hourOfDay: z.array(nonNegative()).length(24, 'must have 24 hourly weights').optional(),
  /** 7 relative weights, Monday first (default flat). */
  dayOfWeek: z.array(nonNegative()).length(7, 'must have 7 daily weights').optional(),
  /** Multiplies the rate all year. */
  multiplier: positive().default(1),
  /**
   * Busy and quiet days: each day's rate is the usual times a factor drawn for that day (gamma, mean 1) with
   * this coefficient of variation, so days vary more than a Poisson process allows, as ED arrivals do.
   */
  dayToDayCv: positive().max(2, 'must be at most 2').optional(),
  /**
   * Waves of extra arrivals that come back every year (a flu season): at `peak` ("MM-DD") the rate is
   * 1 + `extra` times the usual, tapering to the usual over `weeks` centred on the peak.
   */
  surges: z
    .array(
      z.strictObject({
        peak: MonthDay,
        weeks: positive().max(52, 'must be at most 52 weeks'),
        extra: positive().max(10, 'must be at most 10 (eleven times the usual rate at the peak)'),
      }),
    )
    .optional(),
});

export const weekly = defineArrivalKind({
  type: 'weekly',
  schema,
  atRate: true,
  check(a, at, { problem }) {
    if (a.hourOfDay && !a.hourOfDay.some((w) => w > 0)) problem(`${at}.hourOfDay`, 'must have at least one positive weight');
    if (a.dayOfWeek && !a.dayOfWeek.some((w) => w > 0)) problem(`${at}.dayOfWeek`, 'must have at least one positive weight');
  },
  compile(a, { run }) {
    const hod = a.hourOfDay ?? new Array<number>(24).fill(1);
    const dow = a.dayOfWeek ?? new Array<number>(7).fill(1);
    const hSum = hod.reduce((x, y) => x + y, 0);
    const dSum = dow.reduce((x, y) => x + y, 0);
    const perWeek = a.perDay * 7 * a.multiplier;
    const ratePerMinute: number[] = [];
    for (let d = 0; d < 7; d++) for (let h = 0; h < 24; h++) ratePerMinute.push((perWeek * (dow[d]! / dSum) * (hod[h]! / hSum)) / 60);
    return {
      type: 'weekly',
      ratePerMinute,
      ...(a.surges && a.surges.length > 0 ? { surges: a.surges.flatMap((s) => surgeEveryYear(s, run)), surgeCeiling: surgeCeiling(a.surges) } : {}),
      ...(a.dayToDayCv !== undefined ? { dayToDayCv: a.dayToDayCv } : {}),
    };
  },
});

/**
 * The most the surges can raise the rate at any instant, whatever the horizon: 1 + each surge's extra once.
 * A surge's waves are at most 52 weeks (364 days) wide and their peaks a year (365 or 366 days) apart, so
 * two waves of one surge never overlap; waves of different surges may. The sum over the run's waves would
 * grow with the number of years the horizon touches and change every draw of the arrival process.
 */
function surgeCeiling(surges: readonly { extra: number }[]): number {
  return 1 + surges.reduce((sum, s) => sum + s.extra, 0);
}

/**
 * A yearly surge as one wave per year that touches the run (warm-up included), centred at noon of its
 * peak day; a 29 February peak falls on 1 March in other years, as Date does.
 */
function surgeEveryYear(s: { peak: string; weeks: number; extra: number }, run: { start: string; minutes: number }): ArrivalSurge[] {
  const [date, time] = run.start.split('T') as [string, string];
  const [y0, m0, d0] = date.split('-').map(Number) as [number, number, number];
  const startMs = Date.UTC(y0, m0 - 1, d0) + minutesOfDay(time) * 60_000;
  const [m, d] = s.peak.split('-').map(Number) as [number, number];
  const halfWidth = (s.weeks * 7 * 1440) / 2;
  const out: ArrivalSurge[] = [];
  const lastYear = y0 + Math.ceil(run.minutes / (365 * 1440)) + 1;
  for (let y = y0 - 1; y <= lastYear; y++) {
    const center = (Date.UTC(y, m - 1, d, 12) - startMs) / 60_000;
    if (center + halfWidth > 0 && center - halfWidth < run.minutes) out.push({ center, halfWidth, extra: s.extra });
  }
  return out;
}
