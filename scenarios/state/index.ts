export {
  StateSchema,
  STATE_LIMITS,
  StatePatientSchema,
  BookingSchema,
  LocalDateTime,
  localMinutes,
  formatLocal,
  type StateDocument,
  type StateDocumentInput,
  type StatePatient,
  type Booking,
  type HospitalState,
} from './state-schema.js';
export { parseState } from './parse-state.js';
export { StateError } from './state-error.js';
export { readPatientsCsv, writePatientsCsv } from './state-csv.js';
export { forecastModel, MAX_FORECAST_HOURS, type ForecastModel, type BookedCase } from './forecast-model.js';
export { type ReplayedArrival, type ReplaySummary } from './replay-arrivals.js';
export { stateFromTrace, type TraceState } from './state-from-trace.js';
export { FhirMappingSchema, type FhirMapping, type FhirMappingInput } from './fhir/fhir-mapping.js';
export { stateFromFhir, fhirResourceCounts, parseFhirMapping, bundleItems, ndjsonItems, localTime, type FhirItem } from './fhir/fhir-to-state.js';
