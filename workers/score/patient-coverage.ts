/**
 * How often each patient's 80% interval of remaining stay (forecast
 * --patients: p10 to p90 over the replications) held when the patient really
 * left. Stays are counted up to the forecast's cap (a patient still in then
 * counts as leaving at it), so a truth beyond the cap is taken at the cap. A
 * patient the truth does not see leave is scored only if it was still in
 * past the interval's top (then it is above it); otherwise left out, counted.
 *
 * The share is pooled over every (forecast, patient). Its standard error is
 * over forecasts when there are two or more (patients of one moment share
 * its future: a ratio of means, delta method), else binomial over patients.
 */
import { localMinutes } from '../../scenarios/index.js';
import { PATIENT_HORIZON_DAYS } from '../forecast/patient-outcomes.js';
import { meanAndSe, type Estimate } from './mean-and-se.js';
import { ratioOfMeans } from './ratio-of-means.js';

/** A patient's remaining stay as the forecast gave it, hours from its moment. */
export interface PatientInterval {
  /** The state's id for the patient (a state read from a trace names them "P<serial>"). */
  patient: string;
  class: string;
  remainingHours: { mean: number; p10: number; p50: number; p90: number };
}

/** When a patient left, as the truth tells it. */
export type PatientLeaving = { leftAt: number } | { stillInAt: number } | undefined;

export interface PatientCoverage {
  /** (forecast, patient) pairs scored, and those left out (the truth did not say). */
  scored: number;
  unknown: number;
  /** Share whose real remaining stay fell within p10–p90; below p10; above p90. */
  coverage80: Estimate;
  below: Estimate;
  above: Estimate;
  /**
   * Mean of (forecast mean − real remaining stay), hours, both cut at the cap, over the patients whose stay is known
   * (left, or still in at the cap; not those the truth loses sight of earlier), ± se over patients.
   */
  meanErrorHours: Estimate;
  byClass: { class: string; scored: number; coverage80: Estimate }[];
}

type Forecast = { asOf: string; patients: readonly PatientInterval[] };
type Outcome = { forecast: number; class: string; where: -1 | 0 | 1; error: number };

export function scorePatientIntervals(forecasts: readonly Forecast[], leaving: (patient: string) => PatientLeaving): PatientCoverage {
  const cap = PATIENT_HORIZON_DAYS * 24;
  const outcomes: Outcome[] = [];
  let unknown = 0;
  forecasts.forEach((f, k) => {
    const asOf = localMinutes(f.asOf.slice(0, 16));
    for (const p of f.patients) {
      const truth = leaving(p.patient);
      const { p10, p90, mean } = p.remainingHours;
      let y: number;
      if (truth && 'leftAt' in truth) y = Math.min(cap, Math.max(0, (truth.leftAt - asOf) / 60));
      else if (truth && (truth.stillInAt - asOf) / 60 > p90) y = Math.min(cap, (truth.stillInAt - asOf) / 60);
      else {
        unknown++;
        continue;
      }
      const where = y < p10 ? -1 : y > p90 ? 1 : 0;
      // The stay is known if the patient left, or was still in at the cap (both sides count it as leaving then).
      const known = 'leftAt' in truth || y >= cap;
      outcomes.push({ forecast: k, class: p.class, where, error: known ? mean - y : NaN });
    }
  });
  const share = (rows: readonly Outcome[], test: (o: Outcome) => boolean): Estimate => {
    const hits = Float64Array.from(rows, (o) => (test(o) ? 1 : 0));
    const clusters = new Set(rows.map((o) => o.forecast));
    if (clusters.size < 2) {
      const e = meanAndSe(hits);
      // Binomial: √(p(1 − p)/n), the same as the sample's s/√n but for its n − 1.
      const se = rows.length > 0 ? Math.sqrt((e.value * (1 - e.value)) / rows.length) : NaN;
      return { ...e, se, ci95: [e.value - 1.96 * se, e.value + 1.96 * se] };
    }
    const byForecast = [...clusters].map((k) => rows.filter((o) => o.forecast === k));
    return ratioOfMeans(
      byForecast.map((r) => r.filter(test).length),
      byForecast.map((r) => r.length),
    );
  };
  const classes = [...new Set(outcomes.map((o) => o.class))].sort();
  return {
    scored: outcomes.length,
    unknown,
    coverage80: share(outcomes, (o) => o.where === 0),
    below: share(outcomes, (o) => o.where < 0),
    above: share(outcomes, (o) => o.where > 0),
    meanErrorHours: meanAndSe(Float64Array.from(outcomes, (o) => o.error)),
    byClass: classes.map((c) => {
      const rows = outcomes.filter((o) => o.class === c);
      return { class: c, scored: rows.length, coverage80: share(rows, (o) => o.where === 0) };
    }),
  };
}
