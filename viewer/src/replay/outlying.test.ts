import { beforeAll, describe, expect, it } from 'vitest';
import { parseScenario, type Scenario, type ScenarioInput } from '../../../scenarios/index.js';
import type { TraceData } from '../../../sim-core/index.js';
import { runScenario } from '../../../workers/index.js';
import { buildLayout } from '../layout/hospital-layout.js';
import type { HospitalLayout } from '../layout/types.js';
import { slotHolderAt } from './frame.js';
import { prepareReplay } from './prepare.js';
import { queueCountAt } from './queue-counts.js';
import type { Replay } from './types.js';

/** Two busy wards whose patients outly to each other. */
const twoWards: ScenarioInput = {
  name: 'outlying-replay',
  start: '2026-01-05T00:00',
  horizonDays: 40,
  warmupDays: 0,
  seed: 5,
  replications: 1,
  wards: [
    { id: 'medical', type: 'general', department: 'medicine', beds: 5, costPerBedDay: 400 },
    { id: 'surgical', type: 'general', department: 'surgery', beds: 4, costPerBedDay: 500 },
  ],
  patientClasses: [
    { id: 'medicalPatient', department: 'medicine', arrivals: { type: 'weekly', perDay: 2.2 }, pathway: 'medicine' },
    { id: 'surgicalPatient', department: 'surgery', arrivals: { type: 'weekly', perDay: 1.6 }, pathway: 'surgery' },
  ],
  pathways: {
    medicine: [{ stay: 'medical', outlyTo: ['surgical'], lengthOfStay: { type: 'exponential', mean: 2 * 1440 } }],
    surgery: [{ stay: 'surgical', outlyTo: ['medical'], lengthOfStay: { type: 'exponential', mean: 2 * 1440 } }],
  },
};

let scenario: Scenario;
let layout: HospitalLayout;
let trace: TraceData;
let replay: Replay;
/** Each stay from the trace: patient, ward of the bed, ward asked for, from, to. */
const stays: { e: number; ward: string; asked: string; from: number; to: number }[] = [];
/** Each wait: patient, ward asked for, from, to (the seize of a bed in any ward). */
const waits: { asked: string; from: number; to: number }[] = [];

beforeAll(async () => {
  scenario = parseScenario(twoWards, 'outlying-replay');
  layout = buildLayout(scenario);
  trace = (await runScenario(scenario, { replications: 1, trace: true })).trace!;
  replay = prepareReplay(trace, layout, { endTime: 40 * 1440 });
  const asked = new Map<number, { ward: string; t: number }>();
  const open = new Map<number, (typeof stays)[number]>();
  for (let i = 0; i < trace.length; i++) {
    const e = trace.entity[i]!;
    const what = trace.whatNames[trace.what[i]!];
    const where = trace.whereNames[trace.where[i]!]!;
    const t = trace.time[i]!;
    if (what === 'request') asked.set(e, { ward: where, t });
    else if (what === 'seize') {
      const a = asked.get(e)!;
      if (t > a.t) waits.push({ asked: a.ward, from: a.t, to: t });
      const stay = { e, ward: where, asked: a.ward, from: t, to: Infinity };
      stays.push(stay);
      open.set(e, stay);
    } else if (what === 'release') open.get(e)!.to = t;
  }
});

describe('replay of outlying: the patient is drawn in the ward it got, and leaves the line it stood in', () => {
  it('draws every outlier on a bed of the ward it was given, not the one it asked for', () => {
    const outliers = stays.filter((s) => s.ward !== s.asked && s.to - s.from > 60);
    expect(outliers.length).toBeGreaterThan(10);
    for (const s of outliers) {
      const t = (s.from + Math.min(s.to, 40 * 1440)) / 2;
      const b = layout.blocks[layout.blockOf.get(s.ward)!]!;
      const holders: number[] = [];
      for (let k = b.firstSlot; k < b.firstSlot + b.units; k++) holders.push(slotHolderAt(replay, k, t));
      expect(holders, `patient ${s.e} in ${s.ward} at ${t}`).toContain(s.e);
    }
  });

  it("counts a patient in its own ward's line only until it has a bed in either ward", () => {
    expect(waits.filter((w) => w.asked === 'medical').length).toBeGreaterThan(5);
    for (const t of [3 * 1440 + 17, 9 * 1440 + 301, 17 * 1440 + 5, 25 * 1440 + 999, 33 * 1440 + 77]) {
      for (const ward of ['medical', 'surgical']) {
        const expected = waits.filter((w) => w.asked === ward && w.from <= t && w.to > t).length;
        expect(queueCountAt(replay.queues, layout.blockOf.get(ward)!, t), `${ward} line at ${t}`).toBe(expected);
      }
    }
  });
});
