/**
 * From an optimisation and its base scenario to what the search needs: the
 * decision space, the goal and the budget, with every problem found (a path that
 * reaches nothing, an empty range, a corner that makes an invalid scenario, a
 * figure that runs do not report) refused together before anything runs.
 */
import { parseScenario, ScenarioError, type Scenario, type ScenarioIssue } from '../../scenarios/index.js';
import { figureIdsOf } from '../sweep/index.js';
import { buildDecisionSpace, cornerIssues, type DecisionSpace } from './decision-space.js';
import { goalIssues, goalOf, type Goal } from './measure.js';
import { OptimiseSpecError, type OptimiseSpec } from './optimise-spec.js';

export interface OptimisePlan {
  name: string;
  space: DecisionSpace;
  goal: Goal;
  base: Scenario;
  seed: number | string;
}

export function planOptimisation(spec: OptimiseSpec, baseDocument: unknown, source: string): OptimisePlan {
  const issues: ScenarioIssue[] = [];
  let base: Scenario | undefined;
  try {
    base = parseScenario(baseDocument, 'base');
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    for (const i of e.issues) issues.push({ path: 'base', message: `${i.path || '(document)'}: ${i.message}` });
  }
  const { space, issues: spaceIssues } = buildDecisionSpace(spec, baseDocument);
  issues.push(...spaceIssues);
  if (issues.length === 0) issues.push(...cornerIssues(space));
  if (base) issues.push(...goalIssues(spec, figureIdsOf(base)));
  if (issues.length > 0 || !base) throw new OptimiseSpecError(source, issues);
  return { name: spec.name, space, goal: goalOf(spec), base, seed: spec.seed ?? base.seed };
}
