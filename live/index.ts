/** The live twin: HL7 v2 ADT over MLLP and FHIR over HTTP into a durable journal, its state, the forecast loop and the HTTP/SSE API. */
export { readAdt, hl7Time, AdtRefusal, ADT_TRIGGERS, type AdtEvent, type AdtTrigger } from './hl7/adt-event.js';
export { adtMessage, ackMessage, readAck, type AdtFields, type AckCode } from './hl7/adt-text.js';
export { mllpFrame, MllpReader } from './hl7/mllp.js';
export { Journal, JournalError, type JournalEntry } from './store/journal.js';
export { LiveState, type LiveStateView } from './store/live-state.js';
export { VisitFold, PATIENT_CLASS_SYSTEM, SERVICE_SYSTEM } from './store/visit-fold.js';
export { feedMessages, type FeedMessage, type FeedOptions, type FeedResult } from './feed/mllp-client.js';
export { serveLiveTwin, ServeError, type ServeOptions, type LiveTwinHandle } from './service/serve.js';
export { requestAccess, bindProblem, isLoopback } from './service/access.js';
