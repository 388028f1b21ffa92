export { EventCalendar, type EventHandle } from './calendar.js';
export { PRIORITY } from './priorities.js';
export { Simulation, type EventHandler, type SimulationOptions } from './simulation.js';
export { TraceBuffer, firstTraceDifference, type TraceData, type TraceRecorder } from './trace.js';
export { createStream, type RandomStream } from './random/stream.js';
export type { Distribution } from './random/distribution.js';
export * from './random/distributions/index.js';
export { ClaimBook, REFUSED, type SeizeOptions } from './resources/claim-book.js';
export { Resource, type ResourceOptions } from './resources/resource.js';
export { followRoster, minutesUntilCapacityDrop, rosterCapacityAt, type Roster, type RosterChange } from './resources/roster.js';
export * from './stats/index.js';
export type * from './hospital/model.js';
export { runHospital, type HospitalRunOptions, type HospitalRunResult } from './hospital/run-hospital.js';
export { branchOf, checkInitialState, type InitialState, type PlacedBranch, type PlacedPatient } from './hospital/initial-state.js';
export { remainingDuration } from './random/distributions/conditional.js';
export { CostLedger, COST_TYPES, type CostType } from './hospital/cost-ledger.js';
export { carriedEntries, clinicOf, surgeFactor } from './hospital/arrivals/index.js';
export { patientActivities, type PatientActivity, type TracedPatient } from './hospital/trace-activities.js';
export {
  readTrace,
  TraceReader,
  type ReadTraceOptions,
  type TraceEvent,
  type TraceEventKind,
  type Arrived,
  type AttributeSet,
  type Requested,
  type Seized,
  type Released,
  type Started,
  type Finished,
  type StockedOut,
  type Left,
  type BranchEnded,
  type TurnoverEnded,
  type BrokeDown,
  type Repaired,
} from './hospital/trace-reader.js';
export {
  TRACE_WORDS,
  TRACE_PLACED,
  TRACE_ATTRIBUTE_PREFIX,
  EXIT_KINDS,
  EXIT_WORDS,
  TRACE_BRANCH_END_PREFIX,
  BRANCH_END_WORDS,
  completedExit,
  type ExitKind,
  type TraceWord,
  type TraceWordKey,
} from './hospital/trace-words.js';
export { RESOURCE_KINDS, RESOURCE_KIND_NAMES, resourceKind, type ResourceKindInfo } from './hospital/resource-kinds.js';
export type { Observer, ObserverContext, ObserverFactory, RunFindings, RunObserver } from './hospital/observer.js';
export {
  stepVerb,
  VERBS,
  plainSeize,
  type Parallel,
  type Standing,
  type Verb,
  type TransferStep,
  type TransferDestination,
  type TransferRule,
  type DivertStep,
  type DivertDestination,
  type DiversionCondition,
} from './verbs/index.js';
