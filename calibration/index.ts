/** Calibration: from a hospital's event log to a scenario, with a report that holds the two side by side. */
export { readText } from './calibrate.js';
export { calibrate, calibrateText, type CalibrateOptions, type CalibrationResult } from './calibrate.js';
export { CalibrationError } from './errors.js';
export { parseMapping, parseMappingText, MappingSchema, type Mapping, type MappingInput } from './read/mapping.js';
export { readEventLog, type EventLog, type LogRow, type BadRow } from './read/read-log.js';
export { readAnyEventLog, logFormat, type LogFormat } from './read/log-format.js';
export { prepareFlow, type Flow, type LogCase } from './read/flow.js';
export { buildCalibration, type Calibration } from './build/build-scenario.js';
export { validate, type Validation, type ValidationRow } from './validate/validate.js';
export { traceToEventLog } from './validate/trace-to-log.js';
export { wardStaysOfLog, type WardStay, type LogWardStays } from './validate/ward-stays.js';
export { validationMarkdown, validationVerdict } from './report/validation-table.js';
export { fitFamily, type Fit } from './fit/mle.js';
export { fitDuration, type DurationFit } from './fit/fit-duration.js';
export { kolmogorovSmirnov, andersonDarling } from './fit/goodness-of-fit.js';
export { fitArrivals, type ArrivalFit } from './fit/arrivals.js';
export { xesHeader, xesTrace, XES_FOOTER, type XesAttribute, type XesTrace } from './write/xes-writer.js';
export { OcelJsonWriter, type OcelWriteEvent, type OcelWriteObject } from './write/ocel-writer.js';
