import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerSweepCommand } from './sweep-command.js';

/** Runs `sweep ...args` in this process; returns the exit code and what was written. */
async function sweep(...args: string[]): Promise<{ code: number | undefined; stdout: string; stderr: string }> {
  const out = { stdout: '', stderr: '' };
  const capture = (which: 'stdout' | 'stderr') =>
    vi.spyOn(process[which], 'write').mockImplementation((chunk: string | Uint8Array) => {
      out[which] += String(chunk);
      return true;
    });
  capture('stdout');
  capture('stderr');
  const program = registerSweepCommand(new Command().exitOverride()).parent!;
  try {
    await program.parseAsync(['sweep', ...args], { from: 'user' });
  } finally {
    vi.restoreAllMocks();
  }
  const code = process.exitCode === undefined ? undefined : Number(process.exitCode);
  process.exitCode = undefined;
  return { code, ...out };
}

describe('hospital-twin sweep', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sweep-cli-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  afterEach(() => {
    process.exitCode = undefined;
  });

  it('refuses a bad sweep file with every problem, exit code 2, and writes nothing', async () => {
    const spec = join(dir, 'bad.yaml');
    await writeFile(spec, 'name: bad\nbase: textbook-mmc\nparameters:\n  resources.cubicle.unts: [3]\n  wards.medical.beds: [4]\nreplications: 0\n');
    const out = join(dir, 'bad-out');
    const r = await sweep(spec, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${spec} is not a valid sweep (1 problem):\n  replications: must be at least 1, got 0`);
    await writeFile(spec, 'name: bad\nbase: textbook-mmc\nparameters:\n  resources.cubicle.units: [3, 0]\n  wards.medical.beds: [4]\n');
    const again = await sweep(spec, '--out', out);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('parameters["wards.medical.beds"]: the scenario has no field "wards" (it has "name", ');
    await expect(stat(out)).rejects.toThrow(/ENOENT/);
  });

  it('runs a sweep on worker threads, writes the tables and prints the ranking', async () => {
    const spec = join(dir, 'cubicles.yaml');
    await writeFile(
      spec,
      [
        'name: cubicles',
        'base: textbook-mmc',
        'parameters:',
        '  resources.cubicle.units: [4, 5]',
        '  horizonDays: [10]',
        '  warmupDays: [1]',
        'replications: 3',
        'keep: [wait.cubicle.mean]',
        'rank: { by: utilisation.cubicle, order: max, constraint: { figure: wait.cubicle.mean, atMost: 60 } }',
      ].join('\n'),
    );
    const out = join(dir, 'cubicles-out');
    const r = await sweep(spec, '--out', out, '--workers', '2');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^sweep cubicles: 2 points of 3 replications, seed 1; 2 run now, 0 already in the log/);
    expect(r.stdout).toMatch(/ranking by utilisation\.cubicle \(highest first\):\n {2}1\. +p1 /);
    const csv = await readFile(join(out, 'sweep.csv'), 'utf8');
    expect(csv.split('\n')[0]).toBe('point,resources.cubicle.units,horizonDays,warmupDays,figure,mean,ci95_low,ci95_high,n');
    const rerun = await sweep(spec, '--out', out, '--workers', '2');
    expect(rerun.stdout).toMatch(/0 run now, 2 already in the log/);
  });
});
