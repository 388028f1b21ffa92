import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenarios/index.js';
import { inThreadRunner } from '../optimise/in-thread-runner.js';
import { proposeAndSelect } from './propose-and-select.js';
import { scheduleKey } from './schedule.js';
import { SCHEDULE_FIGURES, withScheduleFigures } from './schedule-figures.js';
import { applySchedule } from './schedule-scenario.js';
import { allSmallSchedules, SMALL_BINDING, SMALL_PROBLEM, smallBase } from './small-instance.js';

const SEED = 11;
const REPS = 6;

describe('theatre schedule: proposed by the MIP, chosen by simulation', () => {
  it('finds the best of all 30 schedules of the small instance, as enumeration with the simulator ranks them', { timeout: 300_000 }, async () => {
    const base = smallBase(4);
    const weeks = 4;
    // Enumeration: every schedule, the same replications 1..REPS (common random numbers).
    const schedules = allSmallSchedules();
    expect(new Set(schedules.map(scheduleKey)).size).toBe(30);
    const mean = new Map<string, number>();
    for (const s of schedules) {
      const out = await inThreadRunner(parseScenario(applySchedule(base, SMALL_PROBLEM, SMALL_BINDING, s)), SEED, [1, 2, 3, 4, 5, 6]);
      const values = out.map((r) => withScheduleFigures(SMALL_PROBLEM, SMALL_BINDING, r.figures, weeks)[SCHEDULE_FIGURES.objective]!);
      mean.set(scheduleKey(s), values.reduce((a, v) => a + v, 0) / values.length);
    }
    const ranked = [...mean].sort((a, b) => a[1] - b[1]);
    const [bestKey, bestValue] = ranked[0]!;

    const outcome = await proposeAndSelect(SMALL_PROBLEM, SMALL_BINDING, base, {
      seed: SEED,
      samples: 200,
      perRound: 3,
      rounds: 4,
      firstStage: REPS,
      budget: REPS * 12,
      confidence: 0.95,
      runner: inThreadRunner,
    });
    const chosen = outcome.chosen!;
    expect(chosen).toBeDefined();
    // The same replications as the enumeration: the chosen's mean over them.
    const chosenValue = mean.get(chosen.key)!;
    // Found: the enumerated best itself, or one the simulator cannot tell from it (a tie, within 0.1%).
    expect(chosen.key === bestKey || Math.abs(chosenValue - bestValue) <= 1e-3 * bestValue).toBe(true);
    // And the program's rank is not the simulator's by luck: the worst schedule is far off.
    expect(ranked[ranked.length - 1]![1]).toBeGreaterThan(bestValue * 1.1);
    // Every schedule the loop ran is a real, distinct schedule of the instance.
    expect(new Set(outcome.candidates.map((c) => c.key)).size).toBe(outcome.candidates.length);
    for (const c of outcome.candidates) expect(mean.has(c.key)).toBe(true);
  });
});
