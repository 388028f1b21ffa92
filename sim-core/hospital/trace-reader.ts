/**
 * The one reader of a hospital trace: rows of (time, entity, word, place) turned
 * into typed events, each word read through the vocabulary of trace-words.ts.
 * A word this reader does not know is refused by name, never skipped, so a new
 * word in the vocabulary is either read here or breaks loudly.
 *
 * Two ways in, one decoding: `readTrace` goes over a recorded trace (TraceData),
 * and `TraceReader` is itself a TraceRecorder, handed to a run so its events are
 * read as they happen and nothing is stored (the forecast's recorder).
 *
 * Readers run over whole traces, so nothing is allocated per row: each word has
 * one event object, refilled for every row of that word. Read it in the
 * callback and copy what you keep.
 */
import type { TraceData, TraceRecorder } from '../trace.js';
import {
  BRANCH_END_WORDS,
  completedExit,
  EXIT_KINDS,
  TRACE_ATTRIBUTE_PREFIX,
  TRACE_PLACED,
  TRACE_WORDS,
  type ExitKind,
  type TraceWordKey,
} from './trace-words.js';

interface Row<Kind extends string> {
  readonly kind: Kind;
  /** Minutes of simulated time. */
  readonly time: number;
  /** The patient's serial (its number by arrival); -1 for rows of no patient (breakdown, repair). */
  readonly patient: number;
  /** The place's index in the trace's place names (`whereNames`), for tables kept per place. */
  readonly place: number;
}

/** The patient arrived, or was placed in the model before time 0 (a snapshot's patient). */
export interface Arrived extends Row<'arrived'> {
  readonly klass: string;
  readonly placed: boolean;
}
/** One of the patient's attributes, written right after its arrival. */
export interface AttributeSet extends Row<'attribute'> {
  readonly name: string;
  readonly value: string;
}
/** The patient asks for a set of resources and waits for them (at the first of the set). */
export interface Requested extends Row<'requested'> {
  readonly resource: string;
}
export interface Seized extends Row<'seized'> {
  readonly resource: string;
}
export interface Released extends Row<'released'> {
  readonly resource: string;
}
/** A timed activity starts; a patient in a split may run several at once. */
export interface Started extends Row<'started'> {
  readonly activity: string;
}
/** The activity of this name ends. */
export interface Finished extends Row<'finished'> {
  readonly activity: string;
}
/** The patient found the item out of stock: it waits for a delivery, or is cancelled. */
export interface StockedOut extends Row<'stockOut'> {
  readonly item: string;
}
/** The patient's last row: how it left, at its class. */
export interface Left extends Row<'left'> {
  readonly klass: string;
  readonly exit: ExitKind;
  /** Whether it left by the end of its pathway. */
  readonly completed: boolean;
}
/** A branch of the patient's split ended other than at its join (how, as an exit would say): not the patient leaving. */
export interface BranchEnded extends Row<'branchEnded'> {
  readonly klass: string;
  readonly exit: ExitKind;
}
/** A room's cleaning after the patient's case ended (may come after the patient left). */
export interface TurnoverEnded extends Row<'turnoverEnded'> {
  readonly resource: string;
}
/** A unit of the resource broke down (patient -1). */
export interface BrokeDown extends Row<'brokeDown'> {
  readonly resource: string;
}
/** A broken unit of the resource is back (patient -1). */
export interface Repaired extends Row<'repaired'> {
  readonly resource: string;
}

export type TraceEvent =
  Arrived | AttributeSet | Requested | Seized | Released | Started | Finished | StockedOut | Left | BranchEnded | TurnoverEnded | BrokeDown | Repaired;
export type TraceEventKind = TraceEvent['kind'];

type Writable<T> = { -readonly [K in keyof T]: T[K] };
type Refillable = Writable<TraceEvent>;

const blank = { time: 0, patient: -1, place: -1 };

/** The event of each word that is not an exit, by the word's key: a word added to the vocabulary fails to compile until it is read here. */
const EVENT_OF_WORD: { readonly [K in Exclude<TraceWordKey, ExitKind>]: () => Refillable } = {
  arrive: () => ({ kind: 'arrived', ...blank, klass: '', placed: false }),
  request: () => ({ kind: 'requested', ...blank, resource: '' }),
  seize: () => ({ kind: 'seized', ...blank, resource: '' }),
  release: () => ({ kind: 'released', ...blank, resource: '' }),
  start: () => ({ kind: 'started', ...blank, activity: '' }),
  finish: () => ({ kind: 'finished', ...blank, activity: '' }),
  stockout: () => ({ kind: 'stockOut', ...blank, item: '' }),
  turnoverEnd: () => ({ kind: 'turnoverEnded', ...blank, resource: '' }),
  breakdown: () => ({ kind: 'brokeDown', ...blank, resource: '' }),
  repair: () => ({ kind: 'repaired', ...blank, resource: '' }),
};

const EVENT_BY_WORD = new Map<string, () => Refillable>([
  ...Object.entries(EVENT_OF_WORD).map(([key, make]) => [TRACE_WORDS[key as keyof typeof EVENT_OF_WORD], make] as const),
  ...EXIT_KINDS.map((exit) => {
    const word = TRACE_WORDS[exit];
    return [word, (): Refillable => ({ kind: 'left', ...blank, klass: '', exit, completed: completedExit(word) })] as const;
  }),
  ...EXIT_KINDS.map((exit) => [BRANCH_END_WORDS[exit], (): Refillable => ({ kind: 'branchEnded', ...blank, klass: '', exit })] as const),
  [TRACE_PLACED, () => ({ kind: 'arrived', ...blank, klass: '', placed: true })],
]);

/** The reusable event of a word, or an error naming a word the vocabulary does not have. */
function eventOfWord(word: string): Refillable {
  const make = EVENT_BY_WORD.get(word);
  if (make) return make();
  if (word.startsWith(TRACE_ATTRIBUTE_PREFIX)) return { kind: 'attribute', ...blank, name: word.slice(TRACE_ATTRIBUTE_PREFIX.length), value: '' };
  throw new Error(`the trace has the word "${word}", which is not in the trace's vocabulary (sim-core/hospital/trace-words.ts)`);
}

/** Reads rows as a run records them, calling `onEvent` with each as a typed event. */
export class TraceReader implements TraceRecorder {
  private readonly events: Refillable[] = [];
  private readonly wordIndex = new Map<string, number>();
  private readonly placeNames: string[] = [];
  private readonly placeIndex = new Map<string, number>();

  constructor(private readonly onEvent: (event: TraceEvent) => void) {}

  /** Refuses a word the vocabulary does not have, so a run recording one stops at once. */
  code(word: string): number {
    let i = this.wordIndex.get(word);
    if (i === undefined) {
      i = this.events.push(eventOfWord(word)) - 1;
      this.wordIndex.set(word, i);
    }
    return i;
  }

  place(name: string): number {
    let i = this.placeIndex.get(name);
    if (i === undefined) {
      i = this.placeNames.push(name) - 1;
      this.placeIndex.set(name, i);
    }
    return i;
  }

  record(time: number, entity: number, what: number, where: number): void {
    const e = this.events[what]!;
    const name = this.placeNames[where]!;
    e.time = time;
    e.patient = entity;
    e.place = where;
    switch (e.kind) {
      case 'arrived':
      case 'left':
      case 'branchEnded':
        e.klass = name;
        break;
      case 'attribute':
        e.value = name;
        break;
      case 'started':
      case 'finished':
        e.activity = name;
        break;
      case 'stockOut':
        e.item = name;
        break;
      default:
        e.resource = name;
    }
    this.onEvent(e);
  }
}

export interface ReadTraceOptions {
  /** Read only the rows at or before this minute (rows are in time order). */
  until?: number;
}

/** Reads a recorded trace in order, calling `onEvent` with each row as a typed event (the object is reused: copy what you keep). */
export function readTrace(trace: TraceData, onEvent: (event: TraceEvent) => void, options: ReadTraceOptions = {}): void {
  const reader = new TraceReader(onEvent);
  // Every word the trace coded is decoded first, so an unknown one is refused even if no row uses it.
  for (const word of trace.whatNames) reader.code(word);
  for (const name of trace.whereNames) reader.place(name);
  const until = options.until ?? Infinity;
  for (let i = 0; i < trace.length && trace.time[i]! <= until; i++) {
    reader.record(trace.time[i]!, trace.entity[i]!, trace.what[i]!, trace.where[i]!);
  }
}
