import { branchOf, stepVerb, type ClassModel, type HospitalModel, type StepModel } from '../../sim-core/index.js';
import type { StatePatient } from './state-schema.js';

/**
 * The index, in the class's compiled pathway, of the step a patient is at. A
 * step is named by the activity of its timed part ("triage"; a stay by its
 * ward, "medicalWard") or by the id of the seize that starts it ("majors");
 * a seize and the timed step it leads to are one step. In it: the timed
 * part; `waiting`: the seize. A name that matches several steps needs
 * `occurrence` (1 = first in pathway order). Returns the problem in words
 * when there is no such step.
 */
export function resolveStep(model: HospitalModel, cls: ClassModel, p: StatePatient): number | string {
  const pathway = model.pathways[cls.pathway]!;
  const steps = pathway.steps;
  if (p.step.startsWith(STOCK_PREFIX)) return resolveStockWait(model, pathway, p);
  const found = new Map<number, { seize: number; hold: number }>();
  steps.forEach((s, i) => {
    const standing = stepVerb(s).standing;
    if (standing === undefined || !standing.names(s).includes(p.step)) return;
    if (standing.kind === 'activity') found.set(i, { seize: waitBefore(steps, i), hold: i });
    else {
      const hold = activityAfter(steps, i);
      found.set(hold >= 0 ? hold : -1 - i, { seize: i, hold });
    }
  });
  const matches = [...found.values()].sort((a, b) => Math.max(a.seize, a.hold) - Math.max(b.seize, b.hold));
  if (matches.length === 0) {
    // A wait figure with a dot is one the compiler made up ("<pathway>.<ward>"): a person names that step by its ward.
    const names = [
      ...new Set(
        steps.flatMap((s) => {
          const standing = stepVerb(s).standing;
          const name = standing?.names(s)[0];
          return name === undefined || (standing!.kind === 'wait' && name.includes('.')) ? [] : [name];
        }),
      ),
    ];
    return `pathway ${pathway.name} of class ${cls.name} has no step "${p.step}" (its timed steps and named waits: ${names.join(', ')})`;
  }
  if (matches.length > 1 && p.occurrence === undefined) {
    return `"${p.step}" comes ${matches.length} times in pathway ${pathway.name}: say which with occurrence (1 to ${matches.length})`;
  }
  const m = matches[(p.occurrence ?? 1) - 1];
  if (m === undefined) return `"${p.step}" comes ${matches.length} time${matches.length === 1 ? '' : 's'} in pathway ${pathway.name}, not ${p.occurrence}`;
  if (p.waiting || m.hold < 0) {
    if (m.seize >= 0) return m.seize;
    return `step "${p.step}" of pathway ${pathway.name} has nothing to wait for just before it: give waiting: false, or the id of the step waited at`;
  }
  return m.hold;
}

/** A patient waiting for a delivery of stock is at "stock:<item>": the step that takes that item. */
export const STOCK_PREFIX = 'stock:';

/** The step (a consume) where a patient waits for the stock item `p.step` names; `occurrence` among that item's steps. */
function resolveStockWait(model: HospitalModel, pathway: HospitalModel['pathways'][number], p: StatePatient): number | string {
  const name = p.step.slice(STOCK_PREFIX.length);
  const at = pathway.steps.flatMap((s, i) => {
    const item = stepVerb(s).stockWait?.(s);
    return item !== undefined && model.items[item]?.name === name ? [i] : [];
  });
  if (at.length === 0) {
    const items = [...new Set(pathway.steps.flatMap((s) => model.items[stepVerb(s).stockWait?.(s) ?? -1]?.name ?? []))];
    return `pathway ${pathway.name} takes no stock item "${name}" (its items: ${items.join(', ') || 'none'})`;
  }
  if (at.length > 1 && p.occurrence === undefined)
    return `"${p.step}" comes ${at.length} times in pathway ${pathway.name}: say which with occurrence (1 to ${at.length})`;
  const i = at[(p.occurrence ?? 1) - 1];
  if (i === undefined) return `"${p.step}" comes ${at.length} time${at.length === 1 ? '' : 's'} in pathway ${pathway.name}, not ${p.occurrence}`;
  return i;
}

/** Whether a patient at step `j` goes straight on to `j + 1` without standing there (a release, a stock item taken). */
function passesStraight(steps: readonly StepModel[], j: number): boolean {
  const s = steps[j]!;
  const verb = stepVerb(s);
  if (verb.standing !== undefined || verb.parallel !== undefined) return false;
  const next = verb.next(s, j, () => -1);
  return next.length === 1 && next[0] === j + 1;
}

/** The wait that leads straight to the timed step at `i` (nothing timed or branching between), or -1. */
function waitBefore(steps: readonly StepModel[], i: number): number {
  for (let j = i - 1; j >= 0; j--) {
    if (stepVerb(steps[j]!).standing?.kind === 'wait') return j;
    if (!passesStraight(steps, j)) return -1;
  }
  return -1;
}

/** The timed step the wait at `i` leads straight to, or -1. */
function activityAfter(steps: readonly StepModel[], i: number): number {
  for (let j = i + 1; j < steps.length; j++) {
    const kind = stepVerb(steps[j]!).standing?.kind;
    if (kind === 'activity') return j;
    if (kind === 'wait' || !passesStraight(steps, j)) return -1;
  }
  return -1;
}

/** The split whose branches step `i` is in; -1 when it is in none. */
export function splitAround(steps: readonly StepModel[], i: number): number {
  return steps.findIndex((s) => {
    const parallel = stepVerb(s).parallel?.(s);
    return parallel !== undefined && branchOf(parallel, i) >= 0;
  });
}

/** A patient placed in a split's branches: the split's step, and per running branch its step and what it holds. */
export interface ResolvedBranches {
  split: number;
  /** What the patient holds itself (outside its branches). */
  holding: number[];
  branches: { step: number; holding: number[]; since: string }[];
}

/**
 * Where a patient in several branches at once is (see `alsoIn` in
 * state-schema.ts): its first branch at step `first` (already resolved), the
 * others as named, all in different branches of one split. `holding` (its
 * ward and holding, as indices) is shared out: a resource the first branch's
 * steps up to `first` ask for is the branch's, the rest the patient's.
 * Returns the problem in words when the names do not fit.
 */
export function resolveBranches(model: HospitalModel, cls: ClassModel, p: StatePatient, first: number, holding: readonly number[]): ResolvedBranches | string {
  const pathway = model.pathways[cls.pathway]!;
  const steps = pathway.steps;
  const split = splitAround(steps, first);
  if (split < 0) return `"${p.step}" of pathway ${pathway.name} is not in a split's branches, so the patient cannot also be elsewhere (alsoIn)`;
  const parallel = stepVerb(steps[split]!).parallel!(steps[split]!);
  const asked = new Set<number>();
  for (let j = parallel.branches[branchOf(parallel, first)]!; j < first || (j === first && !p.waiting); j++) {
    const standing = stepVerb(steps[j]!).standing;
    if (standing?.kind === 'wait') for (const r of standing.waitsFor(steps[j]!)) asked.add(r);
  }
  const own = holding.filter((r) => !asked.has(r));
  const branches: ResolvedBranches['branches'] = [{ step: first, holding: holding.filter((r) => asked.has(r)), since: p.since }];
  const inBranch = new Set([branchOf(parallel, first)]);
  for (const [k, b] of (p.alsoIn ?? []).entries()) {
    const step = resolveStep(model, cls, { ...p, step: b.step, waiting: b.waiting, occurrence: b.occurrence } as StatePatient);
    if (typeof step === 'string') return `alsoIn[${k}]: ${step}`;
    const branch = branchOf(parallel, step);
    if (branch < 0) return `alsoIn[${k}]: "${b.step}" is not in the same split as "${p.step}"`;
    if (inBranch.has(branch)) return `alsoIn[${k}]: "${b.step}" is in the same branch as another of the patient's places: a branch is at one step at a time`;
    inBranch.add(branch);
    const held: number[] = [];
    for (const name of b.holding) {
      const r = model.resources.findIndex((x) => x.name === name);
      if (r < 0) return `alsoIn[${k}].holding: unknown resource "${name}"`;
      held.push(r);
    }
    branches.push({ step, holding: held, since: b.since });
  }
  return { split, holding: own, branches };
}
