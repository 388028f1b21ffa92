/**
 * What a replication tells its observers (costs, figures, the trace,
 * snapshots, and anyone else), as simmer's monitor or Ciw's trackers. The
 * interpreter runs patients and says what happened (`RunObserver`: every
 * event); an `Observer` hears only the events it has a method for, keeps its
 * own books, decides for itself what counts (the warm-up, the end of the
 * horizon), and puts its own figures when the run closes. Patients are named
 * by slot (read the PatientTable for serial, class, pathway); resources and
 * items by index; times are the simulation's clock unless given.
 */
import type { Resource } from '../resources/resource.js';
import type { Simulation } from '../simulation.js';
import type { CostLedger } from './cost-ledger.js';
import type { HospitalModel } from './model.js';
import type { PatientTable } from './patients.js';
import type { HospitalRunOptions } from './run-options.js';
import type { StockRoom } from './stock-room.js';
import type { ExitKind } from './trace-words.js';
import type { KeptUses, UseLog } from './use-log.js';

/** Every event a replication reports: what the interpreter, the verbs and the holdings call. */
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
  /**
   * A branch of a split ended other than at its join (`how`: turned away, cancelled,
   * gave up, or a leave step): the branch ends, not the patient; what it held is given back.
   */
  branchEnded(p: number, how: ExitKind): void;
  /** A patient arrived at another site after a trip of `minutes` for `reason`, from pathway `from` to pathway `to`. */
  transferred(p: number, reason: string, from: number, to: number, minutes: number): void;
  /** A site's diversion rule came into force (`on`) or ended, at one of its reviews. */
  diversionChanged(site: string, on: boolean): void;
  /** A new arrival at `from`, on diversion, was sent to `to`, a trip of `minutes`. */
  diverted(p: number, from: string, to: string, minutes: number): void;
  /** A unit of `resource` broke down (`down`) or was repaired. */
  brokeDown(resource: number, down: boolean): void;
  /** A clinic session of class `classIndex` (its `session`-th) starts now, its doctor `minutes` late (0: on time). */
  doctorLate(classIndex: number, session: number, minutes: number): void;
}

/** What observers put into when the run closes: figures by stable id, and the snapshots when asked for. */
export interface RunFindings {
  figures: Record<string, number>;
  /** Patients in the hospital at times 0, every, 2·every, … */
  snapshots?: { every: number; inSystem: number[] };
}

/**
 * An observer: it hears the events it has a method for (and is not called for
 * the others), may start something when the run starts (an event on the hour),
 * and may put its findings when the run closes, after the last event.
 */
export type Observer = Partial<RunObserver> & {
  /** The run starts: after patients are placed, before the first event. */
  start?(): void;
  /** The run has ended: put your figures (and only yours). */
  close?(into: RunFindings): void;
  /**
   * The uses in batches, in order (use-log.ts), instead of `used` one by one: for
   * an observer whose uses read nothing but the use and the model, and whose
   * books from them are read only at the close. When every observer that hears
   * uses has this, they are kept and told so.
   */
  usedMany?(uses: KeptUses): void;
};

/** What an observer is built with: the replication's clock, model, resources, patients and books. */
export interface ObserverContext {
  readonly sim: Simulation;
  readonly model: HospitalModel;
  /** By model index. */
  readonly resources: readonly Resource[];
  readonly patients: PatientTable;
  /** The consumables: built after the observers, so read it when the run closes, not when built. */
  readonly stock: StockRoom;
  /** The run's cost ledger (the cost observer books into it; the result returns it). */
  readonly ledger: CostLedger;
  /** The uses not yet told (see `Observer.usedMany`). */
  readonly uses: UseLog;
  /** Figures count from the end of the warm-up to the end of the horizon. */
  readonly warmupEnd: number;
  readonly end: number;
}

/** Builds an observer for one replication, or null when the run does not want it. */
export type ObserverFactory = (run: ObserverContext, options: HospitalRunOptions) => Observer | null;
