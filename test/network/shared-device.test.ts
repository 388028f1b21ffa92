/**
 * A shared device (a DSA at the tertiary site) used by two county sites'
 * patients, who travel there and back: the internal charges net to zero over
 * the region in every replication; each site's uses, the owner's income and each
 * user's cost agree with the trace's uses at the device; each trip takes the
 * matrix's time; slots reserved per site per week are never exceeded.
 */
import { describe, expect, it } from 'vitest';
import { runHospital, TraceBuffer, TRACE_WORDS, type TraceData } from '../../sim-core/index.js';
import { compileScenario, describeFigure, parseScenario, scenarioFigureContext } from '../../scenarios/index.js';

const PRICE = 3000;
const WEEK = 7 * 1440;

const county = (perDay: number): Record<string, unknown> => ({
  name: 'county',
  start: '2026-01-05T00:00',
  horizonDays: 56,
  resources: [{ id: 'bed', department: 'ward', units: 50 }],
  patientClasses: [{ id: 'patient', department: 'ward', arrivals: { type: 'weekly', perDay }, pathway: 'visit' }],
  pathways: {
    visit: [
      { seize: ['bed'] },
      { hold: { type: 'exponential', mean: 600 }, activity: 'care' },
      { useShared: 'dsa', duration: { type: 'constant', value: 60 } },
      { hold: { type: 'exponential', mean: 600 }, activity: 'recovery' },
      { release: ['bed'] },
    ],
  },
});

const tertiary = {
  name: 'tertiary',
  start: '2026-01-05T00:00',
  horizonDays: 56,
  resources: [{ id: 'bed', department: 'ward', units: 40 }],
  imaging: [{ id: 'dsa', kind: 'DSA', openingHours: [{ days: 'all', start: '00:00', end: '24:00' }], costPerHour: 500, fixedCostPerDay: 2000 }],
  patientClasses: [{ id: 'local', department: 'ward', arrivals: { type: 'weekly', perDay: 4 }, pathway: 'local' }],
  pathways: {
    local: [
      { seize: ['bed'] },
      { seize: ['dsa'] },
      { hold: { type: 'constant', value: 60 }, activity: 'angiography' },
      { release: ['dsa'] },
      { release: ['bed'] },
    ],
  },
};

function network(booking: unknown): unknown {
  return {
    name: 'dsa-sharing',
    warmupDays: 7,
    sites: [
      { id: 'tertiary', name: 'Tertiary hospital', hospital: { scenario: tertiary } },
      { id: 'east', name: 'East county', hospital: { scenario: county(2) } },
      { id: 'north', name: 'North county', hospital: { scenario: county(1) } },
    ],
    travel: [
      { from: 'east', to: 'tertiary', minutes: { type: 'constant', value: 40 } },
      { from: 'north', to: 'tertiary', minutes: { type: 'constant', value: 65 } },
    ],
    services: [{ id: 'dsa', owner: 'tertiary', resource: 'dsa', pricePerUse: PRICE, booking }],
  };
}

function run(booking: unknown, replication: number): { figures: Record<string, number>; trace: TraceData } {
  const model = compileScenario(parseScenario(network(booking), 'dsa-sharing'));
  const buffer = new TraceBuffer();
  const { figures } = runHospital(model, { seed: 11, replication, trace: buffer });
  return { figures, trace: buffer.toData() };
}

/** Start (or finish) rows of an activity, by time, optionally from `from` minutes on. */
function rows(t: TraceData, word: string, activity: string): { time: number; entity: number }[] {
  const out: { time: number; entity: number }[] = [];
  for (let i = 0; i < t.length; i++)
    if (t.whatNames[t.what[i]!] === word && t.whereNames[t.where[i]!] === activity) out.push({ time: t.time[i]!, entity: t.entity[i]! });
  return out;
}

describe('shared device', () => {
  it('internal charges net to zero over the region in every replication, and uses and charges agree with the trace', () => {
    for (const replication of [1, 2, 3, 4, 5]) {
      const { figures: f, trace } = run('firstCome', replication);
      const warm = 7 * 1440;
      // The horizon runs after the warm-up: 56 days from day 7.
      const end = (7 + 56) * 1440;
      const uses = (site: string): number => rows(trace, TRACE_WORDS.start, `shared:dsa:${site}`).filter((r) => r.time >= warm && r.time <= end).length;
      expect(uses('east')).toBeGreaterThan(50);
      expect(f['shared.dsa.east.uses']).toBe(uses('east'));
      expect(f['shared.dsa.north.uses']).toBe(uses('north'));
      expect(f['charges.tertiary.income']).toBe(PRICE * (uses('east') + uses('north')));
      expect(f['charges.east.paid']).toBe(PRICE * uses('east'));
      expect(f['charges.north.paid']).toBe(PRICE * uses('north'));
      expect(f['charges.tertiary.paid']).toBe(0);
      expect(f['charges.east.income']).toBe(0);
      const net = ['tertiary', 'east', 'north'].reduce((s, site) => s + f[`charges.${site}.paid`]! - f[`charges.${site}.income`]!, 0);
      expect(net).toBe(0);
      expect(f['regionCost.internalCharges']).toBe(0);
      // Cost by site: the sites' totals and the region's own resources add up to the region's cost, and each
      // site's cost types to its total (the device's cost is the tertiary site's, not pooled as "imaging").
      const sites = ['tertiary', 'east', 'north'];
      expect(sites.reduce((sum, site) => sum + f[`siteCost.${site}.total`]!, f['regionCost.sharedResources']!)).toBeCloseTo(f['cost.total']!, 4);
      for (const site of sites) {
        const types = ['staff', 'overtime', 'roomsAndDevices', 'beds', 'consumables', 'penalties'].reduce((sum, t) => sum + f[`siteCost.${site}.${t}`]!, 0);
        expect(types).toBeCloseTo(f[`siteCost.${site}.total`]!, 4);
      }
      expect(f['siteCost.tertiary.roomsAndDevices']).toBeCloseTo(f['cost.roomsAndDevices']!, 4);
      expect(f['siteCost.east.roomsAndDevices']).toBe(0);
      // Each site's cost after charges: its own cost, plus what it paid, less what it earned.
      expect(f['siteCost.east.afterCharges']).toBeCloseTo(f['siteCost.east.total']! + f['charges.east.paid']!, 6);
      expect(f['siteCost.tertiary.afterCharges']).toBeCloseTo(f['siteCost.tertiary.total']! - f['charges.tertiary.income']!, 6);
    }
  });

  it('each trip there and back takes the travel matrix time, and the patient comes home to its bed', () => {
    const { trace } = run('firstCome', 1);
    for (const [to, minutes] of [
      ['tertiary', [40, 65]],
      ['east', [40]],
      ['north', [65]],
    ] as const) {
      const starts = rows(trace, TRACE_WORDS.start, `travel to ${to} for dsa`);
      const finishes = new Map(rows(trace, TRACE_WORDS.finish, `travel to ${to} for dsa`).map((r) => [r.entity, r.time]));
      expect(starts.length).toBeGreaterThan(20);
      for (const s of starts) {
        const f = finishes.get(s.entity);
        if (f !== undefined) expect(minutes.some((m) => Math.abs(f - s.time - m) < 1e-9)).toBe(true);
      }
    }
    // Back home, the patient's recovery starts when its trip back ends: it kept its bed meanwhile.
    const home = new Map(rows(trace, TRACE_WORDS.finish, 'travel to east for dsa').map((r) => [r.entity, r.time]));
    const recoveries = rows(trace, TRACE_WORDS.start, 'east_recovery').filter((r) => home.has(r.entity));
    expect(recoveries.length).toBeGreaterThan(20);
    for (const r of recoveries) expect(r.time).toBe(home.get(r.entity));
  });

  it('slots reserved per site per week: no site books more than its slots in any calendar week, and the rest wait for next week', () => {
    const slots = { east: 5, north: 4 };
    const { figures: f, trace } = run({ slotsPerWeek: slots }, 1);
    // Booking is the moment of setting off (no transport to wait for): trips there per calendar week (2026-01-05 is a Monday).
    const perWeek = new Map<string, number>();
    for (const r of rows(trace, TRACE_WORDS.start, 'travel to tertiary for dsa')) {
      const site = trace.whereNames.length > 0 ? siteOfTrip(trace, r.entity) : '';
      const key = `${site} ${Math.floor(r.time / WEEK)}`;
      perWeek.set(key, (perWeek.get(key) ?? 0) + 1);
    }
    for (const [key, n] of perWeek) expect(n).toBeLessThanOrEqual(slots[key.split(' ')[0] as 'east' | 'north']);
    // East asks for about 14 a week against 5 slots: weeks fill, and patients wait for a slot.
    expect([...perWeek.entries()].filter(([k, n]) => k.startsWith('east') && n === 5).length).toBeGreaterThan(4);
    expect(rows(trace, TRACE_WORDS.start, 'waiting for a dsa slot').length).toBeGreaterThan(20);
    // Uses counted after the warm-up: at most the 9 weeks' slots of the whole run.
    expect(f['shared.dsa.east.uses']).toBeLessThanOrEqual(5 * 9);
  });

  it('labels figures with the site and service names of the network file, in words with units', () => {
    const ctx = scenarioFigureContext(parseScenario(network('firstCome'), 'dsa-sharing'));
    expect(describeFigure('shared.dsa.north.uses', ctx)).toMatchObject({ label: 'Shared DSA: uses by patients of North county', unit: 'events' });
    expect(describeFigure('charges.tertiary.income', ctx)).toMatchObject({
      label: expect.stringMatching(/^Tertiary hospital: internal charges earned/),
      unit: 'money',
    });
    expect(describeFigure('siteCost.east.beds', ctx)).toMatchObject({ label: 'Cost of East county: beds', unit: 'money', section: 'siteCosts' });
    expect(describeFigure('regionCost.total', ctx).label).toBe('Cost of the region (all sites): total');
    expect(describeFigure('utilisation.east_bed', ctx).label).toMatch(/^East county: bed/);
  });

  it('refuses a booking rule for a site that is not in the network, and a use by a site given no slots', () => {
    expect(() => parseScenario(network({ slotsPerWeek: { east: 2, west: 2 } }), 'bad')).toThrow(/services\[0\]\.booking\.slotsPerWeek\.west: is not a site/);
    expect(() => parseScenario(network({ slotsPerWeek: { east: 2 } }), 'bad')).toThrow(/reserves no slots per week for site "north"/);
  });
});

/** The site of a patient making a trip: the one whose use at the device it started. */
function siteOfTrip(t: TraceData, entity: number): string {
  for (let i = 0; i < t.length; i++) {
    if (t.entity[i] !== entity || t.whatNames[t.what[i]!] !== TRACE_WORDS.start) continue;
    const m = /^shared:dsa:(.+)$/.exec(t.whereNames[t.where[i]!]!);
    if (m) return m[1]!;
  }
  return siteOfClass(t, entity);
}

/** A patient still travelling at the end has no use yet: its arrival row's place names its class. */
function siteOfClass(t: TraceData, entity: number): string {
  for (let i = 0; i < t.length; i++)
    if (t.entity[i] === entity && t.whatNames[t.what[i]!] === TRACE_WORDS.arrive) return t.whereNames[t.where[i]!]!.split('_')[0]!;
  return '';
}
