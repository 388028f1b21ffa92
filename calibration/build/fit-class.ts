/**
 * Everything fitted for one patient class: arrivals, routing, each activity's
 * duration, the time between each pair of steps where it matters, and the
 * attribute mix, each fit kept with its diagnostics for the report.
 */
import type { Flow, LogCase } from '../read/flow.js';
import { fitArrivals, type ArrivalFit } from '../fit/arrivals.js';
import { fitDuration, type DurationFit, type FitOptions } from '../fit/fit-duration.js';
import { END, gapKey, observe, START, type Observation, type Observations } from '../fit/observations.js';
import { fitRouting, type Routing } from '../fit/routing.js';
import { observeStates, type RoutingState } from '../fit/routing-memory.js';
import { caseTimes, type CaseTimes } from './case-bootstrap.js';

/** A fit, and when the mapping asks for it (`durationsBy`), one per attribute value with enough observations. */
export interface AttributeDurationFit {
  fit: DurationFit;
  byValue: Map<string, DurationFit>;
}

export interface GapFit {
  from: string;
  to: string;
  n: number;
  /** The time between the two steps matters (else the model goes straight on). */
  material: boolean;
  fit: AttributeDurationFit | null;
}

export interface ClassFit {
  name: string;
  cases: LogCase[];
  observations: Observations;
  arrivals: ArrivalFit;
  /** Next step after each step, pooled over what came before (the report's table). */
  routing: Routing;
  /** What the scenario routes by: next step after each state (a step, and the remembered steps behind the case). */
  stateRouting: Routing;
  states: Map<string, RoutingState>;
  /** Activities in the order a case usually meets them. */
  activities: string[];
  /** Interval logs: each activity's own duration (null: an instant). */
  durations: Map<string, AttributeDurationFit | null>;
  gaps: Map<string, GapFit>;
  attributes: Record<string, { values: string[]; weights: number[] }>;
  /** Each logged case's own times, when the mapping draws a case's times together (`times: caseBootstrap`). */
  caseTimes: CaseTimes | null;
}

/**
 * Attributes with more distinct values than this are not put in the scenario (they would be ids, not groups),
 * unless read from a case table: those are groups the mapping asked for (127 DRGs in MIMIC's demo).
 */
const MAX_ATTRIBUTE_VALUES = 50;

export function fitClass(flow: Flow, name: string, cases: LogCase[]): ClassFit {
  const options = flow.options;
  const o = observe(flow, cases);
  const fitOptions: FitOptions = { minFit: options.minFit, choose: options.choose, resolution: flow.log.resolution };
  const by = options.durationsBy;
  const fitBy = (obs: readonly Observation[]): AttributeDurationFit => fitByAttribute(obs, by, fitOptions);
  const plain = observeStates(cases, []);
  const routing = fitRouting(plain.transitions, plain.unknownNext, options.minTransitions);
  // Without memory every state is its step: the plain routing is the scenario's.
  const memory = options.remember.length > 0 ? observeStates(cases, options.remember) : plain;
  const pooled = (state: string, to: string): number => plain.transitions.get(memory.states.get(state)?.activity ?? state)?.get(to) ?? 0;
  const stateRouting = memory === plain ? routing : fitRouting(memory.transitions, memory.unknownNext, options.minTransitions, pooled);

  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Infinity;
  const named = new Set<string>();
  for (const [from, routes] of routing.from) {
    named.add(from);
    for (const r of routes) named.add(r.to);
  }
  for (const a of routing.unknownNext.keys()) named.add(a);
  const activities = [...named]
    .filter((a) => a !== START && a !== END)
    .sort((a, b) => median(o.timeToFirst.get(a) ?? []) - median(o.timeToFirst.get(b) ?? []) || (a < b ? -1 : 1));

  const durations = new Map<string, AttributeDurationFit | null>();
  for (const a of activities) {
    const obs = o.durations.get(a) ?? [];
    const timed = obs.some((x) => x.value >= flow.log.resolution || x.censored);
    durations.set(a, flow.log.kind === 'intervals' && timed ? fitBy(obs) : null);
  }

  const gaps = new Map<string, GapFit>();
  // Every route either routing takes: a state's route can be one the pooled counts left out as rare.
  const routes = [...routing.from.values(), ...stateRouting.from.values()]
    .flat()
    .map((r) => ({ from: memory.states.get(r.from)?.activity ?? r.from, to: r.to }));
  for (const { from, to } of routes) {
    if (gaps.has(gapKey(from, to))) continue;
    // Cases still in when the log ends (kept as censored, as the mapping asks): their stay lasted at least to then, whichever step ends it.
    const ends = flow.stayEnds.size > 0 ? flow.stayEnds.has(to) : to !== END;
    const open = ends ? (o.openAfter.get(from) ?? []) : [];
    const obs = [...(o.gaps.get(gapKey(from, to)) ?? []), ...open];
    const nonZero = obs.filter((x) => x.value >= flow.log.resolution).length;
    const instantBefore = from !== START && flow.log.kind === 'intervals' && durations.get(from) === null;
    // Between events of a one-time-per-event log, and after an instant, time must pass: always modelled.
    const forced = from !== START && to !== END && (flow.log.kind === 'events' || instantBefore);
    const material = obs.length > 0 && (forced || nonZero >= 0.05 * obs.length);
    gaps.set(gapKey(from, to), { from, to, n: obs.length, material, fit: material ? fitBy(obs) : null });
  }

  const attributes: ClassFit['attributes'] = {};
  for (const attr of flow.log.attributeNames) {
    if (attr === options.classBy) continue;
    const counts = new Map<string, number>();
    for (const c of cases) {
      const v = Object.hasOwn(c.attributes, attr) ? c.attributes[attr] : undefined;
      if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    if (counts.size === 0 || (counts.size > MAX_ATTRIBUTE_VALUES && !flow.log.tableAttributes?.includes(attr))) continue;
    const entries = [...counts].sort((x, y) => naturalCompare(x[0], y[0]));
    Object.defineProperty(attributes, attr, {
      enumerable: true,
      writable: true,
      configurable: true,
      value: { values: entries.map(([v]) => v), weights: entries.map(([, n]) => n) },
    });
  }

  return {
    name,
    cases,
    observations: o,
    arrivals: fitArrivals(cases, flow.window, options.patternLevel),
    routing,
    stateRouting,
    states: memory.states,
    activities,
    durations,
    gaps,
    attributes,
    caseTimes:
      options.times === 'caseBootstrap'
        ? caseTimes(
            cases,
            flow.log.kind === 'intervals',
            options.openEnded === 'censor' ? { ends: (to) => (flow.stayEnds.size > 0 ? flow.stayEnds.has(to) : to !== END), steps: activities } : null,
          )
        : null,
  };
}

export function fitByAttribute(obs: readonly Observation[], by: string | undefined, options: FitOptions): AttributeDurationFit {
  const fit = fitDuration(
    obs.map((x) => x.value),
    obs.map((x) => x.censored),
    options,
  );
  const byValue = new Map<string, DurationFit>();
  if (by !== undefined) {
    const groups = new Map<string, Observation[]>();
    for (const x of obs) {
      const v = x.attributes[by];
      if (v === undefined) continue;
      const g = groups.get(v) ?? [];
      g.push(x);
      groups.set(v, g);
    }
    for (const [v, g] of [...groups].sort((a, b) => naturalCompare(a[0], b[0]))) {
      if (g.filter((x) => !x.censored).length < options.minFit) continue;
      byValue.set(
        v,
        fitDuration(
          g.map((x) => x.value),
          g.map((x) => x.censored),
          options,
        ),
      );
    }
  }
  return { fit, byValue };
}

/** Numbers in numeric order, then text. */
export function naturalCompare(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (a !== '' && b !== '' && Number.isFinite(x) && Number.isFinite(y)) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}
