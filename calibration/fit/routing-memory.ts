/**
 * Routing that remembers: the next step after a step, counted separately for
 * each set of `remember`ed activities a case has already had. A first-order
 * chain forgets that a case which met fluids before registration still has to
 * be registered; with memory the state is (this step, which of the remembered
 * steps are behind the case), and a case is routed as the log's cases in that
 * same state were. With nothing to remember every state is its step, and the
 * counts are the plain directly-follows counts (the report's routing table and
 * the validation's routing shares).
 */
import type { LogCase } from '../read/flow.js';
import { END, START } from './observations.js';

export interface RoutingState {
  /** The state's key: the step alone when nothing remembered is behind the case. */
  key: string;
  activity: string;
  /** The remembered activities the case has had on reaching this state (this one included), in `remember` order. */
  done: string[];
  /** How many times cases were in this state. */
  visits: number;
}

export interface StateTransitions {
  /** State key → next activity (or END) → count; START is the state before the first step. */
  transitions: Map<string, Map<string, number>>;
  /** Cases whose next step after this state is unknown (open when the log ends). */
  unknownNext: Map<string, number>;
  /** Every state a case was in, by key. */
  states: Map<string, RoutingState>;
}

export function stateKey(activity: string, done: readonly string[]): string {
  return done.length === 0 ? activity : `${activity}\u0001${done.join('\u0001')}`;
}

/** The state a case with `done` behind it is in once it moves on to `to`. */
export function nextState(done: readonly string[], to: string, remember: readonly string[]): { key: string; done: string[] } {
  const after = remember.includes(to) && !done.includes(to) ? remember.filter((r) => r === to || done.includes(r)) : [...done];
  return { key: stateKey(to, after), done: after };
}

export function observeStates(cases: readonly LogCase[], remember: readonly string[]): StateTransitions {
  const out: StateTransitions = { transitions: new Map(), unknownNext: new Map(), states: new Map() };
  const count = (from: string, to: string): void => {
    let row = out.transitions.get(from);
    if (!row) out.transitions.set(from, (row = new Map()));
    row.set(to, (row.get(to) ?? 0) + 1);
  };
  for (const c of cases) {
    let key = START;
    let done: string[] = [];
    for (const e of c.events) {
      count(key, e.activity);
      ({ key, done } = nextState(done, e.activity, remember));
      const state = out.states.get(key);
      if (state) state.visits++;
      else out.states.set(key, { key, activity: e.activity, done, visits: 1 });
    }
    if (c.open) out.unknownNext.set(key, (out.unknownNext.get(key) ?? 0) + 1);
    else count(key, END);
  }
  return out;
}

/**
 * Activities that a case has at most once (in at least 99% of the cases that have them): what the
 * report suggests remembering when the mapping remembers nothing.
 */
export function onceOnlyActivities(cases: readonly LogCase[]): string[] {
  const having = new Map<string, number>();
  const repeated = new Map<string, number>();
  for (const c of cases) {
    const seen = new Map<string, number>();
    for (const e of c.events) seen.set(e.activity, (seen.get(e.activity) ?? 0) + 1);
    for (const [a, n] of seen) {
      having.set(a, (having.get(a) ?? 0) + 1);
      if (n > 1) repeated.set(a, (repeated.get(a) ?? 0) + 1);
    }
  }
  return [...having]
    .filter(([a, n]) => (repeated.get(a) ?? 0) <= 0.01 * n)
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .map(([a]) => a);
}
