/**
 * The forecast in the sentences a bed meeting uses: per ward when it is
 * fullest (weekday and time), how many beds 80% likely taken then and the
 * chance of being full; the ED's busiest hour; discharges likely today and
 * tomorrow; the booked cases at risk. Pure functions of a state and a forecast,
 * so the live twin's forecasts read the same (see ForecastReport).
 */
import type { ForecastSummary, PatientForecast } from '../../../workers/index.js';
import { dateParts } from '../format/time.js';

const pad = (n: number): string => String(n).padStart(2, '0');
export const pct = (x: number): string => `${Math.round(x * 100)}%`;

/** "Wed 18:00": the weekday and time of hour `hour` of a forecast from `asOf`. */
export function whenText(asOf: string, hour: number): string {
  const p = dateParts(asOf.slice(0, 16), hour * 60);
  return `${p.weekdayName} ${pad(Math.floor(p.minuteOfDay / 60))}:${pad(p.minuteOfDay % 60)}`;
}

/** "Tue 3 Mar": the date of hour `hour` of a forecast from `asOf`. */
export function dateText(asOf: string, hour: number): string {
  const p = dateParts(asOf.slice(0, 16), hour * 60);
  return `${p.weekdayName} ${p.day} ${p.monthName}`;
}

type Ward = ForecastSummary['wards'][number];

/** The hour a ward is most likely full (the earliest such), or, if it is never full, the hour of its highest median. */
export function headlineHour(w: Ward): Ward['byHour'][number] {
  const byRisk = w.byHour.reduce((a, b) => (b.pFull > a.pFull ? b : a));
  return byRisk.pFull > 0 ? byRisk : w.byHour.reduce((a, b) => (b.p50 > a.p50 ? b : a));
}

export interface Discharges {
  today: number;
  tomorrow: number;
}

/** Expected discharges today and tomorrow of the patients in each ward (and of everyone, under ''). */
export function dischargesByWard(patients: readonly PatientForecast[]): Map<string, Discharges> {
  const out = new Map<string, Discharges>();
  for (const p of patients) {
    for (const key of [p.where, '']) {
      const d = out.get(key) ?? { today: 0, tomorrow: 0 };
      d.today += p.pLeaveToday;
      d.tomorrow += p.pLeaveTomorrow;
      out.set(key, d);
    }
  }
  return out;
}

/** "Medical wards, fullest around Wed 18:00: 80% likely 111–130 of 148 beds taken; 12% chance of being full then. About 14 discharges expected today, 18 tomorrow." */
export function wardHeadline(name: string, w: Ward, asOf: string, discharges?: Discharges): string {
  const h = headlineHour(w);
  const low = Math.floor(h.p10);
  const high = Math.ceil(h.p90);
  const range = low === high ? `${low}` : `${low}–${high}`;
  const full = h.pFull > 0 ? `${pct(h.pFull)} chance of being full then` : 'full in no replication';
  const now = Math.round(w.byHour[0]!.p50);
  const out = `${name}, fullest around ${whenText(asOf, h.hour)}: 80% likely ${range} of ${w.beds} beds taken (${now} now); ${full}.`;
  if (!discharges) return out;
  return `${out} About ${Math.round(discharges.today)} discharges expected today, ${Math.round(discharges.tomorrow)} tomorrow.`;
}

/** "Emergency department, busiest around Mon 14:00: 80% likely 4–12 patients waiting to be seen (3 now), 1–5 boarding for a ward bed." */
export function edHeadline(s: ForecastSummary): string {
  const peak = s.ed.byHour.reduce((a, b) => (b.waiting.p50 > a.waiting.p50 ? b : a));
  const range = (b: { p10: number; p90: number }): string => {
    const low = Math.floor(b.p10);
    const high = Math.ceil(b.p90);
    return low === high ? `${low}` : `${low}–${high}`;
  };
  return (
    `Emergency department, busiest around ${whenText(s.asOf, peak.hour)}: 80% likely ${range(peak.waiting)} patients waiting to be seen ` +
    `(${Math.round(s.ed.byHour[0]!.waiting.p50)} now), ${range(peak.boarding)} boarding for a ward bed.`
  );
}

/** A booked case counts as at risk from this chance of cancellation or of an hour's delay for a bed. */
export const AT_RISK = 0.1;

export function bookedRisk(b: ForecastSummary['booked'][number]): number {
  return b.pCancelled + b.pDelayedForBed;
}

/** "Booked cases: 71 in the next 72 h; 6 at risk (…); riskiest OR1-mon-general-1, Mon 07:30: 34% cancelled, 10% delayed over 1 h for a bed." */
export function bookedHeadline(s: ForecastSummary): string {
  if (s.booked.length === 0) return `Booked cases: none in the next ${s.hours} h.`;
  const atRisk = s.booked.filter((b) => bookedRisk(b) >= AT_RISK);
  const head = `Booked cases: ${s.booked.length} in the next ${s.hours} h; ${atRisk.length === 0 ? 'none' : atRisk.length} at risk (a ${pct(AT_RISK)} or higher chance of cancellation or of waiting over 1 h for a bed)`;
  if (atRisk.length === 0) return `${head}.`;
  const worst = atRisk.reduce((a, b) => (bookedRisk(b) > bookedRisk(a) ? b : a));
  // Local times both, read alike: only their difference is used.
  const hour = (Date.parse(`${worst.at}:00Z`) - Date.parse(`${s.asOf.slice(0, 16)}:00Z`)) / 3_600_000;
  return `${head}; riskiest ${worst.booking}, ${whenText(s.asOf, hour)}: ${pct(worst.pCancelled)} cancelled, ${pct(worst.pDelayedForBed)} delayed over 1 h for a bed.`;
}

/** "About 28 patients are likely to leave today (Mon 2 Mar) and 31 tomorrow (Tue 3 Mar)." */
export function dischargeHeadline(asOf: string, all: Discharges, likely: number): string {
  const midnight = (24 * 60 - dateParts(asOf.slice(0, 16), 0).minuteOfDay) / 60;
  return (
    `Discharges: about ${Math.round(all.today)} patients are likely to leave today (${dateText(asOf, 0)}) and ${Math.round(all.tomorrow)} tomorrow ` +
    `(${dateText(asOf, midnight)}); ${likely} of them with a chance of 50% or more (list below).`
  );
}
