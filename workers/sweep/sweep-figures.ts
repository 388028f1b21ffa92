/**
 * Which figures a sweep keeps, and the check that the figure ids it names exist,
 * made before anything runs: the ids depend on the scenario's structure (its
 * resources, classes and steps), not on its numbers, so a one-day run of the
 * first point lists them.
 */
import { compileScenario, type Scenario, type ScenarioIssue } from '../../scenarios/index.js';
import { runReplication } from '../run-replications.js';
import type { SweepPlan } from './plan-sweep.js';

/** Every figure id a run of `scenario` reports. */
export function figureIdsOf(scenario: Scenario): string[] {
  const short = compileScenario({ ...scenario, warmupDays: 0, horizonDays: Math.min(1, scenario.horizonDays) });
  return Object.keys(runReplication(short, scenario.seed, 1).figures);
}

/** `cost` keeps cost.total, cost.staff, …; `cost.total` keeps itself; a trailing dot is allowed. */
export function keeps(pattern: string, id: string): boolean {
  const p = pattern.endsWith('.') ? pattern.slice(0, -1) : pattern;
  return id === p || id.startsWith(`${p}.`);
}

/** The figure ids to keep of `available`: those `keep` matches (all if undefined), plus those the ranking needs. */
export function keptFigures(plan: Pick<SweepPlan, 'keep' | 'rank'>, available: readonly string[]): string[] {
  const needed = new Set(rankFigures(plan));
  return available.filter((id) => needed.has(id) || plan.keep === undefined || plan.keep.some((k) => keeps(k, id)));
}

/** Problems with the figure ids the sweep names, by their path in the sweep file. */
export function figureIssues(plan: Pick<SweepPlan, 'keep' | 'rank'>, available: readonly string[]): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  plan.keep?.forEach((k, i) => {
    if (!available.some((id) => keeps(k, id))) issues.push({ path: `keep[${i}]`, message: `matches no figure${nearby(k, available)}` });
  });
  if (plan.rank) {
    if (!available.includes(plan.rank.by)) issues.push({ path: 'rank.by', message: `is not a figure${nearby(plan.rank.by, available)}` });
    const constraints = plan.rank.constraint === undefined ? [] : Array.isArray(plan.rank.constraint) ? plan.rank.constraint : [plan.rank.constraint];
    constraints.forEach((c, i) => {
      if (!available.includes(c.figure)) {
        const at = Array.isArray(plan.rank!.constraint) ? `rank.constraint[${i}].figure` : 'rank.constraint.figure';
        issues.push({ path: at, message: `is not a figure${nearby(c.figure, available)}` });
      }
    });
  }
  return issues;
}

function rankFigures(plan: Pick<SweepPlan, 'rank'>): string[] {
  if (!plan.rank) return [];
  const c = plan.rank.constraint;
  return [plan.rank.by, ...(c === undefined ? [] : Array.isArray(c) ? c : [c]).map((x) => x.figure)];
}

/** The figures that share the unknown id's first part, or the groups there are. */
function nearby(id: string, available: readonly string[]): string {
  const group = id.split('.')[0]!;
  const same = available.filter((f) => f.split('.')[0] === group);
  if (same.length > 0) return ` (figures starting "${group}.": ${same.slice(0, 12).join(', ')}${same.length > 12 ? ', …' : ''})`;
  return ` (figure groups: ${[...new Set(available.map((f) => f.split('.')[0]!))].join(', ')})`;
}
