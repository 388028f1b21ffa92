/**
 * A two-site network for the diversion tests: East county (2 cubicles, busy)
 * declares the rule, the tertiary site (12 cubicles) takes its diverted
 * ambulances 35 minutes away. Ambulance patients carry an acuity (1 most
 * urgent); acuity 1 is treated as "resuscitation" so the trace tells it apart.
 * `readBack` rebuilds from the trace what the rule saw at each review.
 */
import { runHospital, TraceBuffer, TRACE_WORDS, type TraceData } from '../../sim-core/index.js';
import { compileScenario, parseScenario, ScenarioError } from '../../scenarios/index.js';

export const HORIZON_DAYS = 20;
export const REVIEW = 15;
export const TRIP_MINUTES = 35;

const site = (name: string, cubicles: number, perDay: number): Record<string, unknown> => ({
  name,
  start: '2026-01-05T00:00',
  horizonDays: HORIZON_DAYS,
  warmupDays: 0,
  resources: [{ id: 'cubicle', department: 'ed', units: cubicles }],
  patientClasses: [
    {
      id: 'ambulance',
      department: 'ed',
      arrivals: { type: 'weekly', perDay },
      attributes: { acuity: { values: [1, 2, 3], weights: [0.2, 0.3, 0.5] } },
      pathway: 'ed',
    },
    { id: 'walkIn', department: 'ed', arrivals: { type: 'weekly', perDay: perDay / 3 }, pathway: 'ed' },
  ],
  pathways: {
    ed: [
      { seize: ['cubicle'] },
      { branchOn: 'acuity', cases: { '1': 'urgent' } },
      { hold: { type: 'exponential', mean: 90 }, activity: 'treatment' },
      { goto: 'done' },
      { hold: { type: 'exponential', mean: 90 }, activity: 'resuscitation', id: 'urgent' },
      { release: ['cubicle'], id: 'done' },
    ],
  },
});

export function network(diversion?: Record<string, unknown>): Record<string, unknown> {
  return {
    name: 'diversion',
    sites: [
      { id: 'east', name: 'East county', xKm: 30, yKm: 0, hospital: { scenario: site('east', 2, 24) }, ...(diversion ? { diversion } : {}) },
      { id: 'tertiary', xKm: 0, yKm: 0, hospital: { scenario: site('tertiary', 12, 30) } },
    ],
    travel: [{ from: 'east', to: 'tertiary', minutes: { type: 'constant', value: TRIP_MINUTES } }],
  };
}

export function run(doc: unknown): { figures: Record<string, number>; trace: TraceData } {
  const buffer = new TraceBuffer();
  const { figures } = runHospital(compileScenario(parseScenario(doc, 'diversion.json')), { seed: 11, replication: 1, trace: buffer });
  return { figures, trace: buffer.toData() };
}

export function problemsOf(doc: unknown): string[] {
  try {
    parseScenario(doc, 'diversion.json');
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues.map((i) => `${i.path}: ${i.message}`);
    throw e;
  }
  return [];
}

export interface ReadBack {
  /** East's line for its cubicles after everything at each review's minute k·REVIEW. */
  lines: number[];
  /** East's ambulance arrivals. */
  arrivals: { serial: number; at: number }[];
  /** Patients who started the trip `diversion:east`. */
  diverted: Set<number>;
  /** Patients treated as acuity 1 (a resuscitation at either site). */
  urgent: Set<number>;
  /** Patients who started any treatment (their acuity is known). */
  treated: Set<number>;
}

export function readBack(trace: TraceData): ReadBack {
  const changes: [number, number][] = [];
  const back: ReadBack = { lines: [], arrivals: [], diverted: new Set(), urgent: new Set(), treated: new Set() };
  for (let i = 0; i < trace.length; i++) {
    const what = trace.whatNames[trace.what[i]!];
    const where = trace.whereNames[trace.where[i]!]!;
    const who = trace.entity[i]!;
    if (where === 'east_cubicle' && what === TRACE_WORDS.request) changes.push([trace.time[i]!, +1]);
    if (where === 'east_cubicle' && what === TRACE_WORDS.seize) changes.push([trace.time[i]!, -1]);
    if (where === 'east_ambulance' && what === TRACE_WORDS.arrive) back.arrivals.push({ serial: who, at: trace.time[i]! });
    if (where === 'diversion:east' && what === TRACE_WORDS.start) back.diverted.add(who);
    if (what === TRACE_WORDS.start && where.endsWith('_resuscitation')) back.urgent.add(who);
    if (what === TRACE_WORDS.start && (where.endsWith('_resuscitation') || where.endsWith('_treatment'))) back.treated.add(who);
  }
  let line = 0;
  let c = 0;
  for (let k = 0; k * REVIEW <= HORIZON_DAYS * 1440; k++) {
    while (c < changes.length && changes[c]![0] <= k * REVIEW) line += changes[c++]![1];
    back.lines.push(line);
  }
  return back;
}

/** Hours on diversion from the status after each review (each review's status holds until the next, up to the horizon). */
export function hoursOn(on: readonly boolean[]): number {
  const end = HORIZON_DAYS * 1440;
  let minutes = 0;
  for (let k = 0; k < on.length; k++) if (on[k]) minutes += Math.min(REVIEW, end - k * REVIEW);
  return minutes / 60;
}

/** Whether the site was on diversion when a patient arrived at `at` (an arrival at a review's minute comes before it). */
export const onAt = (on: readonly boolean[], at: number): boolean => on[Math.ceil(at / REVIEW) - 1] === true;
