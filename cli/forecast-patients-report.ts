/**
 * `forecast --patients`: each patient of the state as a bed manager reads it.
 * The answer first (how many are likely to leave today and tomorrow), then
 * the list of likely discharges with their chances, then every patient with
 * the remaining stay and cost and their 80% intervals, shortest stay first.
 */
import { likelyDischarges, PATIENT_HORIZON_DAYS, type PatientForecast } from '../workers/index.js';
import { renderBlocks } from './text-table.js';

const pct = (p: number): string => `${Math.round(p * 100)}%`;
const hours = (h: number): string => (h >= 48 ? `${(h / 24).toFixed(1)} d` : `${h.toFixed(h < 10 ? 1 : 0)} h`);
const money = (x: number, currency: string): string => `${currency ? `${currency} ` : ''}${Math.round(x).toLocaleString('en')}`;
/** A patient still in at the cap in this share of replications or more is marked: its mean is a lower bound worth saying. */
const CAPPED = 0.1;
const when = (at: string | null): string => (at === null ? `over ${PATIENT_HORIZON_DAYS} days` : at.replace('T', ' '));

export function renderPatients(patients: readonly PatientForecast[], currency: string, replications: number): string {
  const out: string[] = [''];
  const today = patients.reduce((s, p) => s + p.pLeaveToday, 0);
  const tomorrow = patients.reduce((s, p) => s + p.pLeaveTomorrow, 0);
  const capped = patients.filter((p) => p.pStillInAtCap >= CAPPED).length;
  out.push(
    `Each of the ${patients.length} patients in the hospital (${replications} replications): about ${Math.round(today)} are expected to leave today ` +
      `and ${Math.round(tomorrow)} tomorrow. Remaining stay and cost: mean, and 80% of replications between the two figures.` +
      ` Stays are counted up to ${PATIENT_HORIZON_DAYS} days` +
      (capped > 0 ? `; ${capped} patient(s) were still in then in ${pct(CAPPED)} or more of replications (marked ≥: at least).` : '.'),
  );
  const likely = likelyDischarges(patients);
  out.push(
    renderBlocks(
      [
        {
          title: `Likely to leave today or tomorrow (a chance of 50% or more), likeliest first: ${likely.length} patient(s)`,
          rows: likely.map((p) => [p.patient, p.where, pct(p.pLeaveToday), pct(p.pLeaveTomorrow), when(p.likelyLeaveAt)]),
        },
      ],
      [false, false, true, true, false],
      ['patient', 'ward or step', 'leaves today', 'tomorrow', 'most likely at'],
    ),
  );
  const byStay = [...patients].sort((a, b) => a.remainingHours.mean - b.remainingHours.mean);
  out.push(
    renderBlocks(
      [
        {
          title: 'Every patient, shortest expected remaining stay first',
          rows: byStay.map((p) => [
            p.patient,
            p.class,
            `${p.where}${p.waiting ? ' (waiting)' : ''}`,
            hours(p.hoursIn),
            `${p.pStillInAtCap >= CAPPED ? '≥ ' : ''}${hours(p.remainingHours.mean)}`,
            `${hours(p.remainingHours.p10)}–${hours(p.remainingHours.p90)}`,
            money(p.remainingCost.mean, currency),
            `${money(p.remainingCost.p10, currency)}–${money(p.remainingCost.p90, currency)}`,
            pct(p.pLeaveToday),
            pct(p.pLeaveTomorrow),
          ]),
        },
      ],
      [false, false, false, true, true, true, true, true, true, true],
      ['patient', 'class', 'ward or step', 'in for', 'remaining stay', '80% interval', 'remaining cost', '80% interval', 'leaves today', 'tomorrow'],
    ),
  );
  return `${out.join('\n')}\n`;
}
