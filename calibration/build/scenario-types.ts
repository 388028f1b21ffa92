/**
 * The parts of a scenario document calibration writes, derived from the
 * scenarios folder's public types (so they cannot drift from the schema).
 */
import type { ScenarioInput } from '../../scenarios/index.js';

export type StepInput = NonNullable<ScenarioInput['pathways']>[string][number];
export type DurationInput = Extract<StepInput, { hold: unknown }>['hold'];
export type DistributionInput = Exclude<DurationInput, { byAttribute: string }>;
export type ArrivalsInput = ScenarioInput['patientClasses'][number]['arrivals'];
export type WardInput = NonNullable<ScenarioInput['wards']>[number];
export type PoolInput = NonNullable<ScenarioInput['resources']>[number];
export type ClassInput = ScenarioInput['patientClasses'][number];
