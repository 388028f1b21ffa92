import type { ClassModel, HospitalModel, StepModel } from '../../sim-core/index.js';
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
    if (s.op === 'hold' && (s.activity === p.step || s.activity === `stay:${p.step}`)) found.set(i, { seize: seizeBefore(steps, i), hold: i });
    else if (s.op === 'seize' && s.figure === p.step) {
      const hold = holdAfter(steps, i);
      found.set(hold >= 0 ? hold : -1 - i, { seize: i, hold });
    }
  });
  const matches = [...found.values()].sort((a, b) => Math.max(a.seize, a.hold) - Math.max(b.seize, b.hold));
  if (matches.length === 0) {
    const names = [
      ...new Set(steps.flatMap((s) => (s.op === 'hold' ? [s.activity.replace(/^stay:/, '')] : s.op === 'seize' && !s.figure.includes('.') ? [s.figure] : []))),
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

/** The seize that leads straight to the timed step at `i` (nothing timed or branching between), or -1. */
function seizeBefore(steps: readonly StepModel[], i: number): number {
  for (let j = i - 1; j >= 0; j--) {
    const op = steps[j]!.op;
    if (op === 'seize') return j;
    if (op === 'hold' || op === 'branch' || op === 'branchOn' || op === 'goto' || op === 'leave') return -1;
  }
  return -1;
}

/** The timed step the seize at `i` leads straight to, or -1. */
function holdAfter(steps: readonly StepModel[], i: number): number {
  for (let j = i + 1; j < steps.length; j++) {
    const op = steps[j]!.op;
    if (op === 'hold') return j;
    if (op === 'seize' || op === 'branch' || op === 'branchOn' || op === 'goto' || op === 'leave') return -1;
  }
  return -1;
}
