/**
 * The parts of FHIR R4 resources the state is read from, checked for their
 * shape before anything reads them: a resource from another system may have
 * any form, and a wrong one is refused by its path (`entry[2].resource.location[0].location:
 * must be object, got "x"`) rather than failing deep inside the reader. Every
 * other field is left alone (FHIR resources carry many we do not need).
 */
import { z } from 'zod';

const Coding = z.looseObject({ system: z.string().optional(), code: z.string().optional() });
const CodeableConcept = z.looseObject({ coding: z.array(Coding).optional() });
const Period = z.looseObject({ start: z.string().optional(), end: z.string().optional() });

export const EncounterSchema = z.looseObject({
  resourceType: z.literal('Encounter'),
  id: z.string().optional(),
  status: z.string(),
  class: Coding.optional(),
  type: z.array(CodeableConcept).optional(),
  serviceType: CodeableConcept.optional(),
  period: Period.optional(),
  location: z
    .array(
      z.looseObject({
        location: z.looseObject({ reference: z.string().optional(), display: z.string().optional() }),
        status: z.string().optional(),
        period: Period.optional(),
      }),
    )
    .optional(),
});

export const AppointmentSchema = z.looseObject({
  resourceType: z.literal('Appointment'),
  id: z.string().optional(),
  status: z.string(),
  serviceType: z.array(CodeableConcept).optional(),
  appointmentType: CodeableConcept.optional(),
  start: z.string().optional(),
});

export const BundleSchema = z.looseObject({
  resourceType: z.literal('Bundle'),
  timestamp: z.string().optional(),
  entry: z.array(z.looseObject({ resource: z.unknown() })).optional(),
});

export type FhirEncounter = z.output<typeof EncounterSchema>;
export type FhirAppointment = z.output<typeof AppointmentSchema>;
export type FhirCoding = z.output<typeof Coding>;
export type FhirCodeableConcept = z.output<typeof CodeableConcept>;
