import { beforeAll, describe, expect, it } from 'vitest';
import { parseScenario, type Scenario } from '../../../scenarios/index.js';
import { smallHospital } from '../../../scenarios/fixtures/small-hospital.js';
import type { TraceData } from '../../../sim-core/index.js';
import { runScenario } from '../../../workers/index.js';
import { buildLayout } from '../layout/hospital-layout.js';
import type { HospitalLayout } from '../layout/types.js';
import { fillEntityFrame, slotHolderAt, slotStateAt } from './frame.js';
import { prepareReplay } from './prepare.js';
import { nextPeak, runSeries } from './series.js';
import { patientStory } from './story.js';
import { SYNTHETIC_SCENARIO, syntheticTrace } from './synthetic-trace.js';
import { createEntityFrame, SLOT_BUSY, SLOT_CLEANING, SLOT_CLOSED, type Replay } from './types.js';

let scenario: Scenario;
let layout: HospitalLayout;
let trace: TraceData;
let replay: Replay;
let figures: Readonly<Record<string, number>>;
const end = (7 + 1) * 1440;

beforeAll(async () => {
  scenario = parseScenario(smallHospital, 'small-hospital');
  layout = buildLayout(scenario);
  const result = await runScenario(scenario, { replications: 1, trace: true });
  trace = result.trace!;
  figures = result.perReplication[0]!.figures;
  replay = prepareReplay(trace, layout, { endTime: end });
});

/** Units of `resource` held at time t, straight from the trace. */
function inUse(resource: string, t: number): number {
  let n = 0;
  for (let i = 0; i < trace.length && trace.time[i]! <= t; i++) {
    if (trace.whereNames[trace.where[i]!] !== resource) continue;
    const what = trace.whatNames[trace.what[i]!];
    if (what === 'seize') n++;
    else if (what === 'release') n--;
  }
  return n;
}

describe('replay of a run', () => {
  it('gives every resource its own slots, none overlapping', () => {
    expect(layout.zones.map((z) => z.kind).sort()).toEqual(['ed', 'icu', 'imaging', 'theatres', 'ward']);
    const seen = new Set<string>();
    for (let s = 0; s < layout.slotCount; s++) {
      const key = `${layout.slotX[s]!.toFixed(2)},${layout.slotZ[s]!.toFixed(2)}`;
      expect(seen.has(key), `slot ${s} overlaps another`).toBe(false);
      seen.add(key);
    }
  });

  it('shows as many busy beds as the trace has patients in beds, at any time', () => {
    for (const t of [1500, 3000, 4321.5, 6000, 9000, 11000]) {
      for (const name of ['ward', 'icu', 'cubicle']) {
        const b = layout.blocks[layout.blockOf.get(name)!]!;
        let busy = 0;
        for (let s = b.firstSlot; s < b.firstSlot + b.units; s++) if (slotStateAt(replay, s, t) === SLOT_BUSY) busy++;
        expect(busy, `${name} at ${t}`).toBe(inUse(name, t));
      }
    }
  });

  it('shows an operating room as closed outside its sessions when no case runs', () => {
    const or = layout.blocks[layout.blockOf.get('or1')!]!;
    // Sunday 03:00 of the first week (start is Monday 00:00).
    expect(slotStateAt(replay, or.firstSlot, 6 * 1440 + 180)).toBe(SLOT_CLOSED);
  });

  it('shows a room as cleaning until the trace says its turnover ended, not for a guessed time', async () => {
    // Turnovers of 5 to 60 minutes: a replay guessing the mean (32.5) would be wrong almost every time.
    const varied = structuredClone(smallHospital);
    varied.operatingRooms![0]!.turnover = { type: 'uniform', min: 5, max: 60 };
    const s = parseScenario(varied, 'varied-turnover');
    const layout = buildLayout(s);
    const trace = (await runScenario(s, { replications: 1, trace: true })).trace!;
    const replay = prepareReplay(trace, layout, { endTime: end });
    const ends: { t: number; room: string; patient: number }[] = [];
    for (let i = 0; i < trace.length; i++) {
      if (trace.whatNames[trace.what[i]!] === 'turnover-end')
        ends.push({ t: trace.time[i]!, room: trace.whereNames[trace.where[i]!]!, patient: trace.entity[i]! });
    }
    expect(ends.length).toBeGreaterThan(0);
    for (const { t, room, patient } of ends) {
      const block = layout.blocks[layout.blockOf.get(room)!]!;
      expect(block.units).toBe(1);
      // Being cleaned after this patient's case up to the turnover's end, and no longer from then on
      // (the next case may start, and end, at that very minute).
      expect([slotStateAt(replay, block.firstSlot, t - 1e-6), slotHolderAt(replay, block.firstSlot, t - 1e-6)]).toEqual([SLOT_CLEANING, patient]);
      expect(slotStateAt(replay, block.firstSlot, t) === SLOT_CLEANING && slotHolderAt(replay, block.firstSlot, t) === patient).toBe(false);
    }
  });

  it('puts on screen exactly the patients in the hospital, forwards and after a scrub back', () => {
    const frame = createEntityFrame(replay.maxAlive);
    const expected = (t: number): number => {
      let n = 0;
      for (let e = 0; e < replay.entityCount; e++) if (replay.appear[e]! <= t && t <= replay.vanish[e]!) n++;
      return n;
    };
    for (const t of [100, 2000, 2001, 5000, 800, 10_000, 3]) {
      expect(fillEntityFrame(replay, t, frame), `at ${t}`).toBe(expected(t));
    }
    expect(replay.maxAlive).toBeGreaterThan(0);
  });

  it('lays a patient in a ward bed on that bed', () => {
    const ward = layout.blocks[layout.blockOf.get('ward')!]!;
    const t = 5000;
    const frame = createEntityFrame(replay.maxAlive);
    fillEntityFrame(replay, t, frame);
    let checked = 0;
    for (let s = ward.firstSlot; s < ward.firstSlot + ward.units; s++) {
      if (slotStateAt(replay, s, t) !== SLOT_BUSY) continue;
      const holder = replay.slotEntity[replay.slotCursor[s]!]!;
      const i = Array.from(frame.ids.subarray(0, frame.count)).indexOf(holder);
      expect(i).toBeGreaterThanOrEqual(0);
      // Unless it walked in during the last few minutes, it lies on the bed.
      if (frame.lying[i] === 1) {
        expect(frame.positions[i * 2]).toBeCloseTo(layout.slotX[s]!, 4);
        expect(frame.positions[i * 2 + 1]).toBeCloseTo(layout.slotZ[s]!, 4);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('tells a patient story that starts with the arrival and sums the waits', () => {
    const story = patientStory(trace, 0);
    expect(story.lines[0]!.text).toMatch(/^arrives/);
    expect(story.className).toBe('ed');
    expect(story.waited).toBeGreaterThanOrEqual(0);
  });

  it('charts ward occupancy as a share between 0 and 1 and finds the next busy peak', () => {
    const s = runSeries(trace, layout, end);
    const occupancy = s.charts.find((c) => c.id === 'occupancy')!;
    for (const v of occupancy.series[0]!.values) (expect(v).toBeGreaterThanOrEqual(0), expect(v).toBeLessThanOrEqual(1 + 1e-6));
    expect(s.hours).toBe(end / 60);
    const busy = Float32Array.from([0, 1, 5, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9, 2, 0]);
    expect(nextPeak(busy, 60, 0)).toBe(2.5 * 60);
    expect(nextPeak(busy, 60, 3 * 60)).toBe(16.5 * 60);
    expect(nextPeak(busy, 60, 17 * 60)).toBeNull();
  });

  it("charts all beds as the headline tile measures them: after the warm-up, the line's mean is the run's bed occupancy", () => {
    const occupancy = runSeries(trace, layout, end).charts.find((c) => c.id === 'occupancy')!;
    const all = occupancy.series.find((x) => x.id === 'allBeds')!;
    expect(all.label).toBe('all 8 beds');
    let sum = 0;
    const from = scenario.warmupDays * 24;
    for (let h = from; h < all.values.length; h++) sum += all.values[h]!;
    // The tile: beds occupied (time-weighted, after the warm-up) over every bed of the wards and the ICU.
    const tile = (figures['beds.ward.meanOccupied']! + figures['beds.icu.meanOccupied']!) / 8;
    expect(sum / (all.values.length - from)).toBeCloseTo(tile, 4);
  });
});

describe('a patient waiting for a clock time (waitUntil)', () => {
  it('is shown where it is, in the bed it keeps, until the time comes, like any timed activity', async () => {
    // One patient at 08:00 takes a bed and stays for the 11:00 ward round, then goes home.
    const round = parseScenario({
      name: 'ward-round',
      start: '2026-01-05T00:00',
      horizonDays: 1,
      warmupDays: 0,
      wards: [{ id: 'ward', type: 'general', beds: 2, costPerBedDay: 400 }],
      patientClasses: [
        { id: 'admission', department: 'ward', arrivals: { type: 'list', entries: [{ days: 'all', time: '08:00', count: 1 }] }, pathway: 'stay' },
      ],
      pathways: { stay: [{ seize: ['ward'] }, { waitUntil: '11:00', activity: 'ward round' }, { release: 'all' }] },
    });
    const plan = buildLayout(round);
    const run = (await runScenario(round, { replications: 1, trace: true })).trace!;
    const shown = prepareReplay(run, plan, { endTime: 1440 });
    const ward = plan.blocks[plan.blockOf.get('ward')!]!;
    const frame = createEntityFrame(shown.maxAlive);
    // At 10:00 it lies on its bed, the bed is busy with it; after 11:00 the bed is free and the patient gone.
    expect(fillEntityFrame(shown, 600, frame)).toBe(1);
    expect(frame.lying[0]).toBe(1);
    expect(frame.positions[0]).toBeCloseTo(plan.slotX[ward.firstSlot]!, 4);
    expect(frame.positions[1]).toBeCloseTo(plan.slotZ[ward.firstSlot]!, 4);
    expect(slotStateAt(shown, ward.firstSlot, 600)).toBe(SLOT_BUSY);
    expect(slotHolderAt(shown, ward.firstSlot, 600)).toBe(0);
    expect(slotStateAt(shown, ward.firstSlot, 700)).not.toBe(SLOT_BUSY);
    expect(fillEntityFrame(shown, 700, frame)).toBe(0);
    // Its story names the wait as an activity, from 08:00 to 11:00.
    expect(patientStory(run, 0).lines.filter((l) => /ward round/.test(l.text))).toEqual([
      { t: 480, text: 'starts: ward round' },
      { t: 660, text: 'finishes: ward round' },
    ]);
  });
});

describe('the crowd benchmark scenario', () => {
  it('keeps 10,000 patients on screen at once', () => {
    const crowd = prepareReplay(syntheticTrace(10_000), buildLayout(parseScenario(SYNTHETIC_SCENARIO, 'synthetic')), { endTime: 2880 });
    const frame = createEntityFrame(crowd.maxAlive);
    expect(fillEntityFrame(crowd, 1000, frame)).toBe(10_000);
    let lying = 0;
    for (let i = 0; i < frame.count; i++) lying += frame.lying[i]!;
    expect(lying).toBe(0);
  });
});

describe('waiting spots', () => {
  it('hands out the lowest free spot first', async () => {
    const { SpotPool } = await import('./spot-pool.js');
    const pool = new SpotPool();
    expect([pool.take(), pool.take(), pool.take(), pool.take()]).toEqual([0, 1, 2, 3]);
    pool.give(2);
    pool.give(0);
    pool.give(3);
    expect([pool.take(), pool.take(), pool.take(), pool.take()]).toEqual([0, 2, 3, 4]);
  });
});
