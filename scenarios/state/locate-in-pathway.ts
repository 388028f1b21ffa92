import type { StepModel } from '../../sim-core/index.js';

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
    holds = frontier.holds.filter((h) => (steps[h] as { activity: string }).activity === activity);
    frontier = closure(
      steps,
      holds.map((h) => h + 1),
      attributeValue,
    );
  }
  if (now.in) return holds;
  return frontier.seizes.filter((s) => (steps[s] as { resources: number[] }).resources.includes(now.waitingFor));
}

/** The timed steps and seizes reachable from `from` without passing a timed step. */
function closure(steps: readonly StepModel[], from: readonly number[], attributeValue: (a: number) => number): { holds: number[]; seizes: number[] } {
  const seen = new Set<number>();
  const holds = new Set<number>();
  const seizes = new Set<number>();
  const stack = [...from];
  while (stack.length > 0) {
    const i = stack.pop()!;
    if (seen.has(i) || i < 0 || i >= steps.length) continue;
    seen.add(i);
    const s = steps[i]!;
    switch (s.op) {
      case 'hold':
        holds.add(i);
        break;
      case 'seize':
        seizes.add(i);
        stack.push(i + 1);
        break;
      case 'release':
      case 'consume':
        stack.push(i + 1);
        break;
      case 'branch':
        stack.push(i + 1, ...s.targets);
        break;
      case 'branchOn': {
        const v = attributeValue(s.attribute);
        if (v < 0) stack.push(s.otherwise, ...s.targetByValue.filter((t) => t >= 0));
        else stack.push((s.targetByValue[v] ?? -1) >= 0 ? s.targetByValue[v]! : s.otherwise);
        break;
      }
      case 'goto':
        stack.push(s.target);
        break;
      case 'leave':
        break;
    }
  }
  const order = (xs: Set<number>): number[] => [...xs].sort((a, b) => a - b);
  return { holds: order(holds), seizes: order(seizes) };
}
