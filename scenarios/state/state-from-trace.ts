/**
 * A hospital state read from a run's event trace at minute `at`: every
 * patient in the hospital then, with class, attributes, the step it is at
 * (found by following its pathway with what the trace shows it did), the
 * resources it holds and since when, and the devices out of order then. What `run --snapshot-at` writes, so a
 * realistic state can be made from any scenario.
 */
import { readTrace, resourceKind, stepVerb, type HospitalModel, type TraceData } from '../../sim-core/index.js';
import { brokenAt } from './broken-at.js';
import { locateInPathway, type PathEvent } from './locate-in-pathway.js';
import { resolveStep, STOCK_PREFIX } from './resolve-step.js';
import { tripHeadings, type OnTrip } from './trip-headings.js';
import { formatLocal, formatLocalSecondUp, type StateDocumentInput, type StatePatient } from './state-schema.js';

interface Seen {
  klass: string;
  arrived: number;
  attributes: Map<string, string>;
  /** Its rows that move it along its pathway, in order (followed once its attributes are all known). */
  events: PathEvent[];
}

export interface TraceState {
  state: StateDocumentInput & { patients: (StateDocumentInput['patients'] & object)[number][] };
  /** Patients left out, with why (between steps, a step that cannot be named). */
  skipped: { patient: number; reason: string }[];
  /**
   * Patients whose step the trace leaves open (the same activity at several steps, reached
   * through a branch the trace does not record): the first is written, the others listed.
   * A forecast from such a state sends them all the first way; name activities apart to avoid it.
   */
  guessed: { patient: number; step: string; among: string[] }[];
}

/**
 * `startLocal`: the run's time 0 as minutes since 1970 in local time (localMinutes of the scenario's start).
 * The trace may go on past `at` (the same run continued): only where a patient on a trip between sites is
 * going is read from the rows after `at` (trip-headings.ts); everything else is as at `at`.
 */
export function stateFromTrace(model: HospitalModel, trace: TraceData, at: number, startLocal: number): TraceState {
  const open = new Map<number, Seen>();
  const resourceIndex = new Map(model.resources.map((r, i) => [r.name, i]));
  const itemIndex = new Map(model.items.map((x, i) => [x.name, i]));
  readTrace(
    trace,
    (e) => {
      if (e.patient < 0) return;
      const t = e.time;
      if (e.kind === 'arrived') {
        open.set(e.patient, { klass: e.klass, arrived: t, attributes: new Map(), events: [] });
        return;
      }
      const p = open.get(e.patient);
      if (!p) return;
      if (e.kind === 'attribute') p.attributes.set(e.name, e.value);
      else if (e.kind === 'requested') p.events.push({ what: 'request', resource: resourceIndex.get(e.resource) ?? -1, at: t });
      else if (e.kind === 'seized') p.events.push({ what: 'seize', resource: resourceIndex.get(e.resource) ?? -1, at: t });
      else if (e.kind === 'released') p.events.push({ what: 'release', resource: resourceIndex.get(e.resource) ?? -1, at: t });
      else if (e.kind === 'started') p.events.push({ what: 'start', activity: e.activity, at: t });
      else if (e.kind === 'finished') p.events.push({ what: 'finish', activity: e.activity, at: t });
      else if (e.kind === 'stockOut') p.events.push({ what: 'stock-out', item: itemIndex.get(e.item) ?? -1, at: t });
      else if (e.kind === 'branchEnded') p.events.push({ what: 'branch-end', at: t });
      else if (e.kind === 'left') open.delete(e.patient);
    },
    { until: at },
  );
  const patients: StatePatient[] = [];
  // Patients on a trip between sites, by serial, and where they are going (read after all are known).
  const onTrip = new Map<number, OnTrip>();
  const skipped: TraceState['skipped'] = [];
  const guessed: TraceState['guessed'] = [];
  // Times in the hospital to the second, rounded up (never before the row that set them, never after `at`).
  const when = (t: number): string => formatLocalSecondUp(startLocal + t);
  for (const [serial, p] of open) {
    const c = model.classes.findIndex((x) => x.name === p.klass);
    const cls = model.classes[c];
    if (!cls) {
      skipped.push({ patient: serial, reason: `class ${p.klass} is not in the model` });
      continue;
    }
    const valueOf = (a: number): number => {
      const attribute = model.attributes[a]!;
      const v = p.attributes.get(attribute.name);
      return v === undefined ? -1 : attribute.values.findIndex((x) => String(x) === v);
    };
    // One place, or one per running branch of a split: the patient is written once, its other branches under alsoIn.
    const { pathway, places } = locate(model, cls.pathway, valueOf, p.events);
    if (places.length === 0 || places.some((x) => x.in === null)) {
      skipped.push({ patient: serial, reason: places.some((x) => x.waitingForStock) ? 'waiting for stock' : 'between steps' });
      continue;
    }
    const labels = places.map((x) => (x.steps.length > 0 ? nameOf(model, c, pathway, x.steps[0]!, !x.in) : null));
    if (labels.some((l) => l === null)) {
      skipped.push({ patient: serial, reason: `its step in pathway ${model.pathways[pathway]!.name} cannot be named` });
      continue;
    }
    const first = places[0]!;
    const label = labels[0]!;
    if (first.steps.length > 1) {
      const names = first.steps.map((i) => nameOf(model, c, pathway, i, !first.in)).map((l) => (l ? stepText(l) : '?'));
      guessed.push({ patient: serial, step: names[0]!, among: names });
    }
    const tripStep = first.in === true && first.steps.length === 1 ? model.pathways[pathway]!.steps[first.steps[0]!]! : undefined;
    const trip = tripStep && stepVerb(tripStep).trip?.(tripStep);
    if (tripStep && trip) onTrip.set(serial, { activity: stepVerb(tripStep).standing!.names(tripStep)[0]!, sites: trip.map((d) => d.site) });
    const names = (held: readonly number[]): string[] => held.map((r) => model.resources[r]!.name);
    const wardAt = first.held.findIndex((r) => resourceKind(model.resources[r]!.kind).bed);
    const ward = wardAt >= 0 ? model.resources[first.held[wardAt]!]!.name : undefined;
    const holding = names(first.held.filter((_, k) => k !== wardAt));
    // Every attribute the patient was seen with: its class's own and those its list entry set (an elective's procedure).
    const attributes: Record<string, string | number> = {};
    for (const [name, v] of p.attributes) {
      const a = model.attributes.find((x) => x.name === name);
      attributes[name] = a?.values.find((y) => String(y) === v) ?? v;
    }
    const complete = cls.attributes.every((x) => model.attributes[x.attribute]!.name in attributes);
    const alsoIn = places.slice(1).map((x, k) => {
      const l = labels[k + 1]!;
      return {
        step: l.step,
        ...(l.occurrence !== undefined ? { occurrence: l.occurrence } : {}),
        waiting: !x.in,
        holding: names(x.held),
        since: when(x.since),
      };
    });
    patients.push({
      id: `P${serial}`,
      class: p.klass,
      ...(complete && Object.keys(attributes).length > 0 ? { attributes } : {}),
      step: label.step,
      ...(pathway !== cls.pathway ? { pathway: model.pathways[pathway]!.name } : {}),
      ...(label.occurrence !== undefined ? { occurrence: label.occurrence } : {}),
      waiting: !first.in,
      ...(ward !== undefined ? { ward } : {}),
      holding,
      since: when(first.since),
      arrived: when(p.arrived),
      ...(alsoIn.length > 0 ? { alsoIn } : {}),
    });
  }
  const headings = tripHeadings(model, trace, at, onTrip);
  for (const p of patients) {
    const serial = Number(p.id!.slice(1));
    const k = headings.get(serial);
    if (k !== undefined) p.to = onTrip.get(serial)!.sites[k]!;
  }
  const outOfOrder = brokenAt(model, trace, at).map((b) => ({ resource: b.resource, units: b.units, until: formatLocal(startLocal + b.until) }));
  return { state: { asOf: formatLocal(startLocal + Math.floor(at)), patients, ...(outOfOrder.length > 0 ? { outOfOrder } : {}) }, skipped, guessed };
}

function stepText(l: { step: string; occurrence?: number }): string {
  return l.occurrence !== undefined ? `${l.step} (occurrence ${l.occurrence})` : l.step;
}

/**
 * Where a patient is: in its class's pathway, or, after a trip to another
 * site of a network (a step that sends patients on to other pathways: a
 * transfer's destinations), in the destination pathway its rows since arrival
 * fit (the first that does, in the step's order of destinations).
 */
function locate(
  model: HospitalModel,
  own: number,
  valueOf: (attribute: number) => number,
  events: readonly PathEvent[],
): { pathway: number; places: ReturnType<typeof locateInPathway> } {
  const trips = new Map<string, number[]>();
  for (const pw of model.pathways)
    for (const s of pw.steps) {
      const onward = stepVerb(s).trip?.(s);
      const activity = stepVerb(s).standing?.kind === 'activity' ? stepVerb(s).standing!.names(s)[0] : undefined;
      if (onward && activity !== undefined) trips.set(activity, [...(trips.get(activity) ?? []), ...onward.map((d) => d.pathway)]);
    }
  let arrived = -1;
  for (let k = events.length - 1; k >= 0 && arrived < 0; k--) {
    const e = events[k]!;
    if (e.what === 'finish' && trips.has(e.activity)) arrived = k;
  }
  if (arrived < 0) {
    // Its own pathway, or one a step of it passes the patient on to at once (a diversion rule not in force: the site's own).
    const places = locateInPathway(model.pathways[own]!.steps, valueOf, events);
    if (places.length > 0 && places.every((x) => x.in !== null)) return { pathway: own, places };
    for (const s of model.pathways[own]!.steps)
      for (const pathway of stepVerb(s).passOn?.(s) ?? []) {
        const there = locateInPathway(model.pathways[pathway]!.steps, valueOf, events);
        if (there.length > 0 && there.every((x) => x.in !== null)) return { pathway, places: there };
      }
    return { pathway: own, places };
  }
  // What it still holds on arrival (a bed reserved there before the trip) it holds on the pathway it goes on at.
  const held: number[] = [];
  for (const e of events.slice(0, arrived + 1))
    if (e.what === 'seize') held.push(e.resource);
    else if (e.what === 'release' && held.includes(e.resource)) held.splice(held.indexOf(e.resource), 1);
  const carried: PathEvent[] = held.map((resource) => ({ what: 'seize', resource, at: events[arrived]!.at }));
  const rest = [...carried, ...events.slice(arrived + 1)];
  const candidates = [...new Set(trips.get((events[arrived] as { activity: string }).activity)!)];
  for (const pathway of candidates) {
    const places = locateInPathway(model.pathways[pathway]!.steps, valueOf, rest);
    if (places.length > 0 && places.every((x) => x.in !== null)) return { pathway, places };
  }
  return { pathway: candidates[0] ?? own, places: [] };
}

/** The name (and occurrence) by which resolveStep finds step `index` of `pathway` again. */
function nameOf(model: HospitalModel, c: number, pathway: number, index: number, waiting: boolean): { step: string; occurrence?: number } | null {
  const cls = { ...model.classes[c]!, pathway };
  const steps = model.pathways[pathway]!.steps;
  const s = steps[index]!;
  const standing = stepVerb(s).standing;
  const item = stepVerb(s).stockWait?.(s);
  const names: string[] = standing ? [standing.names(s)[0]!] : item !== undefined ? [`${STOCK_PREFIX}${model.items[item]!.name}`] : [];
  if (standing?.kind === 'wait') {
    // A wait and the timed step it leads to are one step: the latter's name may find it too.
    const next = steps.slice(index + 1).find((x) => stepVerb(x).standing !== undefined);
    const after = next && stepVerb(next).standing;
    if (next && after?.kind === 'activity') names.push(after.names(next)[0]!);
  }
  for (const step of names) {
    for (const occurrence of [undefined, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) {
      const probe = {
        class: cls.name,
        step,
        waiting,
        holding: [],
        since: '',
        arrived: '',
        ...(occurrence !== undefined ? { occurrence } : {}),
      } as StatePatient;
      if (resolveStep(model, cls, probe) === index) return occurrence !== undefined ? { step, occurrence } : { step };
    }
  }
  return null;
}
