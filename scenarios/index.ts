export { MAX_HORIZON_DAYS, ScenarioSchema, type Scenario, type ScenarioInput, type PathwayStep } from './schema/scenario.js';
export { compileScenario, startMinuteOfWeek } from './compile/compile-scenario.js';
/** The mean of a distribution (scenario or compiled), for estimates such as the viewer's cleaning time. */
export { distributionMean } from './distributions/index.js';
/** The durations a pathway step draws, asked of its verb. */
export { stepDurations } from './verbs/index.js';
export { parseScenario, parseScenarioText } from './load.js';
export { ScenarioError, formatPath, type ScenarioIssue } from './schema/errors.js';
export { BUILTIN_SCENARIOS, builtinScenario, type BuiltinScenario } from './builtin/index.js';
/** The general hospital's theatre week (lists, schedules A and B, procedures), for the theatre schedule optimiser. */
export {
  LISTS as GENERAL_HOSPITAL_LISTS,
  SCHEDULE_A,
  SCHEDULE_B,
  SESSION as GENERAL_HOSPITAL_SESSION,
  type BlockSchedule,
} from './builtin/or-block-schedule.js';
export { ELECTIVE_PROCEDURES as GENERAL_HOSPITAL_PROCEDURES } from './builtin/general-hospital.js';
export { procedureGroup } from './builtin/general-hospital-case-mix.js';
export { weeklyRoster, WEEK_MINUTES, type TimedBlock } from './compile/weekly-profile.js';
export * from './state/index.js';
export {
  describeFigure,
  figureContext,
  orderFigures,
  shownInterval,
  SECTIONS,
  type FigureContext,
  type FigureDirection,
  type FigureInfo,
  type FigureUnit,
  type SectionId,
} from './figure-catalogue.js';
export { scenarioFigureContext, plainId } from './figure-context.js';
/** What a resource kind and a step's verb mean, from the kernel's tables: for the viewer, which reaches sim-core for types only. */
export { resourceKind, stepVerb } from '../sim-core/index.js';
export { readDataText } from './read-data.js';
/** Whether a class's arrivals come at a rate (whose fields an edit may change), or as a weekly case list: the arrival kinds' table says. */
export { atRate, caseListOf, entriesCsvReader, type CaseListEntry, type RateArrivals } from './arrivals/index.js';
export { readDatedArrivalsCsv, DATED_ARRIVALS_LIMIT, type DatedArrival } from './dated-arrivals-csv.js';
export { didYouMean, nearestName } from './nearest-name.js';
export { INPUT_LIMITS, maxOf, minOf, shortValue, sizeInWords } from './limits.js';
export { csvCell } from './csv-cell.js';
export {
  RESOURCE_KIND_MODULES,
  RESOURCE_ELEMENT_NOUNS,
  declaredResources,
  eventLogTypes,
  figureSectionOf,
  kindModuleOf,
  resourceLayouts,
  type DeclaredResource,
  type LayoutSpec,
  type ResourceKindModule,
  type SlotShape,
  type ZoneKind,
} from './kinds/index.js';
