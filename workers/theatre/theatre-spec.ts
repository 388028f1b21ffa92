/**
 * A theatre schedule optimisation as a file (`hospital-twin optimise FILE` runs
 * it when the file has a `theatreSchedule` section): which hospital's week, the
 * weights of the objective, forbidden pairs and bounds on lists, and the
 * budget of the proposal loop and the selection.
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { builtinScenario } from '../../scenarios/index.js';
import { OptimiseSpecError } from '../optimise/optimise-spec.js';
import { plainIssue, readDocument } from '../sweep/index.js';
import { WEEKDAYS } from './schedule.js';

const positive = () => z.number().finite().positive('must be above 0');
const count = () => z.number().int('must be a whole number').min(0, 'must be 0 or more');

export const TheatreSpecSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9._-]+$/, 'must be letters, digits, ".", "_" or "-" (it names the output folder)'),
  description: z.string().optional(),
  theatreSchedule: z.strictObject({
    /** The week to schedule: the general hospital's 15 lists, or the small check instance. */
    hospital: z.enum(['general-hospital', 'small-instance']),
    /**
     * The user's own scenario (a .yaml, .yml or .json file, relative to this file, or a built-in's
     * name) whose week is scheduled with the hospital's kinds of list; default: the hospital's own.
     */
    scenario: z.string().min(1, 'must name a scenario file or a built-in scenario').optional(),
    weights: z
      .strictObject({ overtimeHours: z.number().min(0), cancellations: z.number().min(0), peakWardBeds: z.number().min(0), peakIcuBeds: z.number().min(0) })
      .partial()
      .default({}),
    forbidden: z.array(z.strictObject({ list: z.string(), theatre: z.string().optional(), day: z.enum(WEEKDAYS).optional() })).default([]),
    bounds: z.record(z.string(), z.strictObject({ min: count(), max: count() })).default({}),
    /** Days simulated per replication after the warm-up (a multiple of 7 reads best). */
    horizonDays: positive().max(3650).optional(),
  }),
  seed: z.union([z.number(), z.string()]).default(1),
  /** Draws of each list for the program's sample averages. */
  samples: z.number().int().min(1).max(100_000).default(300),
  perRound: z.number().int().min(1).max(50).default(3),
  rounds: z.number().int().min(1).max(50).default(3),
  replications: z
    .strictObject({ firstStage: z.number().int().min(2).max(1000).default(5), budget: z.number().int().min(2).max(1_000_000).default(60) })
    .default({ firstStage: 5, budget: 60 }),
  confidence: z.number().gt(0.5).lt(1).default(0.95),
  workers: z.number().int().min(1).max(256).optional(),
});
export type TheatreSpec = z.output<typeof TheatreSpecSchema>;

/** The spec, if the file is a theatre schedule optimisation (has `theatreSchedule`); null for any other optimisation. */
export async function loadTheatreSpec(file: string): Promise<TheatreSpec | null> {
  const read = await readDocument(file);
  if ('issue' in read) return null;
  const doc = read.document;
  if (doc === null || typeof doc !== 'object' || !('theatreSchedule' in doc)) return null;
  const result = TheatreSpecSchema.safeParse(doc, { reportInput: true });
  if (!result.success) throw new OptimiseSpecError(file, result.error.issues.flatMap(plainIssue));
  const spec = result.data;
  const own = spec.theatreSchedule.scenario;
  if (own !== undefined && !builtinScenario(own) && !isAbsolute(own)) spec.theatreSchedule.scenario = resolve(dirname(file), own);
  const problems: { path: string; message: string }[] = [];
  for (const [id, b] of Object.entries(spec.theatreSchedule.bounds))
    if (b.min > b.max) problems.push({ path: `theatreSchedule.bounds.${id}.min`, message: `must be at most max (${b.max}), got ${b.min}` });
  if (spec.replications.firstStage > spec.replications.budget)
    problems.push({
      path: 'replications.firstStage',
      message: `must be at most the budget (${spec.replications.budget}), got ${spec.replications.firstStage}`,
    });
  if (problems.length > 0) throw new OptimiseSpecError(file, problems);
  return spec;
}
