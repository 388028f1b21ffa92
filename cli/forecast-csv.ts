import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../io/index.js';
import type { ForecastComparison, ForecastSummary, PatientForecast } from '../workers/index.js';
import { csvLine } from './csv.js';

/**
 * `forecast --csv DIR`: census.csv (ward, hour, time, beds, mean, p10, p50, p90,
 * chance full), ed.csv, booked.csv, overtime.csv, with --compare
 * differences.csv and with --patients patients.csv; each written whole or not at all.
 */
/** The files `forecast --csv` may write (checked before the run). */
export const FORECAST_CSV_FILES = ['census.csv', 'ed.csv', 'booked.csv', 'overtime.csv', 'differences.csv', 'patients.csv'] as const;

export async function writeForecastCsv(dir: string, s: ForecastSummary, c?: ForecastComparison, patients?: readonly PatientForecast[]): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files: [string, string][] = [];
  let text = csvLine(['ward', 'hour', 'time', 'beds', 'census_mean', 'census_p10', 'census_p50', 'census_p90', 'chance_full']);
  for (const w of s.wards) for (const h of w.byHour) text += csvLine([w.ward, h.hour, h.at, w.beds, h.mean, h.p10, h.p50, h.p90, h.pFull]);
  files.push(['census.csv', text]);
  text = csvLine([
    'hour',
    'time',
    'waiting_mean',
    'waiting_p10',
    'waiting_p50',
    'waiting_p90',
    'boarding_mean',
    'boarding_p10',
    'boarding_p50',
    'boarding_p90',
  ]);
  for (const h of s.ed.byHour)
    text += csvLine([
      h.hour,
      h.at,
      h.waiting.mean,
      h.waiting.p10,
      h.waiting.p50,
      h.waiting.p90,
      h.boarding.mean,
      h.boarding.p10,
      h.boarding.p50,
      h.boarding.p90,
    ]);
  files.push(['ed.csv', text]);
  text = csvLine([
    'booking',
    'class',
    'due',
    'chance_cancelled',
    'chance_cancelled_no_bed',
    'chance_cancelled_no_theatre',
    'chance_cancelled_no_stock',
    'chance_cancelled_other',
    'chance_bed_wait_over_1h',
    'mean_bed_wait_minutes',
    'planned_start',
    'chance_started_over_1h_after_planned_start',
    'chance_stock_wait_over_1h',
  ]);
  for (const b of s.booked)
    text += csvLine([
      b.booking,
      b.class,
      b.at,
      b.pCancelled,
      b.pCancelledForBed,
      b.pCancelledForTheatre,
      b.pCancelledForStock,
      b.pCancelledOther,
      b.pDelayedForBed,
      b.meanBedWaitMinutes,
      b.start ?? '',
      b.pDelayedForTheatre,
      b.pDelayedForStock,
    ]);
  files.push(['booked.csv', text]);
  text = csvLine(['staff', 'overtime_hours_before_midnight']);
  for (const o of s.overtimeToday) text += csvLine([o.staff, o.meanHours]);
  files.push(['overtime.csv', text]);
  if (c) {
    text = csvLine(['what', 'ward_or_booking', 'hour', 'time', 'difference_b_minus_a', 'ci95_low', 'ci95_high']);
    for (const w of c.wards) {
      for (const h of w.byHour) {
        text += csvLine(['census', w.ward, h.hour, h.at, h.census.mean, h.census.ci95[0], h.census.ci95[1]]);
        text += csvLine(['chance_full', w.ward, h.hour, h.at, h.pFull.mean, h.pFull.ci95[0], h.pFull.ci95[1]]);
      }
    }
    for (const h of c.edBoarding) text += csvLine(['ed_boarding', '', h.hour, h.at, h.difference.mean, h.difference.ci95[0], h.difference.ci95[1]]);
    for (const b of c.booked) text += csvLine(['chance_cancelled', b.booking, '', '', b.pCancelled.mean, b.pCancelled.ci95[0], b.pCancelled.ci95[1]]);
    text += csvLine(['overtime_hours_before_midnight', '', '', '', c.overtimeTodayHours.mean, c.overtimeTodayHours.ci95[0], c.overtimeTodayHours.ci95[1]]);
    files.push(['differences.csv', text]);
  }
  if (patients) {
    text = csvLine([
      'patient',
      'class',
      'ward_or_step',
      'waiting',
      'hours_in',
      'remaining_hours_mean',
      'remaining_hours_p10',
      'remaining_hours_p50',
      'remaining_hours_p90',
      'remaining_cost_mean',
      'remaining_cost_p10',
      'remaining_cost_p50',
      'remaining_cost_p90',
      'chance_leaves_today',
      'chance_leaves_tomorrow',
      'chance_still_in_at_cap',
    ]);
    for (const p of patients) {
      const h = p.remainingHours;
      const m = p.remainingCost;
      text += csvLine([
        p.patient,
        p.class,
        p.where,
        p.waiting ? 1 : 0,
        p.hoursIn,
        h.mean,
        h.p10,
        h.p50,
        h.p90,
        m.mean,
        m.p10,
        m.p50,
        m.p90,
        p.pLeaveToday,
        p.pLeaveTomorrow,
        p.pStillInAtCap,
      ]);
    }
    files.push(['patients.csv', text]);
  }
  for (const [name, content] of files) await writeFileAtomic(join(dir, name), content);
  return files.map(([name]) => join(dir, name));
}
