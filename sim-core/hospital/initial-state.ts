/**
 * A replication that starts from a given state rather than an empty hospital:
 * patients placed in the model before time 0, each at a step of its pathway,
 * holding resources, with time already spent there (forecasting from today's
 * patients). Checked in full before anything is placed.
 */
import { rosterCapacityAt } from '../resources/roster.js';
import { stepVerb } from '../verbs/index.js';
import type { HospitalModel, ResourceModel } from './model.js';

export interface PlacedPatient {
  /** Index into model.classes. */
  classIndex: number;
  /** Value index per attribute of the class (as the model orders them), -1 for one drawn as on arrival; omitted = all drawn. */
  attributes?: readonly number[];
  /** Index into the class's pathway steps (model order) the patient is at (a split, when it is in its branches). */
  step: number;
  /** The pathway (index into model.pathways) `step` is in, when not the class's: one a transfer sent the patient on. */
  pathway?: number;
  /** Resource indices (model.resources) the patient holds now, one unit each (in a split: outside its branches). */
  holding: readonly number[];
  /** Minutes, <= 0: when the patient started the current step. */
  since: number;
  /** Minutes, <= since: when the patient arrived. */
  arrivedAt: number;
  /** A patient on a trip between sites (`step` a trip: see Verb.trip): the index of the destination it is going to. */
  heading?: number;
  /**
   * A patient in the branches of a split (`step` is the split): each branch still
   * running, at its own step, holding its own resources (given back at its join),
   * since its own time. Branches already done are not listed: the patient goes
   * on when the listed ones are.
   */
  branches?: readonly PlacedBranch[];
}

/** One running branch of a placed patient's split. */
export interface PlacedBranch {
  /** The step (model order) the branch is at: inside one of the split's branches. */
  step: number;
  holding: readonly number[];
  /** Minutes, <= 0: when the branch started its current step. */
  since: number;
}

export interface InitialState {
  patients: readonly PlacedPatient[];
}

/** What a replication offers for placing patients: first every patient and what it holds, then each starts its step. */
export interface PlacementTarget {
  readonly model: HospitalModel;
  /** A patient in the hospital at time 0; returns its slot. */
  placePatient(classIndex: number, attributes: readonly number[] | undefined, arrivedAt: number, step: number, pathway?: number): number;
  /** The patient holds one unit of `resource` from before time 0. */
  placeHolding(slot: number, resource: number): void;
  /** One more running branch of the patient at a split, at `step`; returns the branch's slot. */
  placeBranch(slot: number, step: number): number;
  /** The patient (or a branch) carries on with its step, begun at `since` (on a trip: to destination `heading`, -1 not known). */
  startPlaced(slot: number, since: number, heading: number): void;
}

/** Checks `state` against the model (RangeError naming the patient and field), then places every patient. */
export function placePatients(target: PlacementTarget, state: InitialState): void {
  checkInitialState(target.model, state);
  // Each patient, or each running branch of a patient in a split, carries on from its step.
  const starts: { slot: number; since: number; heading: number }[] = [];
  for (const q of state.patients) {
    const p = target.placePatient(q.classIndex, q.attributes, q.arrivedAt, q.step, q.pathway);
    for (const r of q.holding) target.placeHolding(p, r);
    if (q.branches === undefined) starts.push({ slot: p, since: q.since, heading: q.heading ?? -1 });
    for (const b of q.branches ?? []) {
      const slot = target.placeBranch(p, b.step);
      for (const r of b.holding) target.placeHolding(slot, r);
      starts.push({ slot, since: b.since, heading: -1 });
    }
  }
  // Every unit held is in place before anyone asks for one.
  for (const s of starts) target.startPlaced(s.slot, s.since, s.heading);
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
    if (q.pathway !== undefined && !isIndex(q.pathway, model.pathways.length))
      bad('pathway', `must be a pathway index from 0 to ${model.pathways.length - 1}, got ${q.pathway}`);
    const pathway = q.pathway ?? cls.pathway;
    const steps = model.pathways[pathway]!.steps;
    if (!isIndex(q.step, steps.length)) bad('step', `must be a step of pathway ${model.pathways[pathway]!.name} from 0 to ${steps.length - 1}, got ${q.step}`);
    if (q.heading !== undefined) {
      const trip = stepVerb(steps[q.step]!).trip?.(steps[q.step]!);
      if (trip === undefined) bad('heading', `step ${q.step} of pathway ${model.pathways[pathway]!.name} is not a trip to another site`);
      if (!isIndex(q.heading, trip!.length)) bad('heading', `must be a destination index from 0 to ${trip!.length - 1}, got ${q.heading}`);
    }
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
    const hold = (holding: readonly number[], at: string): void =>
      holding.forEach((r, h) => {
        if (!isIndex(r, model.resources.length)) bad(`${at}[${h}]`, `must be a resource index from 0 to ${model.resources.length - 1}, got ${r}`);
        held[r]!++;
        const m = model.resources[r]!;
        if (held[r]! > unitsOf(m)) bad(`${at}[${h}]`, `${m.name} has ${unitsOf(m)} units; the patients before and this one hold ${held[r]}`);
      });
    hold(q.holding, 'holding');
    if (q.branches === undefined) return;
    const split = steps[q.step]!;
    const parallel = stepVerb(split).parallel?.(split);
    if (parallel === undefined) bad('branches', `the patient's step ${q.step} does not split into branches`);
    if (q.branches.length === 0) bad('branches', 'must list at least one running branch');
    const taken = new Set<number>();
    q.branches.forEach((b, j) => {
      const k = branchOf(parallel!, b.step);
      if (k < 0) bad(`branches[${j}].step`, `must be a step inside the branches of the split at step ${q.step}, got ${b.step}`);
      if (taken.has(k)) bad(`branches[${j}].step`, `is in branch ${k + 1} of the split, as an earlier one is: a branch is at one step at a time`);
      taken.add(k);
      if (!(Number.isFinite(b.since) && b.since <= 0 && b.since >= q.arrivedAt))
        bad(`branches[${j}].since`, `must be a number of minutes from arrivedAt (${q.arrivedAt}) to 0, got ${b.since}`);
      hold(b.holding, `branches[${j}].holding`);
    });
  });
}

/** Which branch of a split step `i` is in (its last step is the branch's join), or -1. */
export function branchOf(parallel: { readonly branches: readonly number[]; readonly after: number }, i: number): number {
  const { branches, after } = parallel;
  for (let k = 0; k < branches.length; k++) if (i >= branches[k]! && i < (branches[k + 1] ?? after)) return k;
  return -1;
}

function isIndex(x: number, length: number): boolean {
  return Number.isInteger(x) && x >= 0 && x < length;
}
