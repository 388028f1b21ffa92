/**
 * How a hospital's FHIR resources map to a scenario: a small document kept
 * beside the scenario. Locations (by reference, e.g. "Location/ward-7a") map
 * to a ward (an inpatient there is in that ward's stay) or to resources held
 * and a step (an ED cubicle during assessment); codes of Encounter.class,
 * Encounter.type or Encounter.serviceType map to patient classes; codes of
 * Appointment.serviceType or appointmentType map to booked classes (with the
 * attributes a booking of that kind carries, e.g. the procedure).
 */
import { z } from 'zod';

const AttributeValues = z.record(z.string(), z.union([z.string(), z.number()]));

const CodeRule = z.strictObject({
  /** The code system, if the code alone is ambiguous. */
  system: z.string().optional(),
  code: z.string().min(1),
  class: z.string().min(1),
  attributes: AttributeValues.optional(),
});

const LocationRule = z
  .strictObject({
    /** An inpatient ward: the patient is in its stay (step defaults to the ward id). */
    ward: z.string().min(1).optional(),
    /** Resources a patient here holds (an ED cubicle). */
    holds: z.array(z.string().min(1)).default([]),
    /** The step a patient here is at (activity or seize id); with `waiting`, waiting at it. */
    step: z.string().min(1).optional(),
    occurrence: z.number().int().positive().optional(),
    waiting: z.boolean().default(false),
  })
  .refine((l) => l.ward !== undefined || l.step !== undefined, { message: 'needs a ward, or a step for patients here' });

export const FhirMappingSchema = z.strictObject({
  /** The scenario the names refer to (informative). */
  scenario: z.string().optional(),
  /** By location reference ("Location/ward-7a") or the location's display name. */
  locations: z.record(z.string(), LocationRule),
  /** A patient with a planned location in this ward while active elsewhere waits for a bed at this step (seize id). */
  waitingFor: z.record(z.string(), z.string().min(1)).default({}),
  /** Encounter codes (class, type, serviceType) to patient classes: the first rule that matches a code wins. */
  encounters: z.array(CodeRule).min(1, 'must map at least one encounter code to a class'),
  /** Appointment codes (serviceType, appointmentType) to booked classes. */
  appointments: z.array(CodeRule).default([]),
  /** Stays in a ward whose step is named more than once in a pathway: which one (default 1). */
  stayOccurrence: z.record(z.string(), z.number().int().positive()).default({}),
});

export type FhirMapping = z.output<typeof FhirMappingSchema>;
export type FhirMappingInput = z.input<typeof FhirMappingSchema>;
