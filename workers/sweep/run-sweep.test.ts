import { appendFile, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStream, standardNormal } from '../../sim-core/index.js';
import { runScenario } from '../run-replications.js';
import { readLog } from './results-log.js';
import { runSweep, type SweepProgress, type SweepRunner } from './run-sweep.js';
import { parseSweepSpec, SweepSpecError, type SweepSpecInput } from './sweep-spec.js';

/** 6 points of a short M/M/c, 4 replications each. */
const spec = parseSweepSpec({
  name: 'resume',
  base: 'textbook-mmc',
  parameters: {
    'resources.cubicle.units': [3, 4, 5],
    'patientClasses.patient.arrivals.multiplier': [0.9, 1],
    horizonDays: [20],
    warmupDays: [2],
  },
  replications: 4,
  seed: 3,
  keep: ['wait.cubicle', 'utilisation'],
  rank: { by: 'wait.cubicle.mean', constraint: { figure: 'utilisation.cubicle', atLeast: 0.6 } },
} satisfies SweepSpecInput);

/** runScenario, counting the points it runs. */
function countingRunner(): { runner: SweepRunner; points: number[] } {
  const points: number[] = [];
  return {
    points,
    runner: (scenario, o) => {
      points.push(scenario.resources[0]!.units as number);
      return runScenario(scenario, o);
    },
  };
}

describe('running a sweep', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'sweep-run-'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('runs every point and writes the log, sweep.csv and sweep.json', async () => {
    const outDir = join(root, 'whole');
    const progress: SweepProgress[] = [];
    const out = await runSweep(spec, { runner: runScenario, outDir, onProgress: (p) => progress.push(p) });
    expect(out.complete).toBe(true);
    expect(out.ran).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6']);
    expect((await readLog(out.files.log)).records).toHaveLength(6);
    expect(progress.at(-1)).toMatchObject({ pointsDone: 6, pointsTotal: 6, replicationsDone: 24, replicationsTotal: 24 });
    const csv = (await readFile(out.files.csv!, 'utf8')).trimEnd().split('\n');
    expect(csv[0]).toBe('point,resources.cubicle.units,patientClasses.patient.arrivals.multiplier,horizonDays,warmupDays,figure,mean,ci95_low,ci95_high,n');
    // Kept: wait.cubicle.{mean,p50,p90,p95,pWait} and utilisation.cubicle, for 6 points.
    expect(csv).toHaveLength(1 + 6 * 6);
    expect(csv[1]).toMatch(/^p1,3,0.9,20,2,wait\.cubicle\.mean,[\d.]+,[\d.]+,[\d.]+,4$/);
    const json = JSON.parse(await readFile(out.files.json!, 'utf8'));
    expect(json.points).toHaveLength(6);
    // More cubicles, shorter waits: the best feasible point (utilisation ≥ 0.6) is the one with most cubicles that keeps it.
    expect(json.ranking.best).toBe(out.report!.ranking!.best);
    expect(json.ranking.method).toMatch(/^Feasible: the mean over replications of utilisation\.cubicle is at least 0\.6/);
  });

  it('resumes after a cancel: only the missing points run, and the results are those of an uninterrupted run', async () => {
    const outDir = join(root, 'resumed');
    const controller = new AbortController();
    // Stop in the middle of the third point (after its second replication).
    const first = await runSweep(spec, {
      runner: runScenario,
      outDir,
      signal: controller.signal,
      onProgress: (p) => p.replicationsDone >= 2 * 4 + 2 && controller.abort(),
    });
    expect(first).toMatchObject({ complete: false, cancelled: true, ran: ['p1', 'p2'] });
    expect(first.files.csv).toBeUndefined();
    await expect(stat(join(outDir, 'sweep.json'))).rejects.toThrow(/ENOENT/);
    expect((await readLog(first.files.log)).records.map((r) => r.point)).toEqual(['p1', 'p2']);

    const again = countingRunner();
    const second = await runSweep(spec, { runner: again.runner, outDir });
    expect(second.complete).toBe(true);
    expect(second.skipped).toEqual(['p1', 'p2']);
    expect(second.ran).toEqual(['p3', 'p4', 'p5', 'p6']);
    expect(again.points).toHaveLength(4);
    for (const file of ['sweep.json', 'sweep.csv']) {
      expect(await readFile(join(outDir, file), 'utf8'), file).toBe(await readFile(join(root, 'whole', file), 'utf8'));
    }

    const third = countingRunner();
    expect((await runSweep(spec, { runner: third.runner, outDir })).ran).toEqual([]);
    expect(third.points).toEqual([]);
  });

  it('runs several points at once when asked, with the same tables as one after another', async () => {
    const outDir = join(root, 'at-once');
    let running = 0;
    let most = 0;
    // Each point's replications take turns with the event loop, as a worker pool's do.
    const overlapping: SweepRunner = async (scenario, o) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      try {
        return await runScenario(scenario, o);
      } finally {
        running--;
      }
    };
    const progress: SweepProgress[] = [];
    const out = await runSweep(spec, { runner: overlapping, outDir, pointsAtOnce: 3, onProgress: (p) => progress.push(p) });
    expect(most).toBe(3);
    expect(out.ran).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6']);
    expect(progress.at(-1)).toMatchObject({ pointsDone: 6, replicationsDone: 24 });
    // Progress never goes back, though the points report in turns.
    for (let i = 1; i < progress.length; i++) expect(progress[i]!.replicationsDone).toBeGreaterThanOrEqual(progress[i - 1]!.replicationsDone);
    expect((await readLog(out.files.log)).records).toHaveLength(6);
    for (const file of ['sweep.json', 'sweep.csv']) {
      expect(await readFile(join(outDir, file), 'utf8'), file).toBe(await readFile(join(root, 'whole', file), 'utf8'));
    }
  });

  it('ignores a torn last line of the log, runs that point again, and leaves a clean log', async () => {
    const outDir = join(root, 'torn');
    const controller = new AbortController();
    await runSweep(spec, { runner: runScenario, outDir, signal: controller.signal, onProgress: (p) => p.pointsDone >= 3 && controller.abort() });
    const log = join(outDir, 'sweep.jsonl');
    const lines = (await readFile(log, 'utf8')).split('\n');
    // A crash while writing the fourth point's line: half of a line like the third.
    await appendFile(log, lines[2]!.slice(0, 200));
    const again = countingRunner();
    const out = await runSweep(spec, { runner: again.runner, outDir });
    expect(out.ran).toEqual(['p4', 'p5', 'p6']);
    const read = await readLog(log);
    expect(read).toMatchObject({ torn: false, skipped: 0 });
    expect(read.records).toHaveLength(6);
    expect(await readFile(join(outDir, 'sweep.json'), 'utf8')).toBe(await readFile(join(root, 'whole', 'sweep.json'), 'utf8'));
  });

  it('leaves a failed point out of the log, so the next run tries it again', async () => {
    const outDir = join(root, 'failed');
    const flaky: SweepRunner = async (scenario, o) => {
      if (scenario.resources[0]!.units === 4) return { perReplication: [], failures: [{ replication: 1, error: 'runaway patients\n  at …' }] };
      return runScenario(scenario, o);
    };
    const out = await runSweep(spec, { runner: flaky, outDir });
    expect(out.complete).toBe(false);
    expect(out.failed).toEqual([
      { point: 'p3', error: '1 replication(s) failed, e.g. replication 1: runaway patients' },
      { point: 'p4', error: '1 replication(s) failed, e.g. replication 1: runaway patients' },
    ]);
    const again = countingRunner();
    expect((await runSweep(spec, { runner: again.runner, outDir })).ran).toEqual(['p3', 'p4']);
  });

  it('refuses a bad sweep with every problem before writing anything', async () => {
    const outDir = join(root, 'never');
    const bad = parseSweepSpec({
      name: 'bad',
      base: 'textbook-mmc',
      parameters: { 'resources.cubicel.units': [3] },
      rank: { by: 'wait.cubicle.meen' },
    });
    await expect(runSweep(bad, { runner: runScenario, outDir })).rejects.toThrow(
      'bad is not a valid sweep (1 problem):\n  parameters["resources.cubicel.units"]: no resource with id "cubicel" (resources: "cubicle")',
    );
    const figures = parseSweepSpec({
      name: 'bad',
      base: 'textbook-mmc',
      parameters: { 'resources.cubicle.units': [3] },
      keep: ['wiat'],
      rank: { by: 'wait.cubicle.meen', constraint: { figure: 'cost.totl', atMost: 1 } },
    });
    const error = await runSweep(figures, { runner: runScenario, outDir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SweepSpecError);
    expect((error as SweepSpecError).issues.map((i) => i.path)).toEqual(['keep[0]', 'rank.by', 'rank.constraint.figure']);
    expect((error as SweepSpecError).issues[1]!.message).toMatch(/^is not a figure \(figures starting "wait\.": wait\.cubicle\.mean, /);
    await expect(stat(outDir)).rejects.toThrow(/ENOENT/);
  });

  it('ranks with the constraint and names the indistinguishable points, on a runner with known differences', async () => {
    // Cost by cubicles: 3 → 900 (but waits too long), 4 → 1000, 5 → 1000, 6 → 1030, plus a replication effect
    // shared by all points (sd 50, as common random numbers give) and the point's own noise (sd 1).
    const level: Record<number, number> = { 3: 900, 4: 1000, 5: 1000, 6: 1030 };
    const wait: Record<number, number> = { 3: 120, 4: 20, 5: 8, 6: 3 };
    const rng = createStream(1, 'synthetic');
    const shared = Array.from({ length: 10 }, () => 50 * standardNormal(rng));
    const own = new Map(Object.keys(level).map((u) => [Number(u), shared.map(() => standardNormal(rng))]));
    const synthetic: SweepRunner = async (scenario, o) => {
      const units = scenario.resources[0]!.units as number;
      return {
        perReplication: Array.from({ length: o.replications }, (_, i) => ({
          replication: i + 1,
          figures: { 'cost.total': level[units]! + shared[i]! + own.get(units)![i]!, 'wait.cubicle.mean': wait[units]! },
        })),
      };
    };
    const out = await runSweep(
      parseSweepSpec({
        name: 'synthetic',
        base: 'textbook-mmc',
        parameters: { 'resources.cubicle.units': [3, 4, 5, 6] },
        replications: 10,
        keep: ['cost.total'],
        rank: { by: 'cost.total', constraint: { figure: 'wait.cubicle.mean', atMost: 30 } },
      }),
      { runner: synthetic, outDir: join(root, 'synthetic') },
    );
    const ranking = out.report!.ranking!;
    expect(ranking.indistinguishable.sort()).toEqual(['p2', 'p3']);
    expect(ranking.points.find((p) => p.point === 'p1')!.feasible).toBe(false);
    const p4 = ranking.points.find((p) => p.point === 'p4')!;
    expect(p4.indistinguishableFromBest).toBe(false);
    expect(p4.versusBest!.mean).toBeCloseTo(30, -1);
  });
});
