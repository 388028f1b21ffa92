/**
 * Ambulance diversion end to end, from a network document: refused with every
 * problem by its path; a rule whose threshold is never reached leaves the trace
 * exactly as without it; and with one that is, the hours on diversion and the
 * diverted arrivals agree with the trace (the line at the ED read back from its
 * request and seize rows at every review, and the arrivals inside the spells).
 */
import { describe, expect, it } from 'vitest';
import { runHospital, TraceBuffer, TRACE_WORDS, type TraceData } from '../../sim-core/index.js';
import { compileScenario, describeFigure, parseScenario, ScenarioError } from '../../scenarios/index.js';

const HORIZON_DAYS = 20;
const REVIEW = 15;

const site = (name: string, cubicles: number, perDay: number): Record<string, unknown> => ({
  name,
  start: '2026-01-05T00:00',
  horizonDays: HORIZON_DAYS,
  warmupDays: 0,
  resources: [{ id: 'cubicle', department: 'ed', units: cubicles }],
  patientClasses: [
    { id: 'ambulance', department: 'ed', arrivals: { type: 'weekly', perDay }, pathway: 'ed' },
    { id: 'walkIn', department: 'ed', arrivals: { type: 'weekly', perDay: perDay / 3 }, pathway: 'ed' },
  ],
  pathways: {
    ed: [{ seize: ['cubicle'] }, { hold: { type: 'exponential', mean: 90 }, activity: 'treatment' }, { release: ['cubicle'] }],
  },
});

function network(diversion?: Record<string, unknown>): Record<string, unknown> {
  return {
    name: 'diversion',
    sites: [
      { id: 'east', name: 'East county', xKm: 30, yKm: 0, hospital: { scenario: site('east', 2, 24) }, ...(diversion ? { diversion } : {}) },
      { id: 'tertiary', xKm: 0, yKm: 0, hospital: { scenario: site('tertiary', 12, 30) } },
    ],
    travel: [{ from: 'east', to: 'tertiary', minutes: { type: 'constant', value: 35 } }],
  };
}

const rule = (above: number): Record<string, unknown> => ({ when: { waiting: 'cubicle', above }, classes: ['ambulance'], reviewMinutes: REVIEW });

function run(doc: unknown): { figures: Record<string, number>; trace: TraceData } {
  const buffer = new TraceBuffer();
  const { figures } = runHospital(compileScenario(parseScenario(doc, 'diversion.json')), { seed: 11, replication: 1, trace: buffer });
  return { figures, trace: buffer.toData() };
}

function problemsOf(doc: unknown): string[] {
  try {
    parseScenario(doc, 'diversion.json');
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues.map((i) => `${i.path}: ${i.message}`);
    throw e;
  }
  return [];
}

describe('ambulance diversion in a network', () => {
  it('refuses a rule that names what its site or the network does not have, each by its path', () => {
    const bad = network({ when: { waiting: 'cubicles', noFree: 'cubicle' }, classes: ['ambulanse'], to: { among: ['east', 'north'] } });
    const problems = problemsOf(bad);
    expect(problems).toContain('sites[0].diversion.when: must name exactly one of waiting, boarding or noFree');
    expect(problems.some((p) => p.startsWith('sites[0].diversion.classes[0]: is not a class of site "east"'))).toBe(true);
    expect(problems).toContain('sites[0].diversion.to.among[0]: is the site itself: a diverted patient goes elsewhere');
    expect(problems.some((p) => p.startsWith('sites[0].diversion.to.among[1]: is not a site'))).toBe(true);
    const noResource = problemsOf(network({ when: { noFree: 'icu' }, classes: ['ambulance'] }));
    expect(noResource).toEqual(['sites[0].diversion.when.noFree: is not a resource of site "east"']);
    const alone = { name: 'alone', sites: [{ id: 'east', hospital: { scenario: site('east', 2, 24) }, diversion: rule(2) }] };
    expect(problemsOf(alone)).toEqual(['sites[0].diversion: needs another site to divert to']);
    const noClassThere = network({ ...rule(2), classes: ['walkIn'], pathway: 'nowhere' });
    expect(problemsOf(noClassThere)).toEqual(['sites[0].diversion.pathway: is not a pathway of site "tertiary"']);
  });

  it('a threshold never reached gives the same trace as no rule, event for event', () => {
    const without = run(network());
    const never = run(network(rule(1_000_000)));
    expect(never.trace.length).toBe(without.trace.length);
    expect(Array.from(never.trace.time)).toEqual(Array.from(without.trace.time));
    expect(Array.from(never.trace.entity)).toEqual(Array.from(without.trace.entity));
    const words = (t: TraceData): string[] => Array.from(t.what, (w, i) => `${t.whatNames[w]} ${t.whereNames[t.where[i]!]}`);
    expect(words(never.trace)).toEqual(words(without.trace));
    expect(never.figures['diversion.east.hours']).toBe(0);
    expect(never.figures['diversion.east.divertedOut']).toBe(0);
    for (const [id, value] of Object.entries(without.figures)) expect(never.figures[id], id).toBe(value);
  });

  it('hours on diversion and diverted arrivals agree with the line read back from the trace', () => {
    const { figures, trace } = run(network(rule(2)));
    const end = HORIZON_DAYS * 1440;
    // The line for east's cubicles after each instant, and east's ambulance arrivals, from the trace.
    const changes: [number, number][] = [];
    const arrivals: { serial: number; at: number }[] = [];
    const diverted = new Set<number>();
    for (let i = 0; i < trace.length; i++) {
      const what = trace.whatNames[trace.what[i]!];
      const where = trace.whereNames[trace.where[i]!];
      if (where === 'east_cubicle' && what === TRACE_WORDS.request) changes.push([trace.time[i]!, +1]);
      if (where === 'east_cubicle' && what === TRACE_WORDS.seize) changes.push([trace.time[i]!, -1]);
      if (where === 'east_ambulance' && what === TRACE_WORDS.arrive) arrivals.push({ serial: trace.entity[i]!, at: trace.time[i]! });
      if (where === 'diversion:east' && what === TRACE_WORDS.start) diverted.add(trace.entity[i]!);
    }
    // Each review at k·15 sees the line after everything at that minute; on while it is above 2.
    const on: boolean[] = [];
    let line = 0;
    let c = 0;
    for (let k = 0; k * REVIEW <= end; k++) {
      while (c < changes.length && changes[c]![0] <= k * REVIEW) line += changes[c++]![1];
      on.push(line > 2);
    }
    let minutesOn = 0;
    for (let k = 0; k < on.length; k++) if (on[k]) minutesOn += Math.min(REVIEW, end - k * REVIEW);
    expect(minutesOn).toBeGreaterThan(24 * 60);
    expect(figures['diversion.east.hours']).toBeCloseTo(minutesOn / 60, 9);
    // Diverted: exactly the ambulance arrivals after a review that found the site on (an arrival at a review's minute comes before it).
    const expected = arrivals.filter((a) => on[Math.ceil(a.at / REVIEW) - 1] === true).map((a) => a.serial);
    expect(expected.length).toBeGreaterThan(20);
    expect([...diverted].sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
    expect(figures['diversion.east.divertedOut']).toBe(expected.length);
    expect(figures['diversion.tertiary.divertedIn']).toBe(expected.length);
    expect(figures['diversion.travelHours']).toBeCloseTo((expected.length * 35) / 60, 9);
    const ctx = { kindOf: new Map(), surgicalClasses: new Set<string>(), names: new Map([['east', 'East county']]) };
    expect(describeFigure('diversion.east.hours', ctx)).toMatchObject({
      label: 'Site East county: hours on ambulance diversion',
      unit: 'hours',
      direction: 'lowerIsBetter',
    });
  });
});
