/**
 * The log's own standard errors when a patient can have several cases (MIMIC:
 * one patient has 13 admissions): cases of one patient are not independent, so
 * the formulas that treat them as such are too narrow. Instead: resample the
 * patients with replacement (each with all their cases), summarise each
 * resample as the log is summarised, and take each figure's standard deviation
 * over the resamples (the cluster bootstrap; Davison & Hinkley 1997, §3.8).
 */
import { createStream } from '../../sim-core/index.js';
import type { Flow, LogCase } from '../read/flow.js';
import { summarise, type FigureDefinition } from './summary.js';

/** Enough for a standard error to about ±5% (its relative error is about 1/√(2B)). */
export const PATIENT_RESAMPLES = 200;

/** Each figure's standard error over patient resamples (NaN where a resample cannot give it). */
export function patientStandardErrors(
  flow: Flow,
  defs: readonly FigureDefinition[],
  patientBy: string,
  seed: number | string,
  resamples = PATIENT_RESAMPLES,
): number[] {
  const byPatient = new Map<string, LogCase[]>();
  for (const c of flow.cases) {
    const key = c.attributes[patientBy] ?? `case:${c.id}`;
    const list = byPatient.get(key);
    if (list) list.push(c);
    else byPatient.set(key, [c]);
  }
  const patients = [...byPatient.values()];
  const rng = createStream(seed, 'validation:patient-bootstrap');
  const values: number[][] = defs.map(() => []);
  for (let b = 0; b < resamples; b++) {
    const cases: LogCase[] = [];
    for (let i = 0; i < patients.length; i++) cases.push(...patients[Math.floor(rng.next() * patients.length)]!);
    // Occupancy needs every hour of the window (slow) and, by patient, no resampling: the log's batch means stay.
    const s = summarise({ ...flow, cases }, { occupancy: false });
    defs.forEach((d, k) => {
      if (d.group === 'Occupancy') return;
      const v = (d.ofLog ?? d.of)(s).value;
      if (Number.isFinite(v)) values[k]!.push(v);
    });
  }
  return values.map((xs) => {
    if (xs.length < resamples / 2) return NaN;
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    return Math.sqrt(xs.reduce((a, b) => a + (b - m) * (b - m), 0) / (xs.length - 1));
  });
}

/** How many patients and cases, for the report. */
export function patientCount(cases: readonly LogCase[], patientBy: string): number {
  return new Set(cases.map((c) => c.attributes[patientBy] ?? `case:${c.id}`)).size;
}
