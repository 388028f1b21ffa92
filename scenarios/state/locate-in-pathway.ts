import { stepVerb, type StepModel } from '../../sim-core/index.js';

/**
 * Where in its pathway a patient is, from what it has been seen to do: the
 * timed activities it started, in order, and whether it is in the last one
 * or waiting for a resource. The pathway is followed as a small automaton
 * (simmer's trajectories read as a graph): seizes, releases and stock pass
 * through, a branch may go any way it can (by the patient's attribute when it
 * branches on one), and each timed step must match the next activity seen.
 * Returns the candidate step indices (timed steps when in an activity, seize
 * steps when waiting), in pathway order; usually exactly one.
 */
export function locateInPathway(
  steps: readonly StepModel[],
  attributeValue: (attribute: number) => number,
  activities: readonly string[],
  now: { in: true } | { in: false; waitingFor: number },
): number[] {
  let frontier = closure(steps, [0], attributeValue);
  let holds: number[] = [];
  for (const activity of activities) {
    holds = frontier.activities.filter((h) => activityOf(steps[h]!) === activity);
    frontier = closure(
      steps,
      holds.flatMap((h) => stepVerb(steps[h]!).next(steps[h]!, h, attributeValue)),
      attributeValue,
    );
  }
  if (now.in) return holds;
  return frontier.waits.filter((s) => waitsFor(steps[s]!).includes(now.waitingFor));
}

function activityOf(s: StepModel): string | null {
  const standing = stepVerb(s).standing;
  return standing?.kind === 'activity' ? standing.activity(s) : null;
}

function waitsFor(s: StepModel): readonly number[] {
  const standing = stepVerb(s).standing;
  return standing?.kind === 'wait' ? standing.waitsFor(s) : [];
}

/** The timed steps and waits reachable from `from` without passing a timed step (a wait may be granted at once). */
function closure(steps: readonly StepModel[], from: readonly number[], attributeValue: (a: number) => number): { activities: number[]; waits: number[] } {
  const seen = new Set<number>();
  const activities = new Set<number>();
  const waits = new Set<number>();
  const stack = [...from];
  while (stack.length > 0) {
    const i = stack.pop()!;
    if (seen.has(i) || i < 0 || i >= steps.length) continue;
    seen.add(i);
    const s = steps[i]!;
    const verb = stepVerb(s);
    if (verb.standing?.kind === 'activity') {
      activities.add(i);
      continue;
    }
    if (verb.standing?.kind === 'wait') waits.add(i);
    stack.push(...verb.next(s, i, attributeValue));
  }
  const order = (xs: Set<number>): number[] => [...xs].sort((a, b) => a - b);
  return { activities: order(activities), waits: order(waits) };
}
