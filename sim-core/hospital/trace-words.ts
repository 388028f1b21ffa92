/**
 * The words of a hospital trace, in one public place: what the interpreter
 * writes and what every reader (event-log export, validation, the viewer's
 * replay) reads, through trace-reader.ts's typed events: a new word here does
 * not compile until that reader reads it, and a new exit kind is read as an exit.
 * A patient's rows, by entity (its serial):
 *   arrive | placed (at the class)   attr:<name> (at the value)
 *   request, seize, release (at a resource)   start, finish (at an activity)
 *   stock-out (at an item)   then one exit word (at the class);
 *   branch-end:<exit word> (at the class) when a branch of a split ends other than at its join;
 *   turnover-end (at a room, when the cleaning after its case ends: may come after the exit).
 * Rows of no patient (entity -1): breakdown, repair (at a resource).
 */

/** The words by the name the interpreter uses for each, in the order every trace codes them. */
export const TRACE_WORDS = {
  arrive: 'arrive',
  request: 'request',
  seize: 'seize',
  release: 'release',
  start: 'start',
  finish: 'finish',
  leave: 'leave',
  leftUnseen: 'left-unseen',
  cancelled: 'cancelled',
  turnedAway: 'turned-away',
  stockout: 'stock-out',
  breakdown: 'breakdown',
  repair: 'repair',
  /** A room's cleaning after a case ended (at the room; entity: the patient whose case it was). */
  turnoverEnd: 'turnover-end',
} as const;

export type TraceWordKey = keyof typeof TRACE_WORDS;
export type TraceWord = (typeof TRACE_WORDS)[TraceWordKey];

/** A patient placed in the model before time 0 (instead of "arrive"); coded only in runs that place someone. */
export const TRACE_PLACED = 'placed';

/** The prefix of an attribute's word: "attr:<attribute name>", at the value's name. */
export const TRACE_ATTRIBUTE_PREFIX = 'attr:';

/** How a patient leaves: by the end of its pathway, or not. */
export const EXIT_KINDS = ['leave', 'leftUnseen', 'cancelled', 'turnedAway'] as const;
export type ExitKind = (typeof EXIT_KINDS)[number];

/** The exit words: the last row of every patient who left. */
export const EXIT_WORDS: ReadonlySet<string> = new Set(EXIT_KINDS.map((k) => TRACE_WORDS[k]));

/** Whether the exit word means the patient completed its pathway. */
export function completedExit(word: string): boolean {
  return word === TRACE_WORDS.leave;
}

/**
 * A branch of a split that ended other than at its join (turned away, cancelled,
 * gave up waiting, or a leave step in the branch): "branch-end:<exit word>" at the
 * class. The branch ends, not the patient: it is no exit. Coded only in runs where
 * one does, so a trace without any numbers its words as before.
 */
export const TRACE_BRANCH_END_PREFIX = 'branch-end:';

/** The word of a branch that ended as `exit`. */
export const BRANCH_END_WORDS: Readonly<Record<ExitKind, string>> = Object.fromEntries(
  EXIT_KINDS.map((k) => [k, `${TRACE_BRANCH_END_PREFIX}${TRACE_WORDS[k]}`]),
) as Record<ExitKind, string>;
