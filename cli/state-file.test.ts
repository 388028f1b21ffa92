import { execFileSync } from 'node:child_process';
import { mkdir, readFile, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StateError } from '../scenarios/index.js';
import { runCli, tempDir } from '../test/run-cli.js';
import { loadStateFile } from './state-file.js';

const state = (csv: string): string => JSON.stringify({ asOf: '2026-03-02T07:00', patientsCsv: csv });
const CSV = 'class,step,since,arrived\nedWalkIn,triage,2026-03-02T06:00,2026-03-02T05:00\n';

async function refusal(path: string, o: Parameters<typeof loadStateFile>[1] = {}): Promise<string> {
  try {
    await loadStateFile(path, o);
  } catch (e) {
    if (e instanceof StateError) return e.message;
    throw e;
  }
  return 'accepted';
}

describe('a state file from someone else reads no file but its own patients CSV', () => {
  it('a patientsCsv up and out ("../SECRET.txt") is refused without opening it, and the secret never shown', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'SECRET.txt'), 'secret-marker\n');
    await mkdir(join(dir, 'states'));
    await writeFile(join(dir, 'states', 'now.json'), state('../SECRET.txt'));
    const message = await refusal(join(dir, 'states', 'now.json'));
    expect(message).toMatch(/patientsCsv: must name a file beside the state file/);
    expect(message).not.toContain('secret-marker');
    await writeFile(join(dir, 'states', 'abs.json'), state(join(dir, 'SECRET.txt')));
    expect(await refusal(join(dir, 'states', 'abs.json'))).toMatch(/patientsCsv: must name a file beside/);
  });

  it('a link beside the state that leads outside its folder is refused', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'SECRET.txt'), 'secret-marker\n');
    await mkdir(join(dir, 'states'));
    await symlink(join(dir, 'SECRET.txt'), join(dir, 'states', 'patients.csv'));
    await writeFile(join(dir, 'states', 'now.json'), state('patients.csv'));
    const message = await refusal(join(dir, 'states', 'now.json'));
    expect(message).toMatch(/patientsCsv: names a link to a file outside the state file's folder/);
    expect(message).not.toContain('secret-marker');
  });

  it('a CSV beside the state, or in a folder under it, is read', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'rows'));
    await writeFile(join(dir, 'rows', 'patients.csv'), CSV);
    await writeFile(join(dir, 'now.json'), state('rows/patients.csv'));
    expect((await loadStateFile(join(dir, 'now.json'))).patients).toHaveLength(1);
  });

  it('a FIFO is refused at once (it blocked for ever), a file over the limit before it is read', async () => {
    const dir = await tempDir();
    execFileSync('mkfifo', [join(dir, 'patients.csv')]);
    await writeFile(join(dir, 'now.json'), state('patients.csv'));
    expect(await refusal(join(dir, 'now.json'))).toMatch(/patients\.csv is not a valid hospital state[^]*is not a regular file/);
    const big = await tempDir();
    await writeFile(join(big, 'patients.csv'), '');
    await truncate(join(big, 'patients.csv'), 600 * 1024 * 1024);
    await writeFile(join(big, 'now.json'), state('patients.csv'));
    // The size is taken from the file's own record before a byte is read: the refusal names it
    // (a timed bound here would depend on the machine's speed).
    expect(await refusal(join(big, 'now.json'))).toMatch(/is 600 MB, more than the 20 MB a state, FHIR or mapping file may be/);
    await truncate(join(big, 'now.json'), 21 * 1024 * 1024);
    expect(await refusal(join(big, 'now.json'))).toMatch(/now\.json is not a valid hospital state[^]*is 21 MB, more than the 20 MB/);
  });

  it('a UTF-8 byte-order mark is skipped in a state JSON, as in a scenario JSON', async () => {
    const dir = await tempDir();
    const example = await readFile('examples/state/general-hospital-monday.json', 'utf8');
    await writeFile(join(dir, 'now.json'), `\ufeff${example}`);
    expect((await loadStateFile(join(dir, 'now.json'))).asOf).toBe(JSON.parse(example).asOf);
  });

  it('--as-of with a state in our own format is refused, not ignored', async () => {
    expect(await refusal('examples/state/general-hospital-monday.json', { asOf: '2026-03-02T07:00' })).toMatch(/--as-of is for FHIR input only/);
  });

  it('forecast --as-of garbage is refused (exit 2), naming the option', async () => {
    const r = await runCli(['forecast', 'general-hospital', '--state', 'examples/state/general-hospital-monday.json', '--as-of', 'garbage', '--hours', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--as-of <time>' argument 'garbage' is invalid|--as-of.*must be a date and time that exists/);
  });
});
