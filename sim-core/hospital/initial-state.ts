/**
 * A replication that starts from a given state rather than an empty hospital:
 * patients placed in the model before time 0, each at a step of its pathway,
 * holding resources, with time already spent there (forecasting from today's
 * patients). Checked in full before anything is placed.
 */
import { rosterCapacityAt } from '../resources/roster.js';
import type { HospitalModel, ResourceModel } from './model.js';

export interface PlacedPatient {
  /** Index into model.classes. */
  classIndex: number;
  /** Value index per attribute of the class (as the model orders them), -1 for one drawn as on arrival; omitted = all drawn. */
  attributes?: readonly number[];
  /** Index into the class's pathway steps (model order) the patient is at. */
  step: number;
  /** Resource indices (model.resources) the patient holds now, one unit each. */
  holding: readonly number[];
  /** Minutes, <= 0: when the patient started the current step. */
  since: number;
  /** Minutes, <= since: when the patient arrived. */
  arrivedAt: number;
}

export interface InitialState {
  patients: readonly PlacedPatient[];
}

/** What a replication offers for placing patients: first every patient and what it holds, then each starts its step. */
export interface PlacementTarget {
  readonly model: HospitalModel;
  /** A patient in the hospital at time 0; returns its slot. */
  placePatient(classIndex: number, attributes: readonly number[] | undefined, arrivedAt: number, step: number): number;
  /** The patient holds one unit of `resource` from before time 0. */
  placeHolding(slot: number, resource: number): void;
  /** The patient carries on with its step, begun at `since`. */
  startPlaced(slot: number, since: number): void;
}

/** Checks `state` against the model (RangeError naming the patient and field), then places every patient. */
export function placePatients(target: PlacementTarget, state: InitialState): void {
  checkInitialState(target.model, state);
  const slots = state.patients.map((q) => {
    const p = target.placePatient(q.classIndex, q.attributes, q.arrivedAt, q.step);
    for (const r of q.holding) target.placeHolding(p, r);
    return p;
  });
  // Every unit held is in place before anyone asks for one.
  state.patients.forEach((q, k) => target.startPlaced(slots[k]!, q.since));
}

/** Units a resource has: its capacity, or the most its roster ever puts on duty. */
export function unitsOf(r: ResourceModel): number {
  if (!r.roster) return r.capacity;
  let most = 0;
  for (const c of r.roster.changes) most = Math.max(most, c.capacity);
  return Math.max(most, rosterCapacityAt(r.roster, 0));
}

export function checkInitialState(model: HospitalModel, state: InitialState): void {
  const held = new Array<number>(model.resources.length).fill(0);
  state.patients.forEach((q, k) => {
    const bad = (field: string, message: string): never => {
      throw new RangeError(`initialState.patients[${k}].${field}: ${message}`);
    };
    if (!isIndex(q.classIndex, model.classes.length)) bad('classIndex', `must be a class index from 0 to ${model.classes.length - 1}, got ${q.classIndex}`);
    const cls = model.classes[q.classIndex]!;
    const steps = model.pathways[cls.pathway]!.steps;
    if (!isIndex(q.step, steps.length))
      bad('step', `must be a step of pathway ${model.pathways[cls.pathway]!.name} from 0 to ${steps.length - 1}, got ${q.step}`);
    if (q.attributes !== undefined) {
      if (q.attributes.length !== cls.attributes.length)
        bad('attributes', `class ${cls.name} has ${cls.attributes.length} attributes, got ${q.attributes.length} values`);
      q.attributes.forEach((v, a) => {
        const values = model.attributes[cls.attributes[a]!.attribute]!.values;
        if (v !== -1 && !isIndex(v, values.length))
          bad(`attributes[${a}]`, `must be a value index from 0 to ${values.length - 1} (or -1: drawn as on arrival), got ${v}`);
      });
    }
    if (!(Number.isFinite(q.since) && q.since <= 0)) bad('since', `must be a number of minutes <= 0, got ${q.since}`);
    if (!(Number.isFinite(q.arrivedAt) && q.arrivedAt <= q.since)) bad('arrivedAt', `must be a number of minutes <= since (${q.since}), got ${q.arrivedAt}`);
    q.holding.forEach((r, h) => {
      if (!isIndex(r, model.resources.length)) bad(`holding[${h}]`, `must be a resource index from 0 to ${model.resources.length - 1}, got ${r}`);
      held[r]!++;
      const m = model.resources[r]!;
      if (held[r]! > unitsOf(m)) bad(`holding[${h}]`, `${m.name} has ${unitsOf(m)} units; the patients before and this one hold ${held[r]}`);
    });
  });
}

function isIndex(x: number, length: number): boolean {
  return Number.isInteger(x) && x >= 0 && x < length;
}
