import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../scenarios/index.js';
import { inThreadRunner } from '../optimise/in-thread-runner.js';
import { runTheatreSchedule, SHOWN } from './run-theatre-schedule.js';
import { withScheduleFigures } from './schedule-figures.js';
import { SMALL_BINDING, SMALL_PROBLEM } from './small-instance.js';
import { loadTheatreSpec } from './theatre-spec.js';

const SPEC = resolve('workers/optimise/examples/theatre-small.yaml');
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('theatre schedule output', () => {
  it("writes the chosen schedule as a scenario whose run (same seed) gives the chosen's figures", { timeout: 300_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'theatre-'));
    dirs.push(dir);
    const spec = (await loadTheatreSpec(SPEC))!;
    const report = await runTheatreSchedule(spec, { runner: inThreadRunner, outDir: dir, source: SPEC });
    const text = await readFile(report.files.scenario, 'utf8');
    const scenario = parseScenarioText(text, report.files.scenario);
    const reps = Array.from({ length: report.replications }, (_, i) => i + 1);
    const out = await inThreadRunner(scenario, scenario.seed ?? spec.seed, reps);
    const weeks = scenario.horizonDays / 7;
    const rows = out.map((r) => withScheduleFigures(SMALL_PROBLEM, SMALL_BINDING, r.figures, weeks));
    for (const { id } of SHOWN) {
      // Emergencies' figures are absent where no theatre bumps (none does here).
      if (id === 'theatre.utilisation' || (id.startsWith('theatre.') && report.chosen.figures[id] === undefined && !(id in rows[0]!))) continue;
      const mean = rows.reduce((a, r) => a + r[id]!, 0) / rows.length;
      expect(mean).toBe(report.chosen.figures[id]!.mean);
    }
    // The grid in the file is the chosen one: each theatre's sessions are the days it runs a list.
    const t2 = scenario.operatingRooms!.find((r) => r.id === 't2')!;
    const days = t2.sessions.flatMap((s) => (Array.isArray(s.days) ? s.days : []));
    expect(days.length).toBe(report.chosen.schedule[1]!.filter((x) => x !== null).length);
  });

  it('never writes over its input, and names unknown lists by their path', async () => {
    const spec = (await loadTheatreSpec(SPEC))!;
    await expect(
      runTheatreSchedule(
        { ...spec },
        { runner: inThreadRunner, outDir: resolve('workers/optimise/examples'), source: resolve('workers/optimise/examples/theatre-schedule-scenario.yaml') },
      ),
    ).rejects.toThrow(/theatre-schedule-scenario\.yaml/);
    const bad = { ...spec, theatreSchedule: { ...spec.theatreSchedule, forbidden: [{ list: 'Z' }] } };
    await expect(runTheatreSchedule(bad, { runner: inThreadRunner, outDir: tmpdir(), source: SPEC })).rejects.toThrow(
      /theatreSchedule\.forbidden\[0\]\.list: is not a list of small-instance/,
    );
    // The days measured follow the scenario's warm-up (21 days in the general hospital), as its own horizonDays do.
    const general = (await loadTheatreSpec(resolve('workers/optimise/examples/theatre-schedule.yaml')))!;
    const short = { ...general, theatreSchedule: { ...general.theatreSchedule, horizonDays: 14 } };
    await expect(runTheatreSchedule(short, { runner: inThreadRunner, outDir: tmpdir(), source: SPEC })).rejects.toThrow(
      /theatreSchedule\.horizonDays: must be longer than the scenario's warm-up \(21 days\), got 14/,
    );
  });
});
