/**
 * Boarding: a patient waiting for a bed while holding a place elsewhere (an
 * ED cubicle). It begins when such a patient joins a queue at a step marked
 * `boarding` and ends when the bed is granted or the patient gives up; the
 * observers book the hours and their penalty.
 */
import type { RunObserver } from '../hospital/observer.js';
import type { PatientTable } from '../hospital/patients.js';

/** The patient starts boarding at `since` if the step boards and it holds something. */
export function startBoarding(patients: PatientTable, p: number, boarding: boolean, since: number): void {
  if (boarding && patients.held[p]!.length > 0) patients.boardingSince[p] = since;
}

/** The patient's boarding, if any, ends now. */
export function endBoarding(patients: PatientTable, observe: RunObserver, p: number): void {
  const since = patients.boardingSince[p]!;
  if (since !== since) return; // NaN: not boarding
  patients.boardingSince[p] = NaN;
  observe.boarded(p, since);
}
