/**
 * A step verb of the pathway interpreter: its step's model type lives in its
 * own file with the handler that runs it; the table in index.ts lists them.
 * The interpreter knows no verb by name: `advance` asks the step's runner what
 * comes next.
 */
import type { Holdings } from '../hospital/holdings.js';
import type { EdClock } from '../hospital/ed-clock.js';
import type { RunObserver } from '../hospital/observer.js';
import type { PatientTable } from '../hospital/patients.js';
import type { StockRoom } from '../hospital/stock-room.js';
import type { ExitKind } from '../hospital/trace-words.js';
import type { DistributionSpec } from '../random/distributions/index.js';
import type { RandomStream } from '../random/stream.js';
import type { ClaimBook } from '../resources/claim-book.js';
import type { Resource } from '../resources/resource.js';
import type { Roster } from '../resources/roster.js';
import type { Simulation } from '../simulation.js';

/** What a runner returns when the patient goes no further for now (it waits, or left). */
export const WAIT = -1;

/** The shape of a pathway as verbs see it: each verb reads its own steps. */
export interface PathwayShape {
  readonly name: string;
  readonly steps: readonly { readonly op: string }[];
}

/**
 * The compiled model as verbs read it: the parts of HospitalModel they use
 * (named here so that verbs need not import the hospital's model, which
 * imports the verbs' step types).
 */
export interface ModelView {
  readonly classes: readonly { readonly priority: number }[];
  readonly resources: readonly {
    readonly roster?: Roster;
    readonly overrun?: 'startAnyway' | 'cancel';
    readonly emergencyOnly?: boolean;
    readonly bumpedElective?: 'cancel' | 'move';
  }[];
  /** The minute of the week time 0 is (rosters are by minute of week). */
  readonly startMinuteOfWeek: number;
}

/** One replication, as its verbs see it. */
export interface Run {
  readonly sim: Simulation;
  readonly book: ClaimBook;
  readonly resources: readonly Resource[];
  readonly patients: PatientTable;
  readonly observe: RunObserver;
  readonly holdings: Holdings;
  readonly ed: EdClock;
  readonly stock: StockRoom;
  readonly pathways: readonly PathwayShape[];
  /** The compiled model, read-only: each verb builds the run-time data it needs from it. */
  readonly model: ModelView;
  /** The replication's random stream for a named source (the replication's number is appended). */
  stream(name: string): RandomStream;
  /** The patient goes on at step `next` (after a wait ended). */
  proceed(p: number, next: number): void;
  /** The patient leaves: everything held is given back. */
  exit(p: number, how: ExitKind, completed: boolean): void;
  /** The patient's case is cancelled (a penalty), and it leaves. */
  cancel(p: number): void;
}

/** The verb's work in one replication: built once per replication, then run for every patient at one of its steps. */
export interface StepRunner<S> {
  /** Does the step for patient `p` at step index `i`; returns the next step's index, or WAIT. */
  run(p: number, step: S, i: number): number;
  /**
   * A patient placed at this step before time 0 carries on, having begun it at `since`; absent: as `run`.
   * `heading`: for a patient placed on a trip (see `Verb.trip`), the index of the destination it is going to; -1: not known.
   */
  resume?(p: number, step: S, i: number, since: number, heading: number): number;
}

/**
 * How a patient stands at a step while time passes: in a timed activity (the
 * trace's start and finish rows name it), or waiting for resources (the trace's
 * request row names one of them). A step that never takes time has none.
 */
export type Standing<S> =
  | {
      readonly kind: 'activity';
      /** The activity the trace's start and finish rows name. */
      activity(step: S): string;
      /** The names a person may call the step by in a state; the first is the one written. */
      names(step: S): readonly string[];
      /** A patient may also go straight past the step without standing in it (a shared device's slot free at once). */
      readonly passable?: boolean;
    }
  | {
      readonly kind: 'wait';
      /** The resources the patient waits for here (one of them, or all). */
      waitsFor(step: S): readonly number[];
      /** The names a person may call the step by in a state (the id of its wait figure); the first is the one written. */
      names(step: S): readonly string[];
    };

/** Branches that run at once from a step (a split), and the step the patient goes on at when all are done. */
export interface Parallel {
  readonly branches: readonly number[];
  readonly after: number;
}

export interface Verb<S extends { op: string }> {
  readonly op: S['op'];
  /** Builds the verb's runner for one replication (its streams, samplers, event kinds). */
  create(run: Run): StepRunner<S>;
  /**
   * The steps a patient at step `i` may go to when done here (after the time it
   * spends, if it stands here): one, or several it may take (a branch).
   * `attributeValue` is the patient's value index of an attribute, -1 when
   * unknown (then every way it may go). Empty: its path ends here (it leaves,
   * a branch joins) or splits (see `parallel`).
   */
  next(step: S, i: number, attributeValue: (attribute: number) => number): readonly number[];
  /** How a patient stands here while time passes; absent: never (the step takes no time). */
  readonly standing?: Standing<S>;
  /** Branches this step starts at once (a split); absent for a step that does not split. */
  parallel?(step: S): Parallel;
  /**
   * A patient may stand here waiting for a delivery of a stock item (model
   * index): the trace's stock-out row names the item; a state names the step
   * "stock:<item>". Absent for a step that never waits for stock.
   */
  stockWait?(step: S): number;
  /**
   * For a case's path drawn ahead of any run (the theatre schedule's sample
   * averages): the time a patient spends here, given its attributes (as
   * `next` reads them); absent or null: none known ahead (no time, or a wait).
   */
  duration?(step: S, attributeValue: (attribute: number) => number): DistributionSpec | null;
  /** The resources a patient holds after this step, given those held before; absent: the same. */
  heldAfter?(step: S, held: readonly number[]): readonly number[];
  /**
   * A step whose timed part is a trip to another site (a transfer, a diversion): its destinations, each a
   * site and the pathway the patient goes on at there, in the step's order (what `resume`'s `heading` indexes).
   */
  trip?(step: S): readonly { readonly site: string; readonly pathway: number }[];
  /** Pathways a patient goes on at from here at once, without standing here (a diversion not in force: its own); absent: none. */
  passOn?(step: S): readonly number[];
  /** The way a case goes on, drawn by the step's own chances with `u` uniform in [0, 1); absent: the first of `next`. */
  drawNext?(step: S, i: number, u: number): number;
}

/** The step after this one: what most verbs lead to. */
export function nextStep(_step: unknown, i: number): readonly number[] {
  return [i + 1];
}

/**
 * The stream name of the n-th step of a kind in a pathway: "<pathway>/<label>",
 * then "#2", "#3" for repeats. Each source of randomness has its own stream,
 * named by what it is, so that changing one part of a scenario leaves the
 * others' numbers alone: that is what makes common random numbers work.
 */
export function occurrenceNames(pathway: PathwayShape, label: (step: { op: string }) => string | null): (string | null)[] {
  const seen = new Map<string, number>();
  return pathway.steps.map((s) => {
    const l = label(s);
    if (l === null) return null;
    const k = (seen.get(l) ?? 0) + 1;
    seen.set(l, k);
    return `${pathway.name}/${l}${k > 1 ? `#${k}` : ''}`;
  });
}
