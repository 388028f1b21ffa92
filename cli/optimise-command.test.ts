import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerOptimiseCommand } from './optimise-command.js';

/** Runs `optimise ...args` (or `optimize`) in this process; returns the exit code and what was written. */
async function optimise(command: string, ...args: string[]): Promise<{ code: number | undefined; stdout: string; stderr: string }> {
  const out = { stdout: '', stderr: '' };
  const capture = (which: 'stdout' | 'stderr') =>
    vi.spyOn(process[which], 'write').mockImplementation((chunk: string | Uint8Array) => {
      out[which] += String(chunk);
      return true;
    });
  capture('stdout');
  capture('stderr');
  const program = registerOptimiseCommand(new Command().exitOverride()).parent!;
  try {
    await program.parseAsync([command, ...args], { from: 'user' });
  } finally {
    vi.restoreAllMocks();
  }
  const code = process.exitCode === undefined ? undefined : Number(process.exitCode);
  process.exitCode = undefined;
  return { code, ...out };
}

describe('hospital-twin optimise', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'optimise-cli-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('refuses a bad file with every problem by its path, exit code 2, and writes nothing', async () => {
    const spec = join(dir, 'bad.yaml');
    await writeFile(
      spec,
      `name: bad\nbase: textbook-mmc\nvariables:\n  - { path: resources.cubicle.unit, range: { from: 4, to: 1 } }\nobjective: { minimise: cost.total }\nconstraints:\n  - { figure: ed.within4h, atLeast: 0.95 }\nbudget: { replications: 50 }\n`,
    );
    const out = join(dir, 'bad-out');
    const r = await optimise('optimise', spec, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not a valid optimisation (1 problem)');
    expect(r.stderr).toContain('variables[0].range.to: is empty: "to" is below "from"');
    const r2 = await optimise('optimise', spec.replace('bad', 'none'), '--out', out);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('no such file');
    expect(existsSync(out)).toBe(false);
  });

  it('`optimize` answers in a sentence and writes the best scenario, the table, the plot and the log', async () => {
    const out = join(dir, 'beds');
    const r = await optimise('optimize', resolve('workers/optimise/examples/bed-loss.yaml'), '--out', out, '--workers', '1');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^optimise bed-loss: minimise cost\.beds subject to turnedAway\.admission - 0\.045·arrivals\.admission <= 0 \(95% confidence\)/);
    expect(r.stdout).toContain('\nBest: beds = 15. cost.beds 3,000');
    expect(r.stdout).toContain('shown met');
    for (const f of ['best-scenario.yaml', 'optimise.csv', 'optimise.svg', 'optimise.json', 'optimise.jsonl']) expect(existsSync(join(out, f))).toBe(true);
  }, 60_000);
});
