import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { optimiseInProcess } from '../test/optimise-in-process.js';

const optimise = optimiseInProcess;

describe('hospital-twin optimise with a theatreSchedule file', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'theatre-cli-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('prints the week grid and the figure table, and writes the chosen scenario', async () => {
    const out = join(dir, 'small');
    const r = await optimise(resolve('workers/optimise/examples/theatre-small.yaml'), '--out', out, '--workers', '1');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^The chosen schedule's objective: /);
    expect(r.stdout).toMatch(/Chosen week:\ntheatre +mon +tue +wed +thu +fri\nt1 /);
    expect(r.stdout).toContain('Peak ward beds (08:00, busiest weekday) (beds)');
    expect(existsSync(join(out, 'theatre-schedule-scenario.yaml'))).toBe(true);
  }, 300_000);

  it('refuses a bad theatre file by its paths, exit code 2, and writes nothing', async () => {
    const spec = join(dir, 'bad.yaml');
    await writeFile(spec, 'name: bad\ntheatreSchedule:\n  hospital: nowhere\nreplications: { firstStage: 9, budget: 4 }\n');
    const out = join(dir, 'bad-out');
    const r = await optimise(spec, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('theatreSchedule.hospital');
    expect(existsSync(out)).toBe(false);
  });
});
