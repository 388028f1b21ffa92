/**
 * The theatre schedule optimiser: seconds to schedule the general hospital's 15
 * lists a week (the proposal loop, the selection, and schedules A and B run on
 * the same replications; target at most 5 minutes on 2 cores), the chosen
 * week's paired differences from schedule A in cancellations and overtime (per
 * week, with 95% half-widths), and whether the loop finds the best of the small
 * instance's 30 schedules as enumeration with the simulator ranks them (1 if so).
 * BENCH_THEATRE_SMALL=1 runs it with small sizes, to check that it works.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseScenario } from '../scenarios/index.js';
import {
  allSmallSchedules,
  applySchedule,
  loadTheatreSpec,
  NodeWorkerPool,
  proposeAndSelect,
  runTheatreSchedule,
  SCHEDULE_FIGURES,
  scheduleKey,
  SMALL_BINDING,
  SMALL_PROBLEM,
  smallBase,
  withScheduleFigures,
} from '../workers/node.js';
import type { Figures } from './hospital.js';
import { poolRunner } from './pool-runner.js';

const EXAMPLES = fileURLToPath(new URL('../../workers/optimise/examples/', import.meta.url));
const WORKERS = 2;

export async function benchTheatre(log: (line: string) => void): Promise<Figures> {
  const small = process.env['BENCH_THEATRE_SMALL'] === '1';
  const pool = new NodeWorkerPool(WORKERS);
  const { runner, controller } = poolRunner(pool);
  const dir = mkdtempSync(join(tmpdir(), 'bench-theatre-'));
  try {
    const spec = (await loadTheatreSpec(join(EXAMPLES, 'theatre-schedule.yaml')))!;
    if (small)
      Object.assign(spec, {
        samples: 50,
        rounds: 1,
        perRound: 2,
        replications: { firstStage: 3, budget: 12 },
        // Longer than the general hospital's 21-day warm-up (the days measured after it).
        theatreSchedule: { ...spec.theatreSchedule, horizonDays: 28 },
      });
    const started = performance.now();
    const report = await runTheatreSchedule(spec, { runner, outDir: join(dir, 'general') });
    const seconds = (performance.now() - started) / 1000;
    const vs = report.chosen.vsA!;
    log(`general hospital: ${report.candidates} schedules proposed, ${report.replications} replications each, ${seconds.toFixed(1)} s`);

    // The small instance: every schedule with the simulator, then the loop.
    const reps = small ? 3 : 6;
    const base = smallBase(4);
    const mean = new Map<string, number>();
    for (const s of allSmallSchedules()) {
      const out = await runner(
        parseScenario(applySchedule(base, SMALL_PROBLEM, SMALL_BINDING, s)),
        11,
        Array.from({ length: reps }, (_, i) => i + 1),
      );
      const values = out.map((r) => withScheduleFigures(SMALL_PROBLEM, SMALL_BINDING, r.figures, 4)[SCHEDULE_FIGURES.objective]!);
      mean.set(scheduleKey(s), values.reduce((a, v) => a + v, 0) / values.length);
    }
    const [bestKey, bestValue] = [...mean].sort((a, b) => a[1] - b[1])[0]!;
    const outcome = await proposeAndSelect(SMALL_PROBLEM, SMALL_BINDING, base, {
      seed: 11,
      samples: 200,
      perRound: 3,
      rounds: 4,
      firstStage: reps,
      budget: reps * 12,
      confidence: 0.95,
      runner,
    });
    const chosen = outcome.chosen;
    const found = chosen !== undefined && (chosen.key === bestKey || Math.abs(mean.get(chosen.key)! - bestValue) <= 1e-3 * bestValue);
    log(
      `small instance: best of 30 ${bestValue.toFixed(1)}; chose ${chosen ? mean.get(chosen.key)!.toFixed(1) : '-'} after ${outcome.candidates.length} proposals`,
    );
    return {
      'theatre.secondsToSchedule': seconds,
      'theatre.vsScheduleA.cancellations': vs[SCHEDULE_FIGURES.cancellations]!.mean,
      'theatre.vsScheduleA.cancellations.halfWidth': vs[SCHEDULE_FIGURES.cancellations]!.half,
      'theatre.vsScheduleA.overtime': vs[SCHEDULE_FIGURES.overtimeHours]!.mean,
      'theatre.vsScheduleA.overtime.halfWidth': vs[SCHEDULE_FIGURES.overtimeHours]!.half,
      'theatre.smallInstance.found': found ? 1 : 0,
      'theatre.smallSizes': small,
    };
  } finally {
    controller.abort();
    await pool.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
