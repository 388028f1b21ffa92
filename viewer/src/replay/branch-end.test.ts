import { beforeAll, describe, expect, it } from 'vitest';
import { parseScenario, type ScenarioInput } from '../../../scenarios/index.js';
import type { TraceData } from '../../../sim-core/index.js';
import { runScenario } from '../../../workers/index.js';
import { buildLayout } from '../layout/hospital-layout.js';
import { fillEntityFrame, slotHolderAt } from './frame.js';
import { prepareReplay } from './prepare.js';
import { queueCountAt, queueCounts } from './queue-counts.js';
import { runSeries } from './series.js';
import { patientStory } from './story.js';
import { createEntityFrame } from './types.js';

/**
 * Two patients at 08:00, each with a CT scan (two scanners, 30 minutes) and a
 * blood test (one lab, 40 minutes, given up after waiting 10) at the same time:
 * the second's lab branch gives up at 08:10 while its scan runs on to 08:30.
 * (The replay follows one wait per patient, its last request: here the lab's.)
 */
const clinic: ScenarioInput = {
  name: 'split-give-up',
  start: '2026-01-05T00:00',
  horizonDays: 1,
  warmupDays: 0,
  seed: 2,
  resources: [
    { id: 'lab', department: 'diagnostics', units: 1, costPerHour: 60 },
    { id: 'ct', department: 'diagnostics', units: 2, costPerHour: 120 },
  ],
  patientClasses: [
    { id: 'outpatient', department: 'clinic', arrivals: { type: 'list', entries: [{ days: 'all', time: '08:00', count: 2 }] }, pathway: 'workup' },
  ],
  pathways: {
    workup: [
      {
        split: [
          [
            { seize: ['ct'], id: 'ct' },
            { hold: { type: 'constant', value: 30 }, activity: 'CT scan' },
          ],
          [
            { seize: ['lab'], id: 'lab', maxWait: 10, onTimeout: 'cancelled' },
            { hold: { type: 'constant', value: 40 }, activity: 'blood test' },
          ],
        ],
      },
      { hold: { type: 'constant', value: 5 }, activity: 'review' },
    ],
  },
};

describe('replay of a split branch that gives up', () => {
  const scenario = parseScenario(clinic);
  const layout = buildLayout(scenario);
  let trace: TraceData;
  // Run as the viewer runs a model: through workers/ (the scenario's seed, 2; replication 1's trace).
  beforeAll(async () => {
    trace = (await runScenario(scenario, { replications: 1, trace: true })).trace!;
  });

  it('takes the branch out of the line it gave up on, while the patient stays', () => {
    const lab = layout.blockOf.get('lab')!;
    const counts = queueCounts(trace, layout);
    expect(queueCountAt(counts, lab, 485)).toBe(1);
    expect(queueCountAt(counts, lab, 495)).toBe(0);
    // Waiting anywhere, 08:00 to 09:00: the second patient's 10 minutes at the lab, as a share of the hour.
    expect(runSeries(trace, layout, 1440).busy[8]).toBeCloseTo(10 / 60, 6);
  });

  it('walks the patient back from the line it gave up on to the scanner it holds', () => {
    const replay = prepareReplay(trace, layout, { endTime: 1440 });
    const ct = layout.blocks[layout.blockOf.get('ct')!]!;
    const at = 500;
    let slot = -1;
    for (let s = ct.firstSlot; s < ct.firstSlot + ct.units; s++) if (slotHolderAt(replay, s, at) === 1) slot = s;
    expect(slot).toBeGreaterThanOrEqual(0);
    const frame = createEntityFrame(replay.maxAlive);
    fillEntityFrame(replay, at, frame);
    const i = Array.from(frame.ids.subarray(0, frame.count)).indexOf(1);
    expect([frame.positions[i * 2], frame.positions[i * 2 + 1]]).toEqual([layout.slotX[slot], layout.slotZ[slot]]);
  });

  it("tells the branch's end in the patient's story, and the patient leaving only once", () => {
    const story = patientStory(trace, 1);
    expect(story.lines.filter((l) => l.text.startsWith('one of its parallel steps ended'))).toEqual([
      { t: 490, text: 'one of its parallel steps ended: case cancelled' },
    ]);
    expect([story.left, story.outcome, story.waited]).toEqual([515, 'went home', 10]);
  });
});
