/**
 * An optimisation: a base scenario, the decision variables (sweep paths with
 * their ranges or listed values), an objective, constraints held with a stated
 * confidence, and a budget. Written as JSON or YAML.
 */
import { z } from 'zod';
import { ScenarioError, type ScenarioIssue } from '../../scenarios/index.js';
import { SweepSpecSchema } from '../sweep/index.js';

/** A figure id, or a weighted sum of figures (`{ cost.total: 1, queue.cubicle.mean: 2400 }`), computed replication by replication. */
const Measure = z.union([
  z.string().min(1),
  z.record(z.string().min(1), z.number().finite()).refine((r) => Object.keys(r).length > 0, { message: 'must name at least one figure' }),
]);

/** The most values one variable's range may give (README, "Limits"). */
export const MAX_RANGE_VALUES = 10_000;

function rangeSize(r: { from: number; to: number; step: number }): number {
  return Math.floor((r.to - r.from) / r.step) + 1;
}

const Range = z
  .strictObject({
    from: z.number().int('must be a whole number'),
    to: z.number().int('must be a whole number'),
    step: z.number().int('must be a whole number').positive('must be at least 1').default(1),
  })
  .refine((r) => r.to >= r.from, { message: 'is empty: "to" is below "from"', path: ['to'] })
  // Checked before the values are listed: a range to 1e12 was a fatal allocation, not an answer.
  .refine((r) => rangeSize(r) <= MAX_RANGE_VALUES, {
    message: `has more than the ${MAX_RANGE_VALUES.toLocaleString('en')} values a variable may take (a search can try only a few hundred): narrow it, or give a larger step`,
  });

const Variable = z
  .strictObject({
    /** A sweep path; `[*]` sets every element alike. A list of paths links them: one value for all. */
    path: z.union([z.string().min(1), z.array(z.string().min(1)).min(1, 'must list at least one path')]),
    /** Names the variable in tables (default: its first path). */
    name: z.string().min(1).optional(),
    range: Range.optional(),
    /** Listed values, in the order the search takes as near to far: numbers, names, or whole parts of a scenario (a theatre's sessions). */
    values: z.array(z.unknown()).min(1, 'is empty: must list at least one value').optional(),
  })
  .refine((v) => (v.range === undefined) !== (v.values === undefined), { message: 'must have either range (from, to, step) or values, not both or neither' });

const Objective = z
  .strictObject({ minimise: Measure.optional(), minimize: Measure.optional(), maximise: Measure.optional(), maximize: Measure.optional() })
  .refine((o) => [o.minimise, o.minimize, o.maximise, o.maximize].filter((m) => m !== undefined).length === 1, {
    message: 'must have exactly one of minimise and maximise',
  });

const Constraint = z
  .strictObject({
    figure: Measure,
    atLeast: z.number().finite().optional(),
    atMost: z.number().finite().optional(),
    /** How sure the chosen solution must be to meet it (0.95 = 95%). */
    confidence: z.number().gt(0.5, 'must be above 0.5').lt(1, 'must be below 1').default(0.95),
    /** Means within this distance of the bound may be judged either way (default: 1% of the bound). */
    tolerance: z.number().positive('must be above 0').optional(),
  })
  .refine((c) => (c.atLeast === undefined) !== (c.atMost === undefined), { message: 'must have exactly one of atLeast and atMost' })
  .refine((c) => c.tolerance !== undefined || (c.atLeast ?? c.atMost) !== 0, {
    message: 'has a bound of 0: give a tolerance (how close to 0 a mean may be and still be judged either way)',
    path: ['tolerance'],
  });

export const OptimiseSpecSchema = z.strictObject({
  name: SweepSpecSchema.shape.name,
  description: z.string().optional(),
  /** A built-in scenario's name, a .json/.yaml file (relative to this file), or a scenario document. */
  base: SweepSpecSchema.shape.base,
  variables: z.array(Variable).min(1, 'must have at least one decision variable'),
  objective: Objective,
  constraints: z.array(Constraint).default([]),
  budget: z
    .strictObject({
      replications: z.number().int('must be a whole number').positive('must be at least 1').optional(),
      minutes: z.number().positive('must be above 0').optional(),
    })
    .refine((b) => b.replications !== undefined || b.minutes !== undefined, { message: 'must give replications, minutes or both' }),
  seed: z.union([z.number().int(), z.string().min(1)]).optional(),
  workers: z.number().int('must be a whole number').positive('must be at least 1').max(256).optional(),
  search: z
    .strictObject({
      /** Replications a newly visited solution gets at once. */
      replications: z.number().int().min(2, 'must be at least 2').max(1000).default(3),
      /** Solutions sampled from the most promising area per iteration. */
      samples: z.number().int().positive().max(100).default(4),
      /** Share of the replication budget the search may use before selection starts. */
      share: z.number().gt(0).lt(1).default(0.7),
    })
    .default({ replications: 3, samples: 4, share: 0.7 }),
  selection: z
    .strictObject({
      /** Probability that the solution chosen is within `indifference` of the best candidate (KN). */
      confidence: z.number().gt(0.5).lt(1).default(0.95),
      /** Differences in the objective smaller than this do not matter (default: 1% of the best candidate's mean). */
      indifference: z.number().positive().optional(),
      /** First-stage replications of every candidate (n0). */
      firstStage: z.number().int().min(3, 'must be at least 3').max(1000).default(10),
      /** Best solutions of the search that enter the final selection. */
      candidates: z.number().int().min(1).max(100).default(10),
    })
    .default({ confidence: 0.95, firstStage: 10, candidates: 10 }),
});

export type OptimiseSpec = z.output<typeof OptimiseSpecSchema>;
export type OptimiseSpecInput = z.input<typeof OptimiseSpecSchema>;
export type Measure = z.output<typeof Measure>;
export type VariableSpec = OptimiseSpec['variables'][number];
export type ConstraintSpec = OptimiseSpec['constraints'][number];

/** An optimisation refused before anything ran, with every problem by its path in the file. */
export class OptimiseSpecError extends ScenarioError {
  constructor(source: string, issues: readonly ScenarioIssue[]) {
    super(source, issues);
    this.name = 'OptimiseSpecError';
    const lines = issues.map((i) => `  ${i.path || '(document)'}: ${i.message}`);
    this.message = `${source} is not a valid optimisation (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n${lines.join('\n')}`;
  }
}

/** The objective's figure(s) and direction. */
export function objectiveOf(spec: Pick<OptimiseSpec, 'objective'>): { measure: Measure; order: 'min' | 'max' } {
  const o = spec.objective;
  const min = o.minimise ?? o.minimize;
  if (min !== undefined) return { measure: min, order: 'min' };
  return { measure: (o.maximise ?? o.maximize)!, order: 'max' };
}
