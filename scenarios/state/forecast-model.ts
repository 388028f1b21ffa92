/**
 * From a scenario and a hospital state to what a forecast runs: the model
 * starting at `asOf` (its clock, rosters, arrival profile and waves all
 * shifted there, no warm-up) with booked arrivals in place of the weekly
 * template of the classes booked, and the patients placed at their steps.
 * Every name in the state is looked up here; an unknown one is refused by path.
 */
import { maxOf } from '../limits.js';
import {
  carriedEntries,
  resourceKind,
  type ArrivalModel,
  type ClassModel,
  type HospitalModel,
  type PlacedPatient,
  type ResourceModel,
} from '../../sim-core/index.js';
import { compileScenario } from '../compile/compile-scenario.js';
import type { Scenario } from '../schema/scenario.js';
import { formatPath, type ScenarioIssue } from '../schema/errors.js';
import { StateError } from './state-error.js';
import { localMinutes, type HospitalState, type StatePatient } from './state-schema.js';
import { resolveBranches, resolveStep, splitAround } from './resolve-step.js';
import { applyCapacityNow } from './capacity-now.js';
import { headingOf } from './trip-headings.js';
import { replayArrivals, type ReplayedArrival, type ReplaySummary } from './replay-arrivals.js';

const WEEK = 7 * 1440;

/** A booked patient, as the forecast reports on it. */
export interface BookedCase {
  /** The booking's id, or "<class> <at>" when it has none (with " #k" for a count above 1). */
  label: string;
  classIndex: number;
  /** Minutes after asOf. */
  at: number;
  /** The operation's planned start, minutes after asOf (NaN if the booking gives none). */
  start: number;
  /** Which arrival of its class this is, in time order (0 first), to tell it from the run's trace. */
  arrivalOfClass: number;
}

export interface ForecastModel {
  model: HospitalModel;
  initialState: { patients: PlacedPatient[] };
  booked: BookedCase[];
  /** With arrivals replayed: the classes whose drawn arrivals were replaced, and how many came. */
  replay?: ReplaySummary;
}

/** The longest forecast: a booked list is laid on one week of the weekly arrival cycle. */
export const MAX_FORECAST_HOURS = 168;

/** `replayed`: the arrivals that really came, in place of the drawn classes' (see replay-arrivals.ts). */
export function forecastModel(scenario: Scenario, state: HospitalState, hours: number, source = 'state', replayed?: readonly ReplayedArrival[]): ForecastModel {
  if (!(hours >= 0 && hours <= MAX_FORECAST_HOURS)) throw new RangeError(`forecast hours must be from 0 to ${MAX_FORECAST_HOURS}, got ${hours}`);
  const start = state.asOf.slice(0, 16);
  const shifted: Scenario = { ...scenario, start, warmupDays: 0, horizonDays: Math.max(hours, 1 / 60) / 24 };
  const model = compileScenario(shifted);
  // asOf's seconds, if any: the model's clock starts at the minute, so times are measured from there.
  const origin = localMinutes(start);
  const issues: ScenarioIssue[] = [];
  const classIndex = new Map(model.classes.map((c, i) => [c.name, i]));
  letListAttributesBeCarried(model);
  applyCapacityNow(model, state, origin, issues);
  // Before the bookings: a booked class arrives as booked either way.
  const replay = replayed ? replayArrivals(model, replayed, origin, hours * 60, issues) : undefined;
  const booked = bookArrivals(model, state, classIndex, origin, hours * 60, issues);
  const patients = state.patients.map((p, k) => placePatient(model, p, state.patientPaths[k] ?? formatPath(['patients', k]), classIndex, origin, issues));
  checkUnits(model, patients, issues);
  if (issues.length > 0) throw new StateError(source, issues);
  return { model, initialState: { patients: patients as PlacedPatient[] }, booked, ...(replay ? { replay } : {}) };
}

/**
 * Attributes a class's patients get from their list entry (an elective's
 * procedure and theatre: the entries its arrival kind says a patient may have come by) become attributes of the class, drawn on arrival as
 * often as the list has them and then set by the entry as before: so a patient
 * already in the hospital can carry them.
 */
function letListAttributesBeCarried(model: HospitalModel): void {
  for (const cls of model.classes) {
    const counts = new Map<number, number[]>();
    for (const e of carriedEntries(cls.arrivals)) {
      e.attributes.forEach((v, a) => {
        if (v < 0 || cls.attributes.some((x) => x.attribute === a)) return;
        const w = counts.get(a) ?? model.attributes[a]!.values.map(() => 0);
        w[v]! += e.count;
        counts.set(a, w);
      });
    }
    for (const [attribute, weights] of counts) cls.attributes.push({ attribute, weights });
  }
}

/** Booked classes arrive as booked over the forecast: one list of dated entries laid on this week. */
function bookArrivals(
  model: HospitalModel,
  state: HospitalState,
  classIndex: Map<string, number>,
  origin: number,
  minutes: number,
  issues: ScenarioIssue[],
): BookedCase[] {
  const lists = new Map<number, ({ at: number; start: number; count: number; attributes: number[] } & { label: string })[]>();
  state.bookedClasses.forEach((name, k) => {
    const c = classIndex.get(name);
    if (c === undefined)
      issues.push({
        path: formatPath(['bookedClasses', k]),
        message: unknown(
          'class',
          name,
          model.classes.map((x) => x.name),
        ),
      });
    else lists.set(c, []);
  });
  state.booked.forEach((b, k) => {
    const path = (f: string): string => formatPath(['booked', k, f]);
    const c = classIndex.get(b.class);
    if (c === undefined) {
      issues.push({
        path: path('class'),
        message: unknown(
          'class',
          b.class,
          model.classes.map((x) => x.name),
        ),
      });
      return;
    }
    const attributes = new Array<number>(model.attributes.length).fill(-1);
    for (const [name, value] of Object.entries(b.attributes ?? {})) {
      const a = model.attributes.findIndex((x) => x.name === name);
      if (a < 0) {
        issues.push({
          path: formatPath(['booked', k, 'attributes', name]),
          message: unknown(
            'attribute',
            name,
            model.attributes.map((x) => x.name),
          ),
        });
        continue;
      }
      const v = model.attributes[a]!.values.findIndex((x) => String(x) === String(value));
      if (v < 0)
        issues.push({
          path: formatPath(['booked', k, 'attributes', name]),
          message: unknown(`value of ${name}`, String(value), model.attributes[a]!.values.map(String)),
        });
      attributes[a] = v;
    }
    const at = localMinutes(b.at) - origin;
    const list = lists.get(c) ?? [];
    lists.set(c, list);
    const start = b.start !== undefined ? localMinutes(b.start) - origin : NaN;
    if (at < minutes) list.push({ at, start, count: b.count, attributes, label: b.id ?? `${b.class} ${b.at}` });
  });
  const booked: BookedCase[] = [];
  for (const [c, list] of lists) {
    list.sort((x, y) => x.at - y.at); // stable: same-time bookings keep the document's order, as the run does
    const arrivals: ArrivalModel = {
      type: 'list',
      entries: list.map((e) => ({ at: (((model.startMinuteOfWeek + e.at) % WEEK) + WEEK) % WEEK, count: e.count, attributes: e.attributes })),
    };
    (model.classes[c] as ClassModel).arrivals = arrivals;
    let n = 0;
    for (const e of list) {
      for (let i = 0; i < e.count; i++)
        booked.push({ label: e.count > 1 ? `${e.label} #${i + 1}` : e.label, classIndex: c, at: e.at, start: e.start, arrivalOfClass: n++ });
    }
  }
  return booked;
}

function placePatient(
  model: HospitalModel,
  p: StatePatient,
  where: string,
  classIndex: Map<string, number>,
  origin: number,
  issues: ScenarioIssue[],
): PlacedPatient | null {
  const at = (field: string): string => (where.includes(' line ') ? `${where}, ${field}` : `${where}.${field}`);
  const c = classIndex.get(p.class);
  if (c === undefined) {
    issues.push({
      path: at('class'),
      message: unknown(
        'class',
        p.class,
        model.classes.map((x) => x.name),
      ),
    });
    return null;
  }
  let cls = model.classes[c]!;
  // A patient a transfer sent on at another site is in that pathway: its step is found there.
  const pathway = p.pathway === undefined ? -1 : model.pathways.findIndex((x) => x.name === p.pathway);
  if (p.pathway !== undefined && pathway < 0) {
    issues.push({
      path: at('pathway'),
      message: unknown(
        'pathway',
        p.pathway,
        model.pathways.map((x) => x.name),
      ),
    });
    return null;
  }
  if (pathway >= 0) cls = { ...cls, pathway };
  let ok = true;
  const step = resolveStep(model, cls, p);
  if (typeof step === 'string') {
    issues.push({ path: at('step'), message: step });
    ok = false;
  }
  const holding: number[] = [];
  for (const [field, name] of [...(p.ward !== undefined ? [['ward', p.ward] as const] : []), ...p.holding.map((h, k) => [`holding[${k}]`, h] as const)]) {
    const r = model.resources.findIndex((x) => x.name === name);
    if (r < 0) {
      issues.push({
        path: at(field),
        message: unknown(
          field === 'ward' ? 'ward' : 'resource',
          name,
          model.resources.filter((x) => field !== 'ward' || resourceKind(x.kind).bed).map((x) => x.name),
        ),
      });
      ok = false;
    } else if (field === 'ward' && !resourceKind(model.resources[r]!.kind).bed) {
      issues.push({ path: at(field), message: `${name} is not a ward (it is a ${model.resources[r]!.kind}); put it under holding` });
      ok = false;
    } else holding.push(r);
  }
  const heading = typeof step === 'string' ? undefined : headingOf(model, cls.pathway, step, p, at, issues);
  if (heading === null) ok = false;
  const attributes = placedAttributes(model, cls, p, at, issues);
  if (attributes === null) ok = false;
  if (!ok || typeof step === 'string' || attributes === null || heading === null) return null;
  // A patient at a step inside a split's branches waits there for its branches, even with one still running (the others joined or gave up).
  if (p.alsoIn !== undefined || splitAround(model.pathways[cls.pathway]!.steps, step) >= 0) {
    const placed = resolveBranches(model, cls, p, step, holding);
    if (typeof placed === 'string') {
      issues.push({ path: at('alsoIn'), message: placed });
      return null;
    }
    const since = (t: string): number => Math.min(0, localMinutes(t) - origin);
    return {
      classIndex: c,
      ...(attributes !== undefined ? { attributes } : {}),
      ...(pathway >= 0 ? { pathway } : {}),
      step: placed.split,
      holding: placed.holding,
      // The split began no later than any branch's current step.
      since: Math.min(...placed.branches.map((b) => since(b.since))),
      arrivedAt: Math.min(0, localMinutes(p.arrived) - origin, ...placed.branches.map((b) => since(b.since))),
      branches: placed.branches.map((b) => ({ step: b.step, holding: b.holding, since: since(b.since) })),
    };
  }
  return {
    classIndex: c,
    ...(attributes !== undefined ? { attributes } : {}),
    ...(pathway >= 0 ? { pathway } : {}),
    step,
    holding,
    // The model's clock starts at asOf's minute: seconds past it (asOf 07:00:30, since 07:00:20) are not time spent before 0.
    since: Math.min(0, localMinutes(p.since) - origin),
    arrivedAt: Math.min(0, localMinutes(p.since) - origin, localMinutes(p.arrived) - origin),
    ...(heading !== undefined ? { heading } : {}),
  };
}

/** Value indices for every attribute of the class, or undefined (all drawn), or null (refused). */
function placedAttributes(
  model: HospitalModel,
  cls: ClassModel,
  p: StatePatient,
  at: (f: string) => string,
  issues: ScenarioIssue[],
): number[] | undefined | null {
  const given = p.attributes ?? {};
  if (Object.keys(given).length === 0) return undefined;
  const own = cls.attributes.map((x) => model.attributes[x.attribute]!.name);
  let ok = true;
  for (const name of Object.keys(given)) {
    if (!own.includes(name)) {
      issues.push({
        path: at(`attributes.${name}`),
        message: own.length ? `is not an attribute of class ${cls.name} (${own.join(', ')})` : `class ${cls.name} has no attributes`,
      });
      ok = false;
    }
  }
  // An attribute not given (a case-mix group the hospital's system does not export) is drawn as on arrival.
  const out = cls.attributes.map((x) => {
    const values = model.attributes[x.attribute]!.values;
    const name = model.attributes[x.attribute]!.name;
    if (!(name in given)) return -1;
    const v = values.findIndex((y) => String(y) === String(given[name]));
    if (v < 0) {
      issues.push({ path: at(`attributes.${name}`), message: unknown(`value of ${name}`, String(given[name]), values.map(String)) });
      ok = false;
    }
    return v;
  });
  return ok ? out : null;
}

/** No resource may be held by more patients than it has units (beds, cubicles, staff on the biggest shift). */
function checkUnits(model: HospitalModel, patients: (PlacedPatient | null)[], issues: ScenarioIssue[]): void {
  const held = model.resources.map(() => 0);
  for (const p of patients) for (const r of [...(p?.holding ?? []), ...(p?.branches ?? []).flatMap((b) => b.holding)]) held[r]!++;
  held.forEach((n, r) => {
    const m = model.resources[r]!;
    const units = unitsOf(m);
    if (n > units)
      issues.push({ path: 'patients', message: `${n} patients hold ${m.name}, which has ${units} ${resourceKind(m.kind).bed ? 'beds' : 'units'}` });
  });
}

function unitsOf(r: ResourceModel): number {
  if (!r.roster) return r.capacity;
  return maxOf(
    r.roster.changes.map((c) => c.capacity),
    0,
  );
}

function unknown(what: string, name: string, known: readonly string[]): string {
  const list = known.length > 12 ? `${known.slice(0, 12).join(', ')}, …` : known.join(', ');
  return `unknown ${what} "${name}" (known: ${list || 'none'})`;
}
