import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../test/run-cli.js';

/** Three problems the schema finds at once, each at its own path. */
const BROKEN_YAML = `
name: broken
start: "5 January 2026"
horizonDays: 30
wards: [{ id: ward, type: general, beds: -4, costPerBedDay: 300 }]
patientClasses:
  - { id: admission, department: medicine, arrivals: { type: weekly, perDay: 8 }, pathway: admit }
pathways:
  admit:
    - { seize: [ward] }
    - { hold: { type: exponential, mean: 60 } }
`;

describe('bad input is refused with exit code 2 before anything runs, and nothing is written', () => {
  it('a broken scenario file: every problem listed by its path on stderr; no CSV folder, no trace, no report', async () => {
    const dir = await tempDir();
    const file = join(dir, 'broken.yaml');
    await writeFile(file, BROKEN_YAML);
    const r = await runCli(['run', file, '--csv', join(dir, 'out'), '--trace', join(dir, 'trace.json')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('broken.yaml is not a valid scenario');
    for (const path of ['start:', 'wards[0].beds:', 'pathways.admit[1]']) expect(r.stderr).toContain(path);
    expect((await readdir(dir)).sort()).toEqual(['broken.yaml']);
  });

  it('keeps an earlier result: a refused run leaves existing output files as they were', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'figures.csv'), 'earlier result\n');
    const r = await runCli(['run', 'textbook-mmc', '--replications', '0', '--csv', dir]);
    expect(r.code).toBe(2);
    expect(await readFile(join(dir, 'figures.csv'), 'utf8')).toBe('earlier result\n');
    expect(await readdir(dir)).toEqual(['figures.csv']);
  });

  it.each([
    [['run', 'no-such-hospital'], 'no built-in scenario has that name'],
    [['run', 'flu-seasn'], 'no built-in scenario has that name; did you mean "flu-season"?'],
    [['run', 'missing.json'], 'no such file'],
    [['run', 'textbook-mmc', '--replications', '0'], '--replications'],
    [['run', 'textbook-mmc', '--replications', 'abc'], '--replications'],
    [['run', 'textbook-mmc', '--replications', '2.5'], '--replications'],
    [['run', 'textbook-mmc', '--seed', '1.5'], '--seed'],
    [['run', 'textbook-mmc', '--no-such-option'], 'unknown option'],
    [['run', 'textbook-mmc', '--trace', '/no/such/folder/trace.json'], 'does not exist'],
    [['compare', 'textbook-mmc'], 'missing required argument'],
    [['compare', 'textbook-mmc', 'no-such-hospital'], 'no built-in scenario has that name'],
    [['export-log', 'textbook-mmc', '--replications', '-1'], '--replications'],
  ])('%j exits 2 saying what is wrong', async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
  });
});
