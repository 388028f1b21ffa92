/**
 * Each patient of the state as a bed manager asks about them: how much longer
 * in hospital (hours) and what it will still cost, each as a mean with an 80%
 * interval (p10 to p90 across replications), and the chance of leaving today
 * (before midnight) and tomorrow. A patient still in at the cap
 * (PATIENT_HORIZON_DAYS) counts as leaving then: the share is given, and the
 * mean and interval are then "at least".
 */
import { formatLocal, localMinutes, type HospitalState } from '../../scenarios/index.js';
import { band, type Band } from './summarise-forecast.js';
import { PATIENT_HORIZON_DAYS } from './patient-outcomes.js';
import type { ForecastReplication } from './forecast-recorder.js';

export interface PatientForecast {
  /** The state's id for the patient, or its row ("patients[3]"). */
  patient: string;
  class: string;
  /** The ward whose bed it is in, else the step it is at (or waits at). */
  where: string;
  waiting: boolean;
  /** Hours since the patient arrived, at asOf. */
  hoursIn: number;
  /** Remaining stay in hours (never below 0). */
  remainingHours: Band;
  /** Remaining cost, in the scenario's currency (never below 0). */
  remainingCost: Band;
  /** Chance of leaving before midnight of asOf's day, and on the day after. */
  pLeaveToday: number;
  pLeaveTomorrow: number;
  /** Share of replications in which the patient was still in at the cap (then the figures above are lower bounds). */
  pStillInAtCap: number;
  /** The most likely local date-time of leaving (the median), or null if the median is past the cap. */
  likelyLeaveAt: string | null;
}

export function summarisePatients(state: HospitalState, reps: readonly ForecastReplication[]): PatientForecast[] {
  const followed = reps.flatMap((r) => (r.patients ? [r.patients] : []));
  if (followed.length === 0) return [];
  const asOf = localMinutes(state.asOf.slice(0, 16));
  const cap = PATIENT_HORIZON_DAYS * 1440;
  // Minutes from asOf to the next midnight, and to the one after.
  const midnight = 1440 - (asOf % 1440);
  return state.patients.map((p, k) => {
    const leftAt = followed.map((r) => r.leftAt[k]!);
    const minutes = leftAt.map((t) => (Number.isNaN(t) ? cap : Math.max(0, t)));
    const hours = band(minutes.map((m) => m / 60));
    const share = (test: (t: number) => boolean): number => leftAt.filter((t) => !Number.isNaN(t) && test(t)).length / followed.length;
    return {
      patient: p.id ?? state.patientPaths[k] ?? `patients[${k}]`,
      class: p.class,
      where: p.ward ?? p.step,
      waiting: p.waiting,
      hoursIn: Math.max(0, asOf - localMinutes(p.arrived)) / 60,
      remainingHours: hours,
      remainingCost: band(followed.map((r) => Math.max(0, r.cost[k]!))),
      pLeaveToday: share((t) => t < midnight),
      pLeaveTomorrow: share((t) => t >= midnight && t < midnight + 1440),
      pStillInAtCap: leftAt.filter((t) => Number.isNaN(t)).length / followed.length,
      likelyLeaveAt: hours.p50 * 60 >= cap ? null : formatLocal(asOf + hours.p50 * 60),
    };
  });
}

/** The bed manager's list: patients likely to leave today or tomorrow, likeliest first. */
export function likelyDischarges(patients: readonly PatientForecast[], atLeast = 0.5): PatientForecast[] {
  return patients
    .filter((p) => p.pLeaveToday + p.pLeaveTomorrow >= atLeast)
    .sort((a, b) => b.pLeaveToday - a.pLeaveToday || b.pLeaveTomorrow - a.pLeaveTomorrow);
}
