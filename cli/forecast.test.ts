import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSimpleCsv, runCli, tempDir } from '../test/run-cli.js';

const EXAMPLE = 'examples/state/general-hospital-2026-02-19.json';

describe('hospital-twin forecast and export-state', () => {
  it('forecast from the worked example: JSON with every ward by hour and the booked cases; CSV files', async () => {
    const dir = await tempDir();
    const r = await runCli([
      'forecast',
      'general-hospital',
      '--state',
      EXAMPLE,
      '--hours',
      '6',
      '--replications',
      '6',
      '--workers',
      '1',
      '--json',
      '--csv',
      dir,
    ]);
    expect(r.stderr).toContain('Wrote');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { forecast: { asOf: string; wards: { ward: string; byHour: { p50: number }[] }[]; booked: { booking: string }[] } };
    expect(out.forecast.asOf).toBe('2026-02-19T07:00');
    expect(out.forecast.wards.map((w) => [w.ward, w.byHour.length])).toEqual([
      ['medicalWard', 7],
      ['surgicalWard', 7],
      ['stepDown', 7],
      ['icu', 7],
    ]);
    // Hour 0 is the state itself: 122 medical beds taken, in every replication.
    expect(out.forecast.wards[0]!.byHour[0]!.p50).toBe(122);
    // Friday's list falls after these 6 hours: only Thursday's is reported.
    expect(out.forecast.booked.map((b) => b.booking)).toEqual(['OR2-THU-1', 'OR2-THU-2', 'OR2-THU-3', 'OR2-THU-4']);
    expect((await readdir(dir)).sort()).toEqual(['booked.csv', 'census.csv', 'ed.csv', 'overtime.csv']);
    const census = parseSimpleCsv(await readFile(join(dir, 'census.csv'), 'utf8'));
    expect(census[0]).toEqual(['ward', 'hour', 'time', 'beds', 'census_mean', 'census_p10', 'census_p50', 'census_p90', 'chance_full']);
    expect(census).toHaveLength(1 + 4 * 7);
  });

  it('a state with a mistake is refused by its path before anything runs (exit 2), nothing written', async () => {
    const dir = await tempDir();
    const state = join(dir, 'now.json');
    await writeFile(
      state,
      JSON.stringify({
        asOf: '2026-02-19T07:00',
        patients: [{ class: 'edWalkIn', step: 'triage', ward: 'roof', since: '2026-02-19T06:00', arrived: '2026-02-19T05:00' }],
      }),
    );
    const r = await runCli(['forecast', 'general-hospital', '--state', state, '--csv', join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/patients\[0\]\.ward: unknown ward "roof"/);
    expect(await readdir(dir)).toEqual(['now.json']);
  });

  it('export-state writes a state that forecast reads back', async () => {
    const dir = await tempDir();
    const file = join(dir, 'now.json');
    const r = await runCli(['export-state', 'general-hospital', '--at', '30.25', '-o', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/State of general-hospital at 2026-02-04T06:00 \(replication 1\): \d+ patients/);
    // Said before the run, which takes seconds, not only after it.
    expect(r.stderr).toMatch(/^Running replication 1 of general-hospital to 2026-02-04T06:00 \(day 30\.25 of \d+\)\.\.\.\n/);
    const f = await runCli(['forecast', 'general-hospital', '--state', file, '--hours', '0', '--replications', '2', '--workers', '1', '--json']);
    expect(f.code).toBe(0);
    const state = JSON.parse(await readFile(file, 'utf8')) as { patients: { ward?: string }[] };
    const out = JSON.parse(f.stdout) as { forecast: { wards: { ward: string; byHour: { p50: number }[] }[] } };
    for (const w of out.forecast.wards) expect(w.byHour[0]!.p50).toBe(state.patients.filter((p) => p.ward === w.ward).length);
  });
});
