import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioText, type Scenario } from '../../../scenarios/index.js';
import type { TraceData } from '../../../sim-core/index.js';
import { runScenario } from '../../../workers/index.js';
import { buildLayout } from '../layout/hospital-layout.js';
import { fillEntityFrame, slotStateAt } from '../replay/frame.js';
import { prepareReplay } from '../replay/prepare.js';
import { createEntityFrame, SLOT_BUSY } from '../replay/types.js';
import { ALL_ROADS_UP_TO, buildRegionModel, isRegion, tripsAt, valueAt, type RegionModel } from './region-model.js';
import { siteTrace } from './site-trace.js';

const EXAMPLE = new URL('../../../examples/network/referral.json', import.meta.url);
let scenario: Scenario;
let trace: TraceData;
let model: RegionModel;
const END = 11 * 1440;

beforeAll(async () => {
  const full = parseScenarioText(readFileSync(EXAMPLE, 'utf8'), 'referral.json', 'json');
  scenario = { ...full, horizonDays: 10, warmupDays: 1 };
  trace = (await runScenario(scenario, { replications: 1, trace: true })).trace!;
  model = buildRegionModel(scenario, trace);
});

const rows = (): { t: number; p: number; what: string; where: string }[] =>
  Array.from({ length: trace.length }, (_, i) => ({
    t: trace.time[i]!,
    p: trace.entity[i]!,
    what: trace.whatNames[trace.what[i]!]!,
    where: trace.whereNames[trace.where[i]!]!,
  }));

/** Patients drawn at the east site at time t, straight from the trace: arrived there, not gone on a trip or home more than the walk out (5 minutes) ago. */
function atEast(t: number): number {
  const gone = new Map<number, number>();
  for (const r of rows()) {
    if (r.t > t) break;
    if (r.what === 'arrive' && r.where === 'east_patient') gone.set(r.p, Infinity);
    else if (gone.get(r.p) === Infinity && ((r.what === 'start' && r.where.startsWith('transfer:')) || r.what === 'leave')) gone.set(r.p, r.t);
  }
  return [...gone.values()].filter((left) => left + 5 > t).length;
}

describe('the region view of a network run', () => {
  it('places the sites and the road between them to scale, with the mean travel time', () => {
    expect(isRegion(scenario)).toBe(true);
    expect(model.sites.map((s) => [s.id, s.name, s.xKm, s.yKm])).toEqual([
      ['east', 'East county', 40, 0],
      ['tertiary', 'Tertiary hospital', 0, 0],
    ]);
    expect(model.roads).toHaveLength(1);
    expect(model.roads[0]!.km).toBe(40);
    // Triangular 35/40/60: mean 45 minutes.
    expect(model.roads[0]!.minutes).toBeCloseTo(45, 10);
  });

  it('finds every trip with its two ends, and moves each along its road while it lasts', () => {
    const starts = rows().filter((r) => r.what === 'start' && r.where === 'transfer:up-referral');
    expect(starts.length).toBeGreaterThan(10);
    expect(model.trips).toHaveLength(starts.length);
    for (const trip of model.trips.filter((x) => Number.isFinite(x.end))) {
      expect([trip.from, trip.to, trip.reason]).toEqual([0, 1, 'up-referral']);
      expect(trip.end - trip.start).toBeGreaterThanOrEqual(35);
      expect(trip.end - trip.start).toBeLessThanOrEqual(60);
      const mid = (trip.start + trip.end) / 2;
      expect(tripsAt(model, mid).find((x) => x.trip === trip)!.done).toBeCloseTo(0.5, 10);
      expect(tripsAt(model, trip.end).some((x) => x.trip === trip)).toBe(false);
    }
  });

  it("counts each site's beds in use and patients waiting as the trace has them", () => {
    const [east, tertiary] = model.resources as [RegionModel['resources'][number], RegionModel['resources'][number]];
    expect(east.map((r) => [r.name, r.units])).toEqual([['bed', 6]]);
    expect(tertiary.map((r) => [r.name, r.units])).toEqual([['bed', 45]]);
    for (const [site, resource] of [
      [0, 'east_bed'],
      [1, 'tertiary_bed'],
    ] as const) {
      for (let t = 1440; t < END; t += 97) {
        let inUse = 0;
        const asked = new Set<number>();
        for (const r of rows()) {
          if (r.t > t) break;
          if (r.where !== resource) continue;
          inUse += r.what === 'seize' ? 1 : r.what === 'release' ? -1 : 0;
          if (r.what === 'request') asked.add(r.p);
          else if (r.what === 'seize') asked.delete(r.p);
        }
        const shown = model.resources[site]![0]!;
        expect(valueAt(shown.inUse, t)).toBe(inUse);
        expect(inUse).toBeLessThanOrEqual(shown.units);
        expect(valueAt(shown.waiting, t)).toBe(asked.size);
        // A line only forms when every bed is taken.
        if (asked.size > 0) expect(inUse).toBe(shown.units);
      }
    }
  });

  it("gives a site's 3D scene only its own beds and the patients there, who leave on their trip", () => {
    const keep = (name: string): boolean => name.startsWith('east_');
    const layout = buildLayout(scenario, keep);
    expect(layout.blocks.map((b) => b.name)).toEqual(['east_bed']);
    const replay = prepareReplay(siteTrace(trace, model.sites, 0), layout, { endTime: END });
    const frame = createEntityFrame(replay.maxAlive);
    for (let t = 1440; t < END; t += 211) {
      expect(fillEntityFrame(replay, t, frame)).toBe(atEast(t));
      let busy = 0;
      for (let s = 0; s < layout.slotCount; s++) if (slotStateAt(replay, s, t) === SLOT_BUSY) busy++;
      expect(busy).toBe(valueAt(model.resources[0]![0]!.inUse, t));
    }
  });

  it('draws every pair as a road in a small region, and only the listed pairs in a large one', () => {
    const doc = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { sites: { id: string; xKm: number }[]; travel: unknown[] };
    const site = doc.sites[0]!;
    const many = { ...doc, sites: Array.from({ length: ALL_ROADS_UP_TO + 1 }, (_, k) => ({ ...site, id: `s${k}`, xKm: 10 * k })) };
    const empty: TraceData = {
      length: 0,
      time: new Float64Array(),
      entity: new Int32Array(),
      what: new Int32Array(),
      where: new Int32Array(),
      whatNames: [],
      whereNames: [],
    };
    const noTransfer = (n: number) => ({
      ...many,
      sites: many.sites.slice(0, n).map((s) => ({ ...s, hospital: { builtin: 'textbook-mmc' } })),
      travel: [{ from: 's0', to: 's1', minutes: { type: 'constant', value: 25 } }],
    });
    const large = buildRegionModel(parseScenario(noTransfer(ALL_ROADS_UP_TO + 1), 'large'), empty);
    expect(large.roads.map((r) => [r.from, r.to, r.km, r.minutes])).toEqual([[0, 1, 10, 25]]);
    const small = buildRegionModel(parseScenario(noTransfer(3), 'small'), empty);
    // s0-s2 is not listed: 20 km at the default 1.5 minutes per km.
    expect(small.roads.map((r) => [r.from, r.to, r.km, r.minutes])).toEqual([
      [0, 1, 10, 25],
      [0, 2, 20, 30],
      [1, 2, 10, 15],
    ]);
  });
});
