/**
 * The scenario half of a step verb: its schema entry (the step as written),
 * its reference checks, where a patient can go from it without time passing
 * (for the zero-time loop check), and its compile step into the kernel's
 * steps. The table in index.ts lists them; the schema, the loader, the
 * reference checks and the compiler all read it.
 */
import type { z } from 'zod';
import type { AttributeModel, ResourceModel, StepModel } from '../../sim-core/index.js';
import type { ResourceKindModule } from '../kinds/kind.js';
import type { DurationInput } from '../schema/distribution.js';
import type { NetworkSectionSpec } from '../network/network-section.js';

/** What a verb's checks may use, for one pathway. */
export interface CheckContext {
  /** The pathway's name. */
  pathway: string;
  /** What each resource id is: its kind's module (its noun, "a ward", and the kernel's kinds it compiles to). */
  kindOf: ReadonlyMap<string, ResourceKindModule>;
  items: ReadonlySet<string>;
  emergencyRooms: ReadonlySet<string>;
  /** Priorities of the classes that follow this pathway. */
  classPriorities: readonly number[];
  /** Every pathway's name (a transfer goes on at one of another site). */
  pathwayNames: ReadonlySet<string>;
  /** The sites and travel times of the network the scenario was merged from; absent for one hospital. */
  network: NetworkSectionSpec | undefined;
  problem(path: string, message: string): void;
  /** The label names a step of this pathway. */
  checkTarget(label: string, path: string): void;
  checkResource(id: string, path: string): void;
  /** The attribute exists and has each of the `cases` as a value. */
  checkAttribute(attribute: string, cases: string[], path: string): void;
  checkDuration(d: DurationInput, path: string): void;
  /** Checks steps nested in this one (a split's branches), each by its own verb. */
  checkSteps(steps: readonly unknown[], base: string): void;
  /** The steps of the list the checked step is in, and its index there (for looking ahead, as compile does). */
  steps: readonly unknown[];
  index: number;
}

/** What a verb's compile step may use, for one pathway. */
export interface CompileContext {
  pathway: string;
  resources: readonly ResourceModel[];
  resourceIndex: ReadonlyMap<string, number>;
  attributeIndex: ReadonlyMap<string, number>;
  valueIndex(attribute: number, value: string | number): number;
  itemIndex: ReadonlyMap<string, number>;
  attributes: readonly AttributeModel[];
  /** Each pathway's model index, by name. */
  pathwayIndex: ReadonlyMap<string, number>;
  network: NetworkSectionSpec | undefined;
  /** The model index of the step a label names. */
  target(label: string): number;
  /** The scenario steps of the pathway and this step's index among them (for looking ahead). */
  steps: readonly unknown[];
  index: number;
  /** The model index this step's first compiled step will have. */
  at: number;
  /** Compiles steps nested in this one, their first at model index `at`. */
  compileSteps(steps: readonly unknown[], at: number): StepModel[];
}

export interface ScenarioVerb<T = never> {
  /** The field that names the verb in a step (`{ seize: [...] }`). */
  readonly key: string;
  readonly schema: z.ZodType<T>;
  /** Kernel steps it compiles into (labels are numbered by them); default 1. */
  size?(step: T): number;
  check(step: T, at: string, ctx: CheckContext): void;
  /**
   * The scenario steps a patient can go to from step k without time passing
   * (`at` gives a label's index, -1 unknown); an empty list when time passes
   * here or the pathway ends. Default: the next step.
   */
  next?(step: T, k: number, at: (label: string) => number): number[];
  compile(step: T, ctx: CompileContext): StepModel[];
  /** The durations the step draws (a hold's, a stay's length), for readers that ask what a pathway's times depend on; absent: none. */
  durations?(step: T): DurationInput[];
  /** The name of the wait figure the step's wait is measured under (its id, else one made from the pathway); absent: no wait measured. */
  waitFigure?(step: T, pathway: string): string;
  /**
   * The step as written, with the names its site defines given the site's prefix (`rename`), when a
   * network merges sites; absent: every string in it that the site defines is renamed.
   */
  rename?(step: T, rename: (name: string) => string, site: string): unknown;
}

/** A verb, typed by its schema. */
export function defineVerb<S extends z.ZodType>(verb: ScenarioVerb<z.output<S>> & { schema: S }): ScenarioVerb<z.output<S>> & { schema: S } {
  return verb;
}
