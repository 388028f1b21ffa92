/**
 * From a prepared flow to a scenario document that passes the schema and runs
 * as it is: one patient class per class of the log with its arrival profile
 * and pathway, ward beds and activity pools sized from the capacity hints, and
 * the notes on what the log cannot tell that the report repeats.
 */
import { stepDurations, type ScenarioInput } from '../../scenarios/index.js';
import type { Flow } from '../read/flow.js';
import { slug } from '../read/flow.js';
import { formatWall } from '../read/timestamps.js';
import type { ArrivalFit } from '../fit/arrivals.js';
import { capacityHints, type CapacityHints, type Concurrency } from '../fit/capacity.js';
import { observe, type Observations } from '../fit/observations.js';
import { fitByAttribute, fitClass, type AttributeDurationFit, type ClassFit } from './fit-class.js';
import { buildPathway, type PathwayContext } from './pathway.js';
import type { ClassInput, PoolInput, StepInput, WardInput } from './scenario-types.js';
import { followCase, TIMING_ATTRIBUTE } from './case-bootstrap.js';
import { uniqueIds } from './unique-ids.js';
import type { CaseAttribute } from '../read/case-table.js';
import type { DeclaredCaseMix } from './case-mix.js';

export interface Calibration {
  flow: Flow;
  classes: (ClassFit & { id: string })[];
  /** All classes together. */
  all: Observations;
  /** Lengths of stay as the mapping defines them, else per ward. */
  lengthsOfStay: { name: string; fit: AttributeDurationFit }[];
  capacity: CapacityHints;
  /** Beds per ward and units per pool written in the scenario, with the hint they came from. */
  sizing: { id: string; kind: 'ward' | 'pool'; units: number; mostAtOnce: number; activity: string }[];
  scenario: ScenarioInput;
  notes: string[];
  /** Attributes read from the mapping's case tables (MIMIC's DRG), with what was matched. */
  caseAttributes?: CaseAttribute[];
  /** Case-mix groups declared by the mapping's model.caseMix. */
  caseMix?: DeclaredCaseMix;
}

/** Units above the most seen at once, so a calibrated flow is not throttled by a capacity the log never showed. */
export function headroom(mostAtOnce: number): number {
  return Math.max(1, mostAtOnce + Math.ceil(2 * Math.sqrt(mostAtOnce)) + 1);
}

export function buildCalibration(flow: Flow, name: string, mappingNotes: readonly string[] = []): Calibration {
  const options = flow.options;
  const all = observe(flow);
  const capacity = capacityHints(flow, all.stays);
  const fitOptions = { minFit: options.minFit, choose: options.choose, resolution: flow.log.resolution };

  const unique = uniqueIds();

  // With dates shifted case by case, "the most at once" in the log means nothing: the number in an
  // activity at the given arrival rate follows from Little's law, L = λW, the log's own time-average
  // scaled from its (meaningless) rate to the given one.
  const shifted = options.datesShifted;
  const rateScale = shifted ? (shifted.arrivalsPerDay * flow.window.days) / Math.max(1, flow.cases.length) : 1;
  const atOnce = (c: Concurrency | undefined): number => (c === undefined ? 1 : shifted ? Math.ceil(c.mean * rateScale) : c.max);
  const sizing: Calibration['sizing'] = [];
  const wardTypes = new Map<string, WardInput['type']>();
  for (const [activity, w] of flow.stayWard) {
    if (!flow.activities.includes(activity) || wardTypes.has(w.ward)) continue;
    wardTypes.set(w.ward, w.type);
    unique(w.ward); // reserved: ward ids come first and are already distinct, so this returns it unchanged
    const most = atOnce(capacity.wards.find((c) => c.name === w.ward));
    sizing.push({ id: w.ward, kind: 'ward', units: headroom(most), mostAtOnce: most, activity });
  }
  const wards: WardInput[] = sizing.map((s) => ({ id: s.id, type: wardTypes.get(s.id)!, beds: s.units, costPerBedDay: 0 }));

  const poolOf = new Map<string, string>();
  const pools: PoolInput[] = [];
  if (flow.log.kind === 'intervals') {
    for (const c of capacity.activities) {
      if (flow.stayWard.has(c.name)) continue;
      const id = unique(slug(c.name) || 'pool');
      poolOf.set(c.name, id);
      const most = atOnce(c);
      const units = headroom(most);
      pools.push({ id, department: options.department, units });
      sizing.push({ id, kind: 'pool', units, mostAtOnce: most, activity: c.name });
    }
  }

  const ctx: PathwayContext = { flow, poolOf, wards: wards.map((w) => w.id) };
  const classes: Calibration['classes'] = [];
  const patientClasses: ClassInput[] = [];
  const pathways: Record<string, StepInput[]> = {};
  for (const cls of flow.classes) {
    const fit = fitClass(
      flow,
      cls,
      flow.cases.filter((c) => c.cls === cls),
    );
    if (options.durationsBy !== undefined && !Object.hasOwn(fit.attributes, options.durationsBy)) {
      for (const d of [...fit.durations.values(), ...[...fit.gaps.values()].map((g) => g.fit)]) d?.byValue.clear();
    }
    const id = unique(slug(cls) || 'patients');
    classes.push({ ...fit, id });
    pathways[id] = buildPathway(fit, ctx);
    const attributes: ClassInput['attributes'] = {};
    for (const [attr, mix] of Object.entries(fit.attributes)) attributes[attr] = { values: mix.values, weights: mix.weights };
    // Each simulated patient takes its times from one logged case of its class, all equally likely.
    // Its other attributes (a DRG from a case table) are that case's, so they go with its times.
    if (fit.caseTimes && usesAttribute(pathways[id], TIMING_ATTRIBUTE)) {
      for (const [attr, mix] of Object.entries(attributes)) Object.assign(mix, followCase(fit.cases, attr, fit.caseTimes));
      attributes[TIMING_ATTRIBUTE] = { values: fit.caseTimes.profiles, weights: fit.caseTimes.profiles.map(() => 1) };
    }
    patientClasses.push({
      id,
      ...(cls !== id ? { name: cls } : {}),
      department: options.department,
      emergencyDepartment: options.emergencyDepartment,
      arrivals: shifted ? shiftedArrivals(fit.arrivals, shifted.arrivalsPerDay * (fit.cases.length / Math.max(1, flow.cases.length))) : fit.arrivals.spec,
      attributes,
      pathway: id,
    });
  }

  const losGroups = new Map<string, typeof all.lengthsOfStay>();
  if (options.lengthOfStay) losGroups.set('length of stay', all.lengthsOfStay);
  else {
    for (const s of all.stays) {
      const key = `stay in ${s.ward}`;
      if (!losGroups.has(key)) losGroups.set(key, []);
    }
    // Per ward: the mapping gave no definition, so each stay is its own length of stay.
    for (const [key] of losGroups) {
      const ward = key.slice('stay in '.length);
      const censor = options.openEnded === 'censor';
      losGroups.set(
        key,
        all.stays
          .filter((s) => s.ward === ward && (s.end !== null || censor))
          .map((s) => ({ value: s.end === null ? flow.observedUntil - s.start : s.end - s.start, censored: s.end === null, attributes: {} })),
      );
    }
  }
  const lengthsOfStay = [...losGroups]
    .filter(([, obs]) => obs.length > 0)
    .map(([n, obs]) => ({ name: n, fit: fitByAttribute(obs, options.durationsBy, fitOptions) }));

  const scenario: ScenarioInput = {
    name,
    description: shifted
      ? `Calibrated from the event log ${flow.log.source}: ${flow.cases.length} cases, dates shifted case by case. ${shifted.arrivalsPerDay} arrivals a day as the mapping gives; beds and pools sized by Little's law at that rate plus headroom, not known capacity; costs are not in the log and are 0.`
      : `Calibrated from the event log ${flow.log.source}: ${flow.cases.length} cases arriving ${formatWall(flow.window.from).slice(0, 10)} to ${formatWall(flow.window.to - 1).slice(0, 10)}. Beds and pools are the most seen at once plus headroom, not known capacity; costs are not in the log and are 0.`,
    start: formatWall(flow.window.from).slice(0, 16),
    horizonDays: shifted ? shifted.horizonDays : flow.window.days,
    warmupDays: 0,
    replications: options.replications,
    seed: options.seed,
    ...(wards.length > 0 ? { wards } : {}),
    ...(pools.length > 0 ? { resources: pools } : {}),
    patientClasses,
    pathways,
  };
  return { flow, classes, all, lengthsOfStay, capacity, sizing, scenario, notes: [...mappingNotes, ...notesOn(flow, all)] };
}

function usesAttribute(steps: readonly StepInput[], attribute: string): boolean {
  // Each verb says which durations it draws: no switch on verb names here.
  return steps.some((s) => stepDurations(s).some((d) => 'byAttribute' in d && d.byAttribute === attribute));
}

/** The given rate, with the hour-of-day pattern if the log shows one; a weekday pattern cannot survive shifted dates. */
function shiftedArrivals(fit: ArrivalFit, perDay: number): ArrivalFit['spec'] {
  return { type: 'weekly', perDay: Math.round(perDay * 1e6) / 1e6, ...(fit.spec.hourOfDay ? { hourOfDay: fit.spec.hourOfDay } : {}) };
}

/** What the log cannot tell, said plainly, with the counts behind it. */
function notesOn(flow: Flow, all: Observations): string[] {
  const notes: string[] = [];
  const n = flow.cases.length;
  const pct = (k: number): string => `${Math.round((100 * k) / Math.max(1, n))}%`;
  if (flow.log.kind === 'events') {
    notes.push(
      'The log has one time per event, so each activity is an instant and every duration is the time between two events. Waiting cannot be told from working: a long time between triage and antibiotics may be a queue or a busy clinician, and the model reproduces it as a delay that does not change when capacity changes.',
    );
  } else {
    notes.push(
      'The log has a start and an end per activity. The time between the end of one activity and the start of the next is modelled as a delay where it matters; it may be waiting for a resource, which the model then reproduces as a fixed delay rather than a queue.',
    );
  }
  const shifted = flow.options.datesShifted;
  if (shifted) {
    notes.push(
      `The mapping says the log's dates were shifted case by case (de-identification): times within a case are true, but arrivals per day, weekday patterns and how many cases were in at once are not in the log. Arrivals come at the ${shifted.arrivalsPerDay} a day the mapping gives${flow.classes.length > 1 ? ', shared between the classes as their cases are' : ''}, with no weekday pattern; beds and pools are sized by Little's law at that rate, plus headroom; the scenario runs ${shifted.horizonDays} days. Validation leaves out arrivals per day and hour and occupancy. Costs are not in the log and are set to 0.`,
    );
  } else {
    notes.push(
      'The log shows how many patients were in each ward or activity at once, not how many beds or staff there were. Beds and pools are sized above the most seen at once so that the calibrated flow is not throttled; set real capacities before asking capacity questions. Costs are not in the log and are set to 0.',
    );
  }
  for (const column of Object.keys(flow.log.counts.fallbackIds)) {
    const k = flow.cases.filter((c) => c.id.startsWith(`${column}:`)).length;
    if (k === 0) continue;
    notes.push(
      `${k} cases (${pct(k)}) have no ${flow.log.caseColumns[0]!}: as the mapping's columns.case says, each is identified by its ${column} instead (shown as "${column}:<value>") and kept as a case of its own, not joined to any other.`,
    );
  }
  const open = flow.cases.filter((c) => c.open).length;
  if (open > 0) {
    const how =
      flow.options.openEnded === 'censor'
        ? 'their stays and activities enter the fits as right-censored ("at least this long", up to the last time in the log)'
        : 'they are left out of the length-of-stay and time fits (the mapping says an open case more likely means a missing record than a patient still in care), which biases those times low if some were in fact still in care';
    notes.push(
      `${open} cases (${pct(open)}) were still open when the log ends (no release, no end): ${how}. Their next step is unknown and not counted in the routing.`,
    );
  }
  if (all.overlaps > 0)
    notes.push(`${all.overlaps} times an activity began before the one before it had ended (parallel work): the time between them is taken as 0.`);
  if (flow.dropped.rows > 0) {
    const list = Object.entries(flow.dropped.byActivity)
      .sort((a, b) => b[1] - a[1])
      .map(([a, k]) => `${a} (${k})`)
      .join(', ');
    notes.push(`Left out of the flow as the mapping asks: ${list}. Times between the remaining steps span them.`);
  }
  if (flow.dropped.cases > 0) notes.push(`${flow.dropped.cases} cases had no activity left after that and are not counted.`);
  return notes;
}
