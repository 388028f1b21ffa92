/**
 * What the optimisation measures in each replication: the objective and each
 * constraint, from one figure or a weighted sum of figures (a cost per server
 * hour plus a cost per waiting hour), computed replication by replication so
 * that common random numbers pair them across solutions.
 */
import type { ScenarioIssue } from '../../scenarios/index.js';
import { objectiveOf, type ConstraintSpec, type Measure, type OptimiseSpec } from './optimise-spec.js';

export interface Constraint {
  label: string;
  measure: Measure;
  kind: 'atLeast' | 'atMost';
  bound: number;
  confidence: number;
  tolerance: number;
}

export interface Goal {
  label: string;
  measure: Measure;
  order: 'min' | 'max';
  constraints: Constraint[];
  /** Every figure id needed, objective's first. */
  figures: string[];
}

export function goalOf(spec: OptimiseSpec): Goal {
  const { measure, order } = objectiveOf(spec);
  const constraints = spec.constraints.map((c) => constraintOf(c));
  const figures = [...new Set([...figureIds(measure), ...constraints.flatMap((c) => figureIds(c.measure))])];
  return { label: labelOf(measure), measure, order, constraints, figures };
}

function constraintOf(c: ConstraintSpec): Constraint {
  const kind = c.atLeast !== undefined ? ('atLeast' as const) : ('atMost' as const);
  const bound = (c.atLeast ?? c.atMost)!;
  return { label: labelOf(c.figure), measure: c.figure, kind, bound, confidence: c.confidence, tolerance: c.tolerance ?? Math.abs(bound) * 0.01 };
}

export function figureIds(measure: Measure): string[] {
  return typeof measure === 'string' ? [measure] : Object.keys(measure);
}

export function labelOf(measure: Measure): string {
  if (typeof measure === 'string') return measure;
  return Object.entries(measure)
    .map(([id, w], i) => `${i === 0 ? (w < 0 ? '-' : '') : w < 0 ? ' - ' : ' + '}${Math.abs(w) === 1 ? '' : `${+Math.abs(w).toPrecision(6)}·`}${id}`)
    .join('');
}

/** The measure in one replication (NaN if a figure it needs is undefined there). */
export function measureValue(measure: Measure, row: Readonly<Record<string, number>>): number {
  if (typeof measure === 'string') return row[measure] ?? Number.NaN;
  let sum = 0;
  for (const [id, weight] of Object.entries(measure)) sum += weight * (row[id] ?? Number.NaN);
  return sum;
}

/** Margin by which a replication meets the constraint: ≥ 0 means met (value − bound for atLeast, bound − value for atMost). */
export function slack(c: Constraint, row: Readonly<Record<string, number>>): number {
  const v = measureValue(c.measure, row);
  return c.kind === 'atLeast' ? v - c.bound : c.bound - v;
}

/** Figure ids the goal names that a run does not report, by their path in the file. */
export function goalIssues(spec: OptimiseSpec, available: readonly string[]): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const has = new Set(available);
  const check = (measure: Measure, at: string): void => {
    if (typeof measure === 'string') {
      if (!has.has(measure)) issues.push({ path: at, message: `is not a figure${nearby(measure, available)}` });
      return;
    }
    for (const id of Object.keys(measure)) if (!has.has(id)) issues.push({ path: `${at}["${id}"]`, message: `is not a figure${nearby(id, available)}` });
  };
  const o = spec.objective;
  const key = o.minimise !== undefined ? 'minimise' : o.minimize !== undefined ? 'minimize' : o.maximise !== undefined ? 'maximise' : 'maximize';
  check(objectiveOf(spec).measure, `objective.${key}`);
  spec.constraints.forEach((c, i) => check(c.figure, `constraints[${i}].figure`));
  return issues;
}

function nearby(id: string, available: readonly string[]): string {
  const group = id.split('.')[0]!;
  const same = available.filter((f) => f.split('.')[0] === group);
  if (same.length > 0) return ` (figures starting "${group}.": ${same.slice(0, 12).join(', ')}${same.length > 12 ? ', …' : ''})`;
  return ` (figure groups: ${[...new Set(available.map((f) => f.split('.')[0]!))].join(', ')})`;
}
