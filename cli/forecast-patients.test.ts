import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseSimpleCsv, runCli, tempDir } from '../test/run-cli.js';

describe('forecast --patients', () => {
  const args = [
    'forecast',
    'general-hospital',
    '--state',
    'examples/state/general-hospital-monday.json',
    '--hours',
    '6',
    '--replications',
    '3',
    '--workers',
    '1',
  ];

  it('gives each patient of the Monday example its remaining stay and cost with 80% intervals never below 0, in JSON and in patients.csv', async () => {
    const dir = await tempDir();
    const r = await runCli([...args, '--patients', '--json', '--csv', join(dir, 'out')]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { patients: { patient: string; remainingHours: Record<string, number>; remainingCost: Record<string, number> }[] };
    expect(out.patients).toHaveLength(195);
    expect(out.patients[0]!.patient).toBe('P2232');
    for (const p of out.patients) for (const b of [p.remainingHours, p.remainingCost]) expect(b.p10).toBeGreaterThanOrEqual(0);
    const [header, ...rows] = parseSimpleCsv(await readFile(join(dir, 'out', 'patients.csv'), 'utf8'));
    expect(rows).toHaveLength(195);
    expect(rows[0]!.slice(0, 3)).toEqual(['P2232', 'edAmbulance', 'medicalWard']);
    expect(Number(rows[0]![header!.indexOf('remaining_hours_mean')])).toBeCloseTo(out.patients[0]!.remainingHours['mean']!, 6);
  });

  it('prints in plain words who is likely to leave today and every patient with its intervals; without the flag, no patients', async () => {
    const r = await runCli([...args, '--patients']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Each of the 195 patients in the hospital \(3 replications\): about \d+ are expected to leave today and \d+ tomorrow/);
    expect(r.stdout).toMatch(/Likely to leave today or tomorrow/);
    expect(r.stdout).toMatch(/remaining stay +80% interval +remaining cost/);
    expect(r.stdout).toMatch(/P2232 +edAmbulance +medicalWard/);
    const plain = await runCli([...args, '--json']);
    expect(JSON.parse(plain.stdout)).not.toHaveProperty('patients');
  });
});
