/**
 * The ambulance's trip back, from a network document: refused without a
 * transport, by its path; with one, every unit comes back exactly the return
 * pair's travel time after its patient arrived (the trace's turnover-end row at
 * the ambulance), and the ambulance is busy there and back; when the way back
 * has rush hours, each return takes the time of the hour it leaves in.
 */
import { describe, expect, it } from 'vitest';
import { runHospital, TraceBuffer, TRACE_WORDS } from '../../sim-core/index.js';
import { compileScenario, parseScenario, ScenarioError } from '../../scenarios/index.js';

const hospital = (refer: Record<string, unknown> | null): Record<string, unknown> => ({
  name: 'site',
  start: '2026-01-05T00:00',
  horizonDays: 20,
  warmupDays: 0,
  resources: [{ id: 'bed', department: 'ward', units: 50 }],
  patientClasses: [{ id: 'patient', department: 'ward', arrivals: { type: 'weekly', perDay: 6 }, pathway: 'visit' }],
  pathways: {
    visit: [{ seize: ['bed'] }, { hold: { type: 'exponential', mean: 120 }, activity: 'assessment' }, ...(refer ? [refer] : []), { release: 'all' }],
    referred: [{ seize: ['bed'] }, { hold: { type: 'exponential', mean: 600 }, activity: 'care' }, { release: ['bed'] }],
  },
});

const network = (refer: Record<string, unknown>, backByHour?: Record<string, unknown>[]): unknown => ({
  name: 'return',
  sites: [
    { id: 'county', hospital: { scenario: hospital(refer) } },
    { id: 'tertiary', hospital: { scenario: hospital(null) } },
  ],
  travel: [
    { from: 'county', to: 'tertiary', minutes: { type: 'constant', value: 40 }, bothWays: false },
    { from: 'tertiary', to: 'county', minutes: { type: 'constant', value: 55 }, bothWays: false, ...(backByHour ? { byHour: backByHour } : {}) },
  ],
  shared: { resources: [{ id: 'ambulance', department: 'transport', units: 1 }] },
});

/** Each trip's arrival, each ambulance's return (turnover end) and each seize of it, from the trace of replication 1. */
function trips(doc: unknown): { figures: Record<string, number>; arrived: number[]; back: number[]; taken: number[] } {
  const buffer = new TraceBuffer();
  const { figures } = runHospital(compileScenario(parseScenario(doc, 'return.json')), { seed: 3, replication: 1, trace: buffer });
  const t = buffer.toData();
  const arrived: number[] = [];
  const back: number[] = [];
  const taken: number[] = [];
  for (let i = 0; i < t.length; i++) {
    const what = t.whatNames[t.what[i]!];
    const where = t.whereNames[t.where[i]!];
    if (what === TRACE_WORDS.finish && where === 'transfer:transfer') arrived.push(t.time[i]!);
    if (what === TRACE_WORDS.turnoverEnd && where === 'ambulance') back.push(t.time[i]!);
    if (what === TRACE_WORDS.seize && where === 'ambulance') taken.push(t.time[i]!);
  }
  return { figures, arrived, back, taken };
}

describe('transfer: the ambulance comes back', () => {
  it('a return trip without a transport is refused by its path', () => {
    let issues: string[] = [];
    try {
      parseScenario(network({ transfer: 'tertiary', pathway: 'referred', returnTrip: true }), 'return.json');
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      issues = e.issues.map((i) => `${i.path}: ${i.message}`);
    }
    expect(issues).toEqual(['pathways.county_visit[2].returnTrip: needs a transport: it is the transport that comes back']);
  });

  it('each ambulance is back 55 minutes (the way back) after its patient arrived, busy there and back', () => {
    const doc = network({ transfer: 'tertiary', pathway: 'referred', transport: 'ambulance', returnTrip: true });
    const { figures, arrived, back, taken } = trips(doc);
    expect(arrived.length).toBeGreaterThan(50);
    // The last may still be on its way back at the end.
    expect(back.length).toBeGreaterThanOrEqual(arrived.length - 1);
    back.forEach((at, k) => expect(at - arrived[k]!).toBeCloseTo(55, 9));
    // One unit: busy from each seize until it is back (or the end), there and back.
    const end = 20 * 1440;
    const busyMinutes = taken.reduce((sum, at, k) => sum + Math.min(back[k] ?? end, end) - at, 0);
    expect(figures['utilisation.ambulance']).toBeCloseTo(busyMinutes / end, 9);
  });

  it('the way back takes the time of the hour of the day it leaves: 90 minutes from 07:00 to 10:00, else 55', () => {
    const rush = [{ from: 7, to: 10, minutes: { type: 'constant', value: 90 } }];
    const doc = network({ transfer: 'tertiary', pathway: 'referred', transport: 'ambulance', returnTrip: true }, rush);
    const { arrived, back } = trips(doc);
    expect(back.length).toBeGreaterThanOrEqual(arrived.length - 1);
    // The run starts at midnight, so the hour of the day is the minute of the day over 60.
    const inRush = (at: number): boolean => Math.floor((at % 1440) / 60) >= 7 && Math.floor((at % 1440) / 60) < 10;
    expect(arrived.filter(inRush).length).toBeGreaterThan(5);
    expect(arrived.filter((at) => !inRush(at)).length).toBeGreaterThan(5);
    back.forEach((at, k) => expect(at - arrived[k]!, `return ${k}, leaving at minute ${arrived[k]}`).toBeCloseTo(inRush(arrived[k]!) ? 90 : 55, 9));
  });
});
