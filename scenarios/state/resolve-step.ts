import { stepVerb, type ClassModel, type HospitalModel, type StepModel } from '../../sim-core/index.js';
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
