import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../test/run-cli.js';

interface Samples {
  arrivals: { replayedFrom: string; classes: string[]; patients: number };
}

/**
 * `forecast --arrivals-from LOG --arrivals-map MAP`: the arrivals that came,
 * read from a hospital's event log through the calibration mapping `score
 * --truth-map` uses. The same replication's trace and event log must replay
 * the same patients: of the same classes, as many, in the same hours.
 */
describe('forecast --arrivals-from an event log', () => {
  const made = (async () => {
    const dir = await tempDir();
    const f = (name: string): string => join(dir, name);
    const run = await runCli([
      ...['run', 'general-hospital', '-r', '1', '--days', '3', '--warmup', '0', '-w', '1'],
      ...['--trace', f('trace.json'), '--snapshot-at', '1.25', '--snapshot-out', f('now.json')],
    ]);
    expect(run.code).toBe(0);
    const log = await runCli(['export-log', 'general-hospital', '--days', '3', '--warmup', '0', '-o', f('log.csv')]);
    expect(log.code).toBe(0);
    return { f };
  })();
  let setup: typeof made;
  beforeAll(async () => {
    await made;
    setup = made;
  }, 900_000);
  const map = join(process.cwd(), 'calibration/maps/export-log.yaml');
  const common = ['forecast', 'general-hospital', '--hours', '12', '-r', '4', '-w', '1'];

  it('replays the same patients from the log as from the trace of the same run', async () => {
    const { f } = await setup;
    const fromTrace = await runCli([...common, '--state', f('now.json'), '--arrivals-from', f('trace.json'), '--samples', f('trace-real.json')]);
    expect(fromTrace.code).toBe(0);
    const fromLog = await runCli([
      ...common,
      '--state',
      f('now.json'),
      '--arrivals-from',
      f('log.csv'),
      '--arrivals-map',
      map,
      '--samples',
      f('log-real.json'),
    ]);
    expect(fromLog.code).toBe(0);
    const a = (JSON.parse(await readFile(f('trace-real.json'), 'utf8')) as Samples).arrivals;
    const b = (JSON.parse(await readFile(f('log-real.json'), 'utf8')) as Samples).arrivals;
    // ED walk-ins alone are about 100 a day: 12 hours hold dozens.
    expect(a.patients).toBeGreaterThan(20);
    expect(b.patients).toBe(a.patients);
    expect(b.classes).toEqual(a.classes);
    expect(b.replayedFrom).toBe(f('log.csv'));
    expect(fromLog.stderr).toMatch(new RegExp(`replayed from .*log\\.csv: ${a.patients} patient\\(s\\) in the 12 hours`));
  });

  it('a log without its mapping, or a mapping without a log, is refused before anything runs (exit 2)', async () => {
    const { f } = await setup;
    const noMap = await runCli([...common, '--state', f('now.json'), '--arrivals-from', f('log.csv')]);
    expect(noMap.code).toBe(2);
    expect(noMap.stderr).toContain('or an event log with --arrivals-map');
    const noLog = await runCli([...common, '--state', f('now.json'), '--arrivals-map', map]);
    expect(noLog.code).toBe(2);
    expect(noLog.stderr).toContain('--arrivals-map: give the event log it reads with --arrivals-from');
  });
});
