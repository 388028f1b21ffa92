/**
 * A class's pathway as a Markov-style routing: a block of steps per activity
 * (seize its pool, hold its fitted duration, release; or a ward stay), then a
 * branch to the next activity with the log's probabilities; where the time
 * between two activities matters, a hold for it on the way. With routing
 * memory an activity has a block per state (which remembered activities are
 * behind the case), each branching with its own state's probabilities.
 *
 * One time per event (most hospital systems): activities are instants (a hold
 * of 0 that marks the event in the trace) and all time is between events; an
 * admission takes a ward bed that is kept until a release or the next admission.
 */
import type { Flow } from '../read/flow.js';
import { slug } from '../read/flow.js';
import { END, gapKey, START } from '../fit/observations.js';
import { nextState, type RoutingState } from '../fit/routing-memory.js';
import type { DurationFit } from '../fit/fit-duration.js';
import type { AttributeDurationFit, ClassFit } from './fit-class.js';
import type { DurationInput, StepInput } from './scenario-types.js';
import { bootstrapDuration } from './case-bootstrap.js';
import { uniqueIds } from './unique-ids.js';

export interface PathwayContext {
  flow: Flow;
  /** Pool id serving each timed activity (interval logs). */
  poolOf: Map<string, string>;
  /** Every ward id (released together at a release or before the next admission). */
  wards: string[];
}

/** The label of the transition hold for `from → to`, as it appears in a simulated trace. */
export function transitionActivity(from: string, to: string): string {
  return `${from} → ${to}`;
}

export function buildPathway(fit: ClassFit, ctx: PathwayContext): StepInput[] {
  const { flow } = ctx;
  const remember = flow.options.remember;
  const unique = uniqueIds();
  // Each activity has a block per routing state (one without memory); the most visited keeps the plain id.
  const statesOf = new Map<string, RoutingState[]>();
  for (const s of fit.states.values()) {
    const list = statesOf.get(s.activity);
    if (list) list.push(s);
    else statesOf.set(s.activity, [s]);
  }
  for (const list of statesOf.values()) list.sort((x, y) => y.visits - x.visits || (x.key < y.key ? -1 : 1));
  const blockId = new Map<string, string>();
  const base = (a: string): string => `a-${slug(a) || 'activity'}`;
  for (const a of fit.activities) for (const s of (statesOf.get(a) ?? []).slice(0, 1)) blockId.set(s.key, unique(base(a)));
  for (const a of fit.activities) for (const s of (statesOf.get(a) ?? []).slice(1)) blockId.set(s.key, unique(base(a)));
  const steps: StepInput[] = [];
  const pending: StepInput[][] = [];

  /** Where a route goes: straight to the next state's block, or to a hold for the time between. */
  const target = (from: RoutingState | null, to: string): string => {
    const fromActivity = from?.activity ?? START;
    const next = to === END ? '' : blockId.get(nextState(from?.done ?? [], to, remember).key)!;
    const gap = fit.gaps.get(gapKey(fromActivity, to));
    if (gap?.material && gap.fit) {
      const id = unique(`t-${from === null ? 'start' : slug(fromActivity)}--${to === END ? 'end' : slug(to)}`);
      const own = fit.caseTimes?.gaps.get(gapKey(fromActivity, to));
      const hold: StepInput = {
        hold: own ? bootstrapDuration(own, gap.fit.fit) : duration(gap.fit, flow.options.durationsBy),
        activity: transitionActivity(fromActivity, to),
      };
      const onward: StepInput = next === '' ? { leave: true } : { goto: next };
      // A case's own times carry their 0s: no point mass drawn apart.
      const p0 = own ? 0 : zeroShare(gap.fit);
      if (p0 > 0) {
        // The point mass at 0: with its probability the case goes straight on, with no time between.
        const after = unique(`${id}-0`);
        pending.push([{ branch: [{ p: floor6(p0), goto: after }], id }, hold, { ...onward, id: after }]);
      } else pending.push([{ ...hold, id }, onward]);
      return id;
    }
    return next;
  };

  /** A branch over the routes out of a state; the remainder goes to the most frequent route. */
  const route = (from: RoutingState | null): StepInput[] => {
    const routes = fit.stateRouting.from.get(from?.key ?? START) ?? [];
    if (routes.length === 0) return [{ leave: true }];
    const endRoute = routes.find((r) => r.to === END);
    const fallthrough = endRoute ?? routes[0]!;
    const options = routes.filter((r) => r !== fallthrough).map((r) => ({ p: floor6(r.p), goto: target(from, r.to) }));
    const last = target(from, fallthrough.to);
    const out: StepInput[] = [];
    if (options.length > 0) out.push({ branch: normalise(options) });
    out.push(last === '' ? { leave: true } : { goto: last });
    return out;
  };

  steps.push(...route(null));
  for (const a of fit.activities) {
    for (const s of statesOf.get(a) ?? []) {
      const { steps: block, join } = activityBlock(a, fit, ctx, unique);
      block[0] = { ...block[0]!, id: blockId.get(s.key)! } as StepInput;
      const onward = route(s);
      if (join !== undefined) onward[0] = { ...onward[0]!, id: join } as StepInput;
      steps.push(...block, ...onward);
    }
  }
  for (const p of pending) steps.push(...p);
  // A goto to the very next step says nothing: leave it out (no step refers to a goto by id).
  return steps.filter((s, i) => !('goto' in s && s.id === undefined && steps[i + 1]?.id === s.goto));
}

/** An activity's steps; `join`: the id the step after the block must carry (both ways through a point mass at 0 meet there). */
function activityBlock(a: string, fit: ClassFit, ctx: PathwayContext, unique: (id: string) => string): { steps: StepInput[]; join?: string } {
  const { flow } = ctx;
  const ward = flow.stayWard.get(a);
  const d = fit.durations.get(a) ?? null;
  const instant: StepInput = { hold: { type: 'constant', value: 0 }, activity: a };
  if (flow.log.kind === 'events') {
    if (ward) return { steps: [{ release: ctx.wards }, { seize: [ward.ward] }, instant] };
    if (flow.stayEnds.has(a)) return { steps: [{ release: ctx.wards }, instant] };
    return { steps: [instant] };
  }
  if (!d) return { steps: [instant] };
  const own = fit.caseTimes?.durations.get(a);
  const hold = own ? bootstrapDuration(own, d.fit) : duration(d, flow.options.durationsBy);
  const p0 = own ? 0 : zeroShare(d);
  // With a point mass at 0: a branch to a step of no time, else the fitted one; both meet at `join`.
  const either = (timed: StepInput, none: StepInput, after: StepInput[]): { steps: StepInput[]; join?: string } => {
    if (p0 === 0) return { steps: [timed, ...after] };
    const zero = unique(`z-${slug(a) || 'activity'}`);
    const join = unique(`j-${slug(a) || 'activity'}`);
    if (after.length === 0) return { steps: [{ branch: [{ p: floor6(p0), goto: zero }] }, timed, { goto: join }, { ...none, id: zero }], join };
    return {
      steps: [
        { branch: [{ p: floor6(p0), goto: zero }] },
        timed,
        { goto: join },
        { ...none, id: zero },
        { ...after[0]!, id: join } as StepInput,
        ...after.slice(1),
      ],
    };
  };
  const zeroHold: StepInput = { hold: { type: 'constant', value: 0 }, activity: a };
  if (ward) {
    // A stay step is traced as "stay:<ward>": only an activity of that name is reproduced by one.
    if (a === `stay:${ward.ward}`)
      return either({ stay: ward.ward, lengthOfStay: hold }, { stay: ward.ward, lengthOfStay: { type: 'constant', value: 0 } }, []);
    const b = either({ hold, activity: a }, zeroHold, [{ release: [ward.ward] }]);
    return { ...b, steps: [{ seize: [ward.ward] }, ...b.steps] };
  }
  const pool = ctx.poolOf.get(a);
  if (!pool) return either({ hold, activity: a }, zeroHold, []);
  const b = either({ hold, activity: a }, zeroHold, [{ release: [pool] }]);
  return { ...b, steps: [{ seize: [pool] }, ...b.steps] };
}

/** The scenario's duration: the chosen fit, or one per attribute value with the pooled fit for the rest. */
export function duration(f: AttributeDurationFit, by: string | undefined): DurationInput {
  if (by === undefined || f.byValue.size === 0) return f.fit.spec;
  // fromEntries makes own keys even of "__proto__", a value a log may hold.
  const cases: Record<string, DurationFit['spec']> = Object.fromEntries([...f.byValue].map(([v, fit]) => [v, fit.spec]));
  return { byAttribute: by, cases, otherwise: f.fit.spec };
}

/** The point mass at 0 of a duration (pooled over attribute values when it is drawn by attribute). */
export function zeroShare(f: AttributeDurationFit): number {
  return f.fit.zeroShare;
}

function floor6(p: number): number {
  return Math.floor(p * 1e6) / 1e6;
}

/** Rounded probabilities must not sum above 1 (the schema refuses it). */
function normalise(options: { p: number; goto: string }[]): { p: number; goto: string }[] {
  const total = options.reduce((s, o) => s + o.p, 0);
  if (total <= 1) return options;
  return options.map((o) => ({ ...o, p: floor6(o.p / total) }));
}
