import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { smallHospital } from '../scenarios/fixtures/small-hospital.js';
import { loadScenarioFile } from './load-scenario-file.js';

describe('scenario files', () => {
  it('loads files by extension and reports a missing file plainly', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ht-load-'));
    const path = join(dir, 'small.json');
    await writeFile(path, JSON.stringify(smallHospital));
    expect((await loadScenarioFile(path)).name).toBe(smallHospital.name);
    await expect(loadScenarioFile(join(dir, 'missing.yaml'))).rejects.toThrow(/missing.yaml.*no such file/s);
    await expect(loadScenarioFile(join(dir, 'scenario.txt'))).rejects.toThrow(/must be a .json, .yaml or .yml file/);
  });
});
