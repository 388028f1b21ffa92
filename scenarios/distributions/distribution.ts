/**
 * The scenario half of a distribution: its schema entry (as a scenario file
 * writes it), what it means as a duration, and the same distribution in other
 * units. Its sampling and its mean are the kernel's (sim-core's families). The
 * table in index.ts lists them; the schema, the duration checks and the unit
 * conversions all read it, and nobody else switches on a distribution's type.
 */
import type { z } from 'zod';
import type { DistributionSpec } from '../../sim-core/index.js';

export interface ScenarioDistribution<T = never> {
  /** The value of `type` that names it. */
  readonly type: string;
  readonly schema: z.ZodType<T>;
  /** Whether every draw is above 0, so a loop through a step that draws it must advance the clock. */
  alwaysPositive(d: T): boolean;
  /** Problems it has as a duration beyond its schema (a duration cannot be negative). */
  checkAsDuration?(d: T, path: string, problem: (path: string, message: string) => void): void;
  /**
   * The same distribution in other units (days to minutes): every parameter with a time unit times `factor`.
   * As the kernel's spec, whose shapes are the schema's (a count becomes an empirical list of its values).
   */
  scale(d: T, factor: number): DistributionSpec;
}

/** A distribution, typed by its schema. */
export function defineDistribution<S extends z.ZodType>(
  d: ScenarioDistribution<z.output<S>> & { schema: S },
): ScenarioDistribution<z.output<S>> & { schema: S } {
  return d;
}
