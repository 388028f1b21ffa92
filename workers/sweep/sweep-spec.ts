/**
 * A sweep: one base scenario, the parameters to vary and their values, how to
 * run each point and how to rank the results. Written as JSON or YAML.
 */
import { z } from 'zod';
import { formatPath, ScenarioError, type ScenarioIssue } from '../../scenarios/index.js';

/** Most points a sweep may have: past this a grid is almost always a mistake in it. */
export const MAX_POINTS = 10_000;

const Constraint = z
  .strictObject({ figure: z.string().min(1), atLeast: z.number().finite().optional(), atMost: z.number().finite().optional() })
  .refine((c) => (c.atLeast === undefined) !== (c.atMost === undefined), { message: 'must have exactly one of atLeast and atMost' });

const Rank = z.strictObject({
  /** The figure to rank by, e.g. cost.total. */
  by: z.string().min(1),
  /** Lower is better (min, the default) or higher is better (max). */
  order: z.enum(['min', 'max']).default('min'),
  /** Points whose mean of the figure misses the bound are infeasible. One constraint or a list. */
  constraint: z.union([Constraint, z.array(Constraint)]).optional(),
});

export const SweepSpecSchema = z
  .strictObject({
    name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'must be a name of letters, digits, _, . or - (it names the output folder)'),
    description: z.string().optional(),
    /** A built-in scenario's name, a .json/.yaml file (relative to the sweep file), or a scenario document. */
    base: z.union([z.string().min(1), z.record(z.string(), z.unknown())]),
    /** A grid: every combination of these values. Keys are paths such as `wards.medical.beds`. */
    parameters: z.record(z.string(), z.array(z.unknown()).min(1, 'must list at least one value')).optional(),
    /** Instead of a grid, the points listed one by one: `{ "<path>": value, … }`. */
    combinations: z.array(z.record(z.string(), z.unknown())).min(1, 'must list at least one combination').optional(),
    /** Replications per point (default: the base scenario's). */
    replications: z.number().int('must be a whole number').positive('must be at least 1').max(100_000, 'must be at most 100000').optional(),
    /** One seed for every point, so points are compared on common random numbers (default: the base scenario's). */
    seed: z.union([z.number().int(), z.string().min(1)]).optional(),
    /** Figure ids, or prefixes such as `cost` (cost.total, cost.staff, …), to keep (default: every figure). */
    keep: z.array(z.string().min(1)).min(1).optional(),
    rank: Rank.optional(),
  })
  .superRefine((s, ctx) => {
    if ((s.parameters === undefined) === (s.combinations === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: 'must have either parameters (a grid of every combination) or combinations (a list of points), not both or neither',
      });
    }
    if (s.parameters && Object.keys(s.parameters).length === 0)
      ctx.addIssue({ code: 'custom', path: ['parameters'], message: 'must name at least one parameter' });
    s.combinations?.forEach((c, i) => {
      if (Object.keys(c).length === 0) ctx.addIssue({ code: 'custom', path: ['combinations', i], message: 'must set at least one parameter' });
    });
    if (s.parameters) {
      const points = Object.values(s.parameters).reduce((n, values) => n * values.length, 1);
      if (points > MAX_POINTS) ctx.addIssue({ code: 'custom', path: ['parameters'], message: `make a grid of ${points} points; at most ${MAX_POINTS}` });
    }
  });

/** A sweep as written (defaults not applied). */
export type SweepSpecInput = z.input<typeof SweepSpecSchema>;
export type SweepSpec = z.output<typeof SweepSpecSchema>;
export type RankSpec = NonNullable<SweepSpec['rank']>;
export type RankConstraint = z.output<typeof Constraint>;

/** A sweep refused before anything ran, with every problem by its path in the sweep file. */
export class SweepSpecError extends ScenarioError {
  constructor(source: string, issues: readonly ScenarioIssue[]) {
    super(source, issues);
    this.name = 'SweepSpecError';
    const lines = issues.map((i) => `  ${i.path || '(document)'}: ${i.message}`);
    this.message = `${source} is not a valid sweep (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n${lines.join('\n')}`;
  }
}

/** Validates a sweep document; throws SweepSpecError listing every problem. */
export function parseSweepSpec(document: unknown, source = 'sweep'): SweepSpec {
  const result = SweepSpecSchema.safeParse(document, { reportInput: true });
  if (result.success) return result.data;
  throw new SweepSpecError(source, result.error.issues.flatMap(plainIssue));
}

/** A zod issue in plain words, by its path (unions explained by the form that matched). */
export function plainIssue(issue: z.core.$ZodIssue): ScenarioIssue[] {
  if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: 'is not a known field' }));
  const input = 'input' in issue ? issue.input : undefined;
  if (issue.code === 'invalid_type' && input === undefined) return [{ path: formatPath(issue.path), message: `is required (${issue.expected})` }];
  if (issue.code === 'invalid_union') {
    // The form whose shape matched (an object where an object was allowed) explains the problem best.
    const matched = issue.errors.find((errs) => !errs.some((e) => e.path.length === 0 && e.code === 'invalid_type'));
    if (matched) return matched.flatMap((e) => plainIssue({ ...e, path: [...issue.path, ...e.path] } as z.core.$ZodIssue));
    return [{ path: formatPath(issue.path), message: `must be ${unionExpected(issue)}, got ${JSON.stringify(input)}` }];
  }
  const got = input !== undefined && issue.code !== 'custom' ? `, got ${JSON.stringify(input)}` : '';
  const message =
    issue.code === 'invalid_type'
      ? `must be ${issue.expected}`
      : issue.code === 'invalid_value'
        ? `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`
        : issue.message;
  return [{ path: formatPath(issue.path), message: `${message}${got}` }];
}

function unionExpected(issue: z.core.$ZodIssueInvalidUnion): string {
  const article: Record<string, string> = {
    string: 'a string',
    record: 'an object',
    object: 'an object',
    array: 'a list',
    number: 'a number',
    int: 'a whole number',
  };
  const kinds = issue.errors.map((errs) => {
    const only = errs.length === 1 ? errs[0]! : undefined;
    return only && only.path.length === 0 && only.code === 'invalid_type' ? (article[only.expected] ?? only.expected) : 'an object of the documented form';
  });
  return [...new Set(kinds)].join(' or ');
}
