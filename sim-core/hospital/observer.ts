/**
 * What a replication tells its observers (costs, figures, the trace,
 * snapshots, and anyone else): one small interface, as simmer's monitor or
 * JaamSim's trace listener. The interpreter runs patients and says what
 * happened; each observer keeps its own books and decides for itself what
 * counts (the warm-up, the end of the horizon). Patients are named by slot
 * (read the PatientTable for serial, class, pathway); resources and items by
 * index; times are the simulation's clock unless given.
 */
import type { ExitKind } from './trace-words.js';

export interface RunObserver {
  /** A patient arrived (its attributes drawn). */
  arrived(p: number, classIndex: number): void;
  /** A patient was placed in the model before time 0 (its attributes set). */
  placed(p: number, classIndex: number): void;
  /** A patient asks for a set of resources; `first` is the set's first. */
  requested(p: number, first: number): void;
  /** Patient `p`'s wait at a seize step ended (granted, or given up), `minutes` long. */
  waited(p: number, pathway: number, step: number, minutes: number): void;
  /** A patient took a unit of `resource`. */
  seized(p: number, resource: number): void;
  /** A patient gave back (or left for cleaning) a unit of `resource`. */
  released(p: number, resource: number): void;
  /** A room's cleaning after patient `serial` ended; it is free again. */
  turnoverEnded(serial: number, resource: number): void;
  /** A timed activity began or ended. */
  started(p: number, activity: string): void;
  finished(p: number, activity: string): void;
  /** A consumable ran out when the patient asked for it. */
  stockOut(p: number, item: number): void;
  /** The patient used `quantity` units of `item`. */
  consumed(p: number, item: number, quantity: number): void;
  /**
   * A unit of `resource` was busy for patient `serial` on `pathway` from
   * `from` to now; `grantedAt` and `requestedAt` are its claim's.
   */
  used(serial: number, pathway: number, resource: number, from: number, grantedAt: number, requestedAt: number): void;
  /** A patient waited for a bed holding a place elsewhere from `since` to now. */
  boarded(p: number, since: number): void;
  /** An ED patient's time in the ED ended (admitted or discharged), `minutes` after arrival. */
  leftEd(p: number, minutes: number): void;
  /** How a patient is about to leave other than by completing its pathway (before anything is given back). */
  turnedAway(p: number): void;
  leftUnseen(p: number): void;
  cancelled(p: number): void;
  /** The patient left (`completed`: by the end of its pathway); everything it held is given back. */
  left(p: number, how: ExitKind, completed: boolean): void;
  /** A unit of `resource` broke down (`down`) or was repaired. */
  brokeDown(resource: number, down: boolean): void;
}

/** An observer that hears nothing: extend it and override what you need. */
export class QuietObserver implements RunObserver {
  arrived(_p: number, _c: number): void {}
  placed(_p: number, _c: number): void {}
  requested(_p: number, _first: number): void {}
  waited(_p: number, _pathway: number, _step: number, _minutes: number): void {}
  seized(_p: number, _r: number): void {}
  released(_p: number, _r: number): void {}
  turnoverEnded(_serial: number, _r: number): void {}
  started(_p: number, _activity: string): void {}
  finished(_p: number, _activity: string): void {}
  stockOut(_p: number, _item: number): void {}
  consumed(_p: number, _item: number, _quantity: number): void {}
  used(_serial: number, _pathway: number, _r: number, _from: number, _grantedAt: number, _requestedAt: number): void {}
  boarded(_p: number, _since: number): void {}
  leftEd(_p: number, _minutes: number): void {}
  turnedAway(_p: number): void {}
  leftUnseen(_p: number): void {}
  cancelled(_p: number): void {}
  left(_p: number, _how: ExitKind, _completed: boolean): void {}
  brokeDown(_r: number, _down: boolean): void {}
}
