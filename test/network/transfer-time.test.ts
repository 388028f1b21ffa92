/**
 * A transfer with a fixed travel time T adds exactly T to each transferred
 * patient's time in system: the same network run with T = 40 and T = 0, patient
 * by patient from the trace. The destination's beds never run short and its own
 * patients follow another pathway (their own streams), so nothing but the trip
 * can change a transferred patient's times.
 */
import { describe, expect, it } from 'vitest';
import { runHospital, TraceBuffer, TRACE_WORDS } from '../../sim-core/index.js';
import { compileScenario, describeFigure, parseScenario } from '../../scenarios/index.js';

const county = (): Record<string, unknown> => {
  const stay = { hold: { type: 'exponential', mean: 180 }, activity: 'assessment' };
  return {
    name: 'county',
    start: '2026-01-05T00:00',
    horizonDays: 30,
    resources: [{ id: 'bed', department: 'ward', units: 4 }],
    patientClasses: [{ id: 'patient', department: 'ward', arrivals: { type: 'weekly', perDay: 20 }, pathway: 'visit' }],
    pathways: {
      visit: [
        { seize: ['bed'], id: 'bed' },
        stay,
        { branch: [{ p: 0.6, goto: 'home' }] },
        { id: 'refer', transfer: 'tertiary', pathway: 'referred' },
        { id: 'home', release: ['bed'] },
      ],
    },
  };
};

const tertiary = {
  name: 'tertiary',
  start: '2026-01-05T00:00',
  horizonDays: 30,
  resources: [{ id: 'bed', department: 'ward', units: 10_000 }],
  patientClasses: [{ id: 'local', department: 'ward', arrivals: { type: 'weekly', perDay: 30 }, pathway: 'local' }],
  pathways: {
    local: [{ seize: ['bed'] }, { hold: { type: 'exponential', mean: 600 }, activity: 'care' }, { release: ['bed'] }],
    referred: [{ seize: ['bed'] }, { hold: { type: 'exponential', mean: 1440 }, activity: 'specialist-care' }, { release: ['bed'] }],
  },
};

function referralNetwork(T: number): unknown {
  return {
    name: 'referral',
    sites: [
      { id: 'county', hospital: { scenario: county() } },
      { id: 'tertiary', hospital: { scenario: tertiary } },
    ],
    travel: [{ from: 'county', to: 'tertiary', minutes: { type: 'constant', value: T } }],
  };
}

/** Minutes from arrival to leaving, by patient serial, for patients who left. */
function timesInSystem(T: number): Map<number, number> {
  const doc = {
    name: 'referral',
    sites: [
      { id: 'county', hospital: { scenario: county() } },
      { id: 'tertiary', hospital: { scenario: tertiary } },
    ],
    travel: [{ from: 'county', to: 'tertiary', minutes: { type: 'constant', value: T } }],
  };
  const model = compileScenario(parseScenario(doc, 'referral'));
  const buffer = new TraceBuffer();
  runHospital(model, { seed: 7, replication: 1, trace: buffer });
  const t = buffer.toData();
  const arrived = new Map<number, number>();
  const out = new Map<number, number>();
  for (let i = 0; i < t.length; i++) {
    const what = t.whatNames[t.what[i]!];
    if (what === TRACE_WORDS.arrive) arrived.set(t.entity[i]!, t.time[i]!);
    else if (what === TRACE_WORDS.leave && arrived.has(t.entity[i]!)) out.set(t.entity[i]!, t.time[i]! - arrived.get(t.entity[i]!)!);
  }
  return out;
}

/** Serials of patients who made the trip (a "transfer:transfer" start row). */
function transferred(T: number): Set<number> {
  const doc = {
    name: 'referral',
    sites: [
      { id: 'county', hospital: { scenario: county() } },
      { id: 'tertiary', hospital: { scenario: tertiary } },
    ],
    travel: [{ from: 'county', to: 'tertiary', minutes: { type: 'constant', value: T } }],
  };
  const buffer = new TraceBuffer();
  runHospital(compileScenario(parseScenario(doc, 'referral')), { seed: 7, replication: 1, trace: buffer });
  const t = buffer.toData();
  const out = new Set<number>();
  for (let i = 0; i < t.length; i++)
    if (t.whatNames[t.what[i]!] === TRACE_WORDS.start && t.whereNames[t.where[i]!] === 'transfer:transfer') out.add(t.entity[i]!);
  return out;
}

describe('transfer travel time', () => {
  it('a fixed trip of 40 minutes adds exactly 40 to each transferred patient and nothing to the others', () => {
    const with40 = timesInSystem(40);
    const with0 = timesInSystem(0);
    const moved = transferred(40);
    expect(moved.size).toBeGreaterThan(50);
    let compared = 0;
    for (const [serial, t0] of with0) {
      const t40 = with40.get(serial);
      if (t40 === undefined) continue; // still in the tertiary bed at the end of the 40-minute run
      expect(t40 - t0).toBeCloseTo(moved.has(serial) ? 40 : 0, 6);
      compared++;
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('counts each trip once at arrival: by reason, out of the county and into the tertiary site, with its travel hours', () => {
    const model = compileScenario(parseScenario(referralNetwork(40), 'referral'));
    const buffer = new TraceBuffer();
    const { figures } = runHospital(model, { seed: 7, replication: 1, trace: buffer });
    const t = buffer.toData();
    let arrivedTrips = 0;
    for (let i = 0; i < t.length; i++) if (t.whatNames[t.what[i]!] === TRACE_WORDS.finish && t.whereNames[t.where[i]!] === 'transfer:transfer') arrivedTrips++;
    expect(arrivedTrips).toBeGreaterThan(50);
    expect(figures['transfers.transfer.count']).toBe(arrivedTrips);
    expect(figures['transfers.transfer.travelHours']).toBeCloseTo((arrivedTrips * 40) / 60, 9);
    expect(figures['transfers.county.out']).toBe(arrivedTrips);
    expect(figures['transfers.tertiary.in']).toBe(arrivedTrips);
    expect(figures['transfers.tertiary.out']).toBe(0);
    const ctx = { kindOf: new Map(), surgicalClasses: new Set<string>(), names: new Map([['county', 'County hospital']]) };
    expect(describeFigure('transfers.county.out', ctx).label).toBe('Site County hospital: patients transferred out');
    // The report's rows are headed by the site's name, not its id.
    expect(describeFigure('transfers.county.out', ctx).subject).toBe('County hospital');
    expect(describeFigure('transfers.transfer.travelHours', ctx)).toMatchObject({ section: 'network', unit: 'hours' });
  });
});
