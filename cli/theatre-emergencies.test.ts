/**
 * The schedule judged with the emergencies it will meet: a user's scenario whose
 * list theatre bumps elective cases (`bumpedElective`, docs/theatre.md) shows the
 * cases bumped and the emergencies' wait beside the other figures, and the chosen
 * schedule's figures are those of `run` of the written scenario with the same seed.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { allSmallSchedules, applySchedule, inThreadRunner, SMALL_BINDING, SMALL_PROBLEM, smallBase, withScheduleFigures } from '../workers/node.js';
import type { Interval } from '../workers/node.js';
import { optimiseInProcess } from '../test/optimise-in-process.js';
import { loadScenarioFile } from './load-scenario-file.js';

const SPEC =
  'name: urgent\ntheatreSchedule:\n  hospital: small-instance\n  scenario: urgent-hospital.yaml\n  horizonDays: 14\nseed: 5\nsamples: 50\nperRound: 2\nrounds: 1\nreplications: { firstStage: 3, budget: 12 }\n';

describe('hospital-twin optimise on a scenario whose list theatre meets emergencies', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'theatre-urgent-'));
    // The small hospital, with t1 bumping its next elective case for an emergency that comes every weekday at 09:00.
    const mine = applySchedule(smallBase(2), SMALL_PROBLEM, SMALL_BINDING, allSmallSchedules()[0]!);
    mine.operatingRooms = mine.operatingRooms!.map((r) => (r.id === 't1' ? { ...r, bumpedElective: 'cancel' as const } : r));
    mine.patientClasses.push({
      id: 'urgentSurgery',
      department: 'surgery',
      priority: 10,
      arrivals: { type: 'list', entries: [{ days: 'weekdays', time: '09:00', count: 1 }] },
      pathway: 'urgentOperation',
    });
    // Its hip replacements take 150 minutes, every one (the small instance's own: lognormal, mean 120).
    mine.pathways['elective'] = mine.pathways['elective']!.map((step) =>
      'hold' in step && step.activity === 'surgery' && 'byAttribute' in step.hold
        ? { ...step, hold: { ...step.hold, cases: { ...step.hold.cases, hip: { type: 'constant' as const, value: 150 } } } }
        : step,
    );
    mine.pathways['urgentOperation'] = [{ seize: ['t1'] }, { hold: { type: 'constant', value: 60 }, activity: 'surgery' }, { release: 'all' }];
    await writeFile(join(dir, 'urgent-hospital.yaml'), stringify(mine));
    await writeFile(join(dir, 'urgent.yaml'), SPEC);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('shows the elective cases bumped and the emergencies’ wait, equal to a run of the written scenario', { timeout: 300_000 }, async () => {
    const out = join(dir, 'out');
    const r = await optimiseInProcess(join(dir, 'urgent.yaml'), '--out', out, '--workers', '1');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Elective cases bumped by emergencies per week \(cases\) +5\.00 ± 0\.00/);
    expect(r.stdout).toMatch(/Emergencies' wait for a list's theatre \(mean\) \(minutes\)/);
    const report = JSON.parse(await readFile(join(out, 'theatre-schedule.json'), 'utf8')) as {
      replications: number;
      chosen: { figures: Record<string, Interval> };
      caseTimes: Record<string, Record<string, { operationMinutes: number; wardDays: number }>>;
    };
    // The program sampled this hospital's own times: its hips' 150 minutes, its hernias' day in the ward (lognormal, mean 1).
    expect(report.caseTimes['A']!['hip']!.operationMinutes).toBe(150);
    expect(report.caseTimes['C']!['hernia']!.wardDays).toBeCloseTo(1, 1);
    // t1 runs a list every weekday, and at 09:00 a case of it is always waiting: one bumped a day, five a week.
    expect(report.chosen.figures['theatre.bumpedPerWeek']).toEqual({ mean: 5, half: 0 });
    // `run` of the written scenario, with its seed, on the same replications: the same figures.
    const written = await loadScenarioFile(join(out, 'theatre-schedule-scenario.yaml'));
    const reps = Array.from({ length: report.replications }, (_, i) => i + 1);
    const runs = await inThreadRunner(written, written.seed!, reps);
    const weeks = written.horizonDays / 7;
    const rows = runs.map((x) => withScheduleFigures(SMALL_PROBLEM, SMALL_BINDING, x.figures, weeks));
    for (const id of ['theatre.bumpedPerWeek', 'theatre.emergencyWaitMinutes', 'theatre.cancellationsPerWeek', 'theatre.objective']) {
      expect(rows.reduce((s, x) => s + x[id]!, 0) / rows.length, id).toBe(report.chosen.figures[id]!.mean);
    }
    // Each bump cancels an elective case: the cancellations include them.
    expect(report.chosen.figures['theatre.cancellationsPerWeek']!.mean).toBeGreaterThanOrEqual(5);
    expect(report.chosen.figures['theatre.emergencyWaitMinutes']!.mean).toBeGreaterThan(0);
  });

  it('leaves the emergencies’ rows out where no theatre bumps (the small instance’s own hospital)', { timeout: 300_000 }, async () => {
    await writeFile(join(dir, 'plain.yaml'), SPEC.replace('name: urgent', 'name: plain').replace('  scenario: urgent-hospital.yaml\n', ''));
    const r = await optimiseInProcess(join(dir, 'plain.yaml'), '--out', join(dir, 'plain'), '--workers', '1');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Elective cancellations per week');
    expect(r.stdout).not.toContain('bumped by emergencies');
  });
});
