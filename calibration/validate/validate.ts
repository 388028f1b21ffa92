/**
 * Validation: run the calibrated scenario, turn each replication's trace into
 * an event log of the same shape as the hospital's, summarise both the same
 * way, and set the figures side by side with their differences.
 *
 * Each replication simulates the log's own period (its arrival window), run on
 * for as long as the log goes on after its last arrival, so that a replication
 * and the log are the same kind of sample: the log's own sampling error is
 * then about one replication's standard deviation.
 */
import { compileScenario, parseScenario, type ScenarioInput } from '../../scenarios/index.js';
import { clipAtZero, completedExit, meanConfidenceInterval, patientActivities, runHospital, TraceBuffer, type PatientActivity } from '../../sim-core/index.js';
import type { Calibration } from '../build/build-scenario.js';
import { prepareFlow } from '../read/flow.js';
import type { EventLog, LogRow } from '../read/read-log.js';
import { patientStandardErrors } from './patient-bootstrap.js';
import { figureDefinitions, summarise, type FigureDefinition, type LogSummary, type Unit } from './summary.js';
import { activitiesToEventLog } from './trace-to-log.js';

export interface ValidationRow {
  group: string;
  figure: string;
  unit: Unit;
  log: number;
  /** The log's own standard error (NaN: one replication's sd is used in its place). */
  logSe: number;
  /** The log's own 95% interval (value ± 1.96 standard errors, at least 0); NaN bounds where it has no simple one. */
  logCi: [number, number];
  sim: number;
  simCi: [number, number];
  /**
   * `construction`: fitted from the same counts it is held against (routing and reach shares), so it agrees
   * by construction unless the model loses what it was given; `test`: a figure the model has to produce
   * (times, stays, occupancy, arrivals by hour, paths).
   */
  kind: 'construction' | 'test';
  difference: number;
  /** Difference over its standard error: the log's and the simulated mean's together. */
  z: number;
  verdict: 'agrees' | 'borderline' | 'differs';
}

export interface Validation {
  replications: number;
  /** The log's errors came from resampling patients (the mapping's patientBy), not cases. */
  byPatient: boolean;
  seed: number | string;
  rows: ValidationRow[];
  /** Figures that cannot be compared with this log, and why (e.g. its dates were shifted case by case). */
  leftOut: { groups: string[]; reason: string } | null;
  log: LogSummary;
  sims: LogSummary[];
}

export interface ValidateOptions {
  replications?: number;
  seed?: number | string;
  /** Hears each finished validation replication. */
  onProgress?: (done: number, total: number) => void;
}

export async function validate(cal: Calibration, options: ValidateOptions = {}): Promise<Validation> {
  const { flow } = cal;
  const replications = options.replications ?? cal.flow.options.replications;
  const seed = options.seed ?? cal.flow.options.seed;
  const log = summarise(flow);

  // Run on after the last arrival for as long as the log does, then count only the window's arrivals.
  // With dates shifted case by case the log's window means nothing: the scenario's own horizon is the window.
  const shifted = flow.options.datesShifted;
  const window = shifted ? { from: flow.window.from, to: flow.window.from + shifted.horizonDays * 1440, days: shifted.horizonDays } : flow.window;
  const lastWall = flow.observedUntil + (flow.log.rows[0]?.wallOffset ?? 0);
  const tailDays = shifted ? 60 : Math.max(0, Math.ceil((lastWall - flow.window.to) / 1440));
  const extended: ScenarioInput = { ...cal.scenario, horizonDays: Math.min(3660, window.days + tailDays) };
  const scenario = parseScenario(extended, `${cal.scenario.name} (validation run)`);
  const model = compileScenario(scenario);

  const keep = new Set([...flow.activities]);
  const startName = flow.options.caseStart[0];
  const endName = flow.options.caseEnd[0];
  const className = new Map(cal.classes.map((c) => [c.id, c.name]));
  const sims: LogSummary[] = [];
  for (let r = 1; r <= replications; r++) {
    const buffer = new TraceBuffer();
    runHospital(model, { seed, replication: r, trace: buffer });
    const activities = patientActivities(buffer.toData());
    const rows = activitiesToEventLog(activities, {
      start: flow.window.from,
      prefix: `r${r}-`,
      ...(flow.options.classBy !== undefined ? { classAttribute: { name: flow.options.classBy, valueOf: (id: string) => className.get(id) ?? id } } : {}),
    });
    const simLog = asLogOfSameShape(rows, activities, flow.log, keep, startName, endName);
    sims.push(summarise(prepareFlow(simLog, flow.options, window)));
    options.onProgress?.(r, replications);
    // Let the caller's event loop breathe between replications.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  const patientBy = flow.options.patientBy;
  const rows = compare(log, sims, flow.log.kind, patientBy !== undefined ? (defs) => patientStandardErrors(flow, defs, patientBy, seed) : null);
  const byPatient = patientBy !== undefined;
  if (!shifted) return { replications, byPatient, seed, rows, leftOut: null, log, sims };
  const groups = ['Arrivals', 'Occupancy'];
  return {
    replications,
    byPatient,
    seed,
    rows: rows.filter((r) => !groups.includes(r.group)),
    leftOut: {
      groups: groups.filter((g) => rows.some((r) => r.group === g)),
      reason: "the log's dates were shifted case by case, so arrivals per day and hour and the number in at once are not the hospital's",
    },
    log,
    sims,
  };
}

/**
 * The simulated rows the hospital's log would have had: its activities, its markers, one time per event if it has one.
 * Row k is of activities[k], whose kind tells an arrival and an exit from an activity of the same name.
 */
function asLogOfSameShape(
  rows: LogRow[],
  activities: readonly PatientActivity[],
  original: EventLog,
  keep: Set<string>,
  startName: string | undefined,
  endName: string | undefined,
): EventLog {
  const out: LogRow[] = [];
  for (const [k, r] of rows.entries()) {
    const { kind } = activities[k]!;
    let activity = r.activity;
    if (kind === 'arrive') {
      if (startName === undefined) continue;
      activity = startName;
    } else if (kind === 'leaving') {
      if (endName === undefined) continue;
      // Left by the end of its pathway: the log's end marker; left otherwise: the exit's own word.
      activity = completedExit(activity) ? endName : activity;
    } else if (!keep.has(activity)) continue;
    out.push({ ...r, activity, end: original.kind === 'events' ? r.start : r.end });
  }
  return {
    source: 'simulated',
    kind: original.kind,
    rows: out,
    caseColumns: original.caseColumns,
    attributeNames: original.attributeNames,
    resolution: original.resolution,
    counts: { records: out.length, used: out.length, filtered: 0, open: out.filter((r) => r.end === null).length, fallbackIds: {} },
    bad: [],
  };
}

/** Groups fitted from the same counts they are compared with. */
export const CONSTRUCTION_GROUPS: readonly string[] = ['Who reaches each step', 'Routing (next step after a step)'];

function compare(log: LogSummary, sims: LogSummary[], kind: EventLog['kind'], bootstrap: ((defs: FigureDefinition[]) => number[]) | null): ValidationRow[] {
  const rows: ValidationRow[] = [];
  const defs = figureDefinitions(log, kind);
  // Several cases per patient: the log's errors from resampling patients, not from formulas that take cases as independent.
  const patientSe = bootstrap ? bootstrap(defs) : null;
  for (const [k, def] of defs.entries()) {
    const own = (def.ofLog ?? def.of)(log);
    // The larger of the two: resampling patients widens what cases taken as independent understate, and a resample that is all 0s says nothing.
    const l =
      patientSe && Number.isFinite(patientSe[k]!) ? { value: own.value, se: Number.isFinite(own.se) ? Math.max(own.se, patientSe[k]!) : patientSe[k]! } : own;
    const values = sims.map((s) => def.of(s).value).filter((v) => Number.isFinite(v));
    if (!Number.isFinite(l.value) || values.length === 0) continue;
    // Every figure compared is a count, share, rate or time: never negative, so neither is its interval.
    const ci = values.length >= 2 ? clipAtZero(meanConfidenceInterval(values)) : { mean: values[0]!, lo: NaN, hi: NaN, sd: NaN };
    const simSd = values.length >= 2 ? ci.sd : NaN;
    const logSe = Number.isFinite(l.se) ? l.se : simSd;
    const se = Math.sqrt(logSe * logSe + (simSd * simSd) / values.length);
    const difference = ci.mean - l.value;
    const z = se > 0 ? difference / se : difference === 0 ? 0 : Infinity * Math.sign(difference);
    const a = Math.abs(z);
    rows.push({
      group: def.group,
      figure: def.name,
      unit: def.unit,
      log: l.value,
      logSe: l.se,
      logCi: Number.isFinite(l.se)
        ? [Math.max(0, l.value - 1.96 * l.se), def.unit === 'share' ? Math.min(1, l.value + 1.96 * l.se) : l.value + 1.96 * l.se]
        : [NaN, NaN],
      kind: CONSTRUCTION_GROUPS.includes(def.group) ? 'construction' : 'test',
      sim: ci.mean,
      simCi: [ci.lo, ci.hi],
      difference,
      z,
      verdict: a <= 2 ? 'agrees' : a <= 3 ? 'borderline' : 'differs',
    });
  }
  return rows;
}
