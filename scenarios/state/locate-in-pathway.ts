import { stepVerb, type StepModel } from '../../sim-core/index.js';

/** What a patient was seen to do, in trace order (its rows that move it along its pathway). */
export type PathEvent =
  | { what: 'start' | 'finish'; activity: string; at: number }
  | { what: 'request' | 'seize' | 'release'; resource: number; at: number }
  | { what: 'stock-out'; item: number; at: number }
  /** A branch of its split ended other than at its join (turned away, cancelled, gave up waiting). */
  | { what: 'branch-end'; at: number };

/** One place a patient is at now: in a timed step, waiting for a resource, or neither (between steps, waiting for stock). */
export interface PathPosition {
  /** Candidate step indices, in pathway order (usually one): timed steps when in one, waits (for resources or stock) when waiting. */
  steps: number[];
  /** In a timed step (true) or waiting for a resource or stock (false); null: neither (between steps, or at a stock wait it cannot name). */
  in: boolean | null;
  waitingForStock: boolean;
  /** When it began the step (or began waiting). */
  since: number;
  /** Resources (indices) held at this place: by the patient itself, or by this branch of a split. */
  held: number[];
}

/**
 * Where in its pathway a patient is, from what it has been seen to do. The
 * pathway is followed as a small automaton (simmer's trajectories read as a
 * graph), asking each step's verb where it leads and whether a patient can
 * stand there: steps that take no time pass through, a branch may go any way
 * it can (by the patient's attribute when it branches on one), each timed step
 * must match the next activity seen, and a split runs its branches as threads
 * of their own, the patient going on when all are done. Returns the places
 * the patient is at: one, or one per running branch of a split (what the
 * patient holds outside its branches is with the first).
 */
export function locateInPathway(steps: readonly StepModel[], attributeValue: (attribute: number) => number, events: readonly PathEvent[]): PathPosition[] {
  const follower = new Follower(steps, attributeValue);
  const root = follower.thread([0]);
  for (const e of events) follower.see(root, e);
  const leaves = root.children ?? [root];
  const open = leaves.filter((t) => !t.done);
  return open.map((t, k) => ({
    steps:
      t.activity ??
      (t.waiting
        ? t.frontier.waits.filter((s) => waitsFor(steps[s]!).includes(t.waiting!.resource))
        : t.waitingForStock
          ? t.frontier.stocks.filter((s) => stockOf(steps[s]!) === t.stockItem)
          : []),
    in:
      t.activity !== null
        ? true
        : t.waiting !== null || (t.waitingForStock && t.frontier.stocks.some((s) => stockOf(steps[s]!) === t.stockItem))
          ? false
          : null,
    waitingForStock: t.waitingForStock,
    since: t.since,
    held: t === root || k > 0 ? [...t.held] : [...root.held, ...t.held],
  }));
}

interface Frontier {
  activities: number[];
  waits: number[];
  /** Splits reached: the patient starts their branches there. */
  splits: number[];
  /** Steps that may wait for a delivery of stock (a consume). */
  stocks: number[];
}

interface Thread {
  frontier: Frontier;
  /** The candidate timed steps it is in now; null when in none. */
  activity: number[] | null;
  waiting: { resource: number } | null;
  waitingForStock: boolean;
  /** The item it waits for, while waitingForStock. */
  stockItem: number;
  since: number;
  held: number[];
  /** The running branches when the thread is at a split; null otherwise. */
  children: Thread[] | null;
  /** Where the thread goes on when its branches are done. */
  after: number;
  /** A branch that has reached its join. */
  done: boolean;
}

class Follower {
  constructor(
    private readonly steps: readonly StepModel[],
    private readonly attributeValue: (attribute: number) => number,
  ) {}

  thread(from: readonly number[]): Thread {
    const t: Thread = {
      frontier: this.closure(from),
      activity: null,
      waiting: null,
      waitingForStock: false,
      stockItem: -1,
      since: NaN,
      held: [],
      children: null,
      after: -1,
      done: false,
    };
    this.settle(t);
    return t;
  }

  see(root: Thread, e: PathEvent): void {
    const leaves = root.children ?? [root];
    const free = (t: Thread): boolean => !t.done && t.activity === null;
    if (e.what === 'start') {
      const t = leaves.find((x) => free(x) && x.frontier.activities.some((h) => activityOf(this.steps[h]!) === e.activity));
      if (!t) return;
      const matches = t.frontier.activities.filter((h) => activityOf(this.steps[h]!) === e.activity);
      t.activity = matches;
      t.since = e.at;
      t.waiting = null;
      t.waitingForStock = false;
      t.frontier = this.closure(matches.flatMap((h) => this.nextOf(h)));
    } else if (e.what === 'finish') {
      const t = leaves.find((x) => x.activity !== null && x.activity.some((h) => activityOf(this.steps[h]!) === e.activity));
      if (!t) return;
      t.activity = null;
      this.settle(t);
    } else if (e.what === 'request') {
      const t = leaves.find((x) => free(x) && x.frontier.waits.some((s) => waitsFor(this.steps[s]!).includes(e.resource))) ?? leaves.find((x) => free(x));
      if (!t) return;
      t.waiting = { resource: e.resource };
      t.since = e.at;
      t.waitingForStock = false;
    } else if (e.what === 'seize') {
      // Granted to the thread that asked (for it, or for a list it is in: a pooled bed); a placed patient's holdings (no request) are its own.
      const t =
        leaves.find((x) => x.waiting?.resource === e.resource) ??
        leaves.find((x) => x.waiting !== null && x.frontier.waits.some((s) => waitsFor(this.steps[s]!).includes(e.resource))) ??
        root;
      t.held.push(e.resource);
      if (t.waiting !== null) {
        t.waiting = null;
        this.settle(t);
      }
    } else if (e.what === 'release') {
      const t = [...leaves, root].find((x) => x.held.includes(e.resource));
      if (t) t.held.splice(t.held.indexOf(e.resource), 1);
    } else if (e.what === 'branch-end') {
      // The branch that could not go on: one waiting (for a resource or for stock), else one between steps.
      // Which of several waiting branches gave up the row does not say: the first is taken.
      if (root.children === null) return;
      const t = leaves.find((x) => free(x) && (x.waiting !== null || x.waitingForStock)) ?? leaves.find((x) => free(x));
      if (t) {
        t.done = true;
        t.waiting = null;
        t.waitingForStock = false;
      }
    } else if (e.what === 'stock-out') {
      const item = e.item;
      const t =
        leaves.find((x) => free(x) && x.waiting === null && x.frontier.stocks.some((s) => stockOf(this.steps[s]!) === item)) ??
        leaves.find((x) => free(x) && x.waiting === null);
      if (t) {
        t.waitingForStock = true;
        t.stockItem = item;
        t.since = e.at;
      }
    }
    if (root.children && root.children.every((c) => c.done)) {
      // Every branch joined: the patient goes on after the split.
      root.children = null;
      root.frontier = this.closure([root.after]);
      this.settle(root);
    }
  }

  /** A thread free of any step: it starts a split it has reached, or is done if its path ends. */
  private settle(t: Thread): void {
    if (t.activity !== null || t.waiting !== null) return;
    const { activities, waits, splits } = t.frontier;
    if (splits.length > 0 && t.children === null) {
      const s = this.steps[splits[0]!]!;
      const parallel = stepVerb(s).parallel!(s);
      t.after = parallel.after;
      t.children = parallel.branches.map((b) => this.thread([b]));
      return;
    }
    if (activities.length === 0 && waits.length === 0 && splits.length === 0) t.done = true;
  }

  private nextOf(i: number): readonly number[] {
    const s = this.steps[i]!;
    return stepVerb(s).next(s, i, this.attributeValue);
  }

  /** The timed steps, waits and splits reachable from `from` without passing a timed step (a wait may be granted at once). */
  private closure(from: readonly number[]): Frontier {
    const seen = new Set<number>();
    const activities = new Set<number>();
    const waits = new Set<number>();
    const splits = new Set<number>();
    const stocks = new Set<number>();
    const stack = [...from];
    while (stack.length > 0) {
      const i = stack.pop()!;
      if (seen.has(i) || i < 0 || i >= this.steps.length) continue;
      seen.add(i);
      const s = this.steps[i]!;
      const verb = stepVerb(s);
      if (verb.standing?.kind === 'activity') {
        activities.add(i);
        // A step the patient may also go straight past (a slot free at once) leads on as well.
        if (verb.standing.passable === true) stack.push(...verb.next(s, i, this.attributeValue));
        continue;
      }
      if (verb.parallel !== undefined) splits.add(i);
      if (verb.stockWait !== undefined) stocks.add(i);
      if (verb.standing?.kind === 'wait') waits.add(i);
      stack.push(...verb.next(s, i, this.attributeValue));
    }
    const order = (xs: Set<number>): number[] => [...xs].sort((a, b) => a - b);
    return { activities: order(activities), waits: order(waits), splits: order(splits), stocks: order(stocks) };
  }
}

function activityOf(s: StepModel): string | null {
  const standing = stepVerb(s).standing;
  return standing?.kind === 'activity' ? standing.activity(s) : null;
}

function stockOf(s: StepModel): number {
  return stepVerb(s).stockWait?.(s) ?? -1;
}

function waitsFor(s: StepModel): readonly number[] {
  const standing = stepVerb(s).standing;
  return standing?.kind === 'wait' ? standing.waitsFor(s) : [];
}
