import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
// The command lives in cli/ (registered by cli/program.ts); calibration's own tests check it end to end.
import { registerCalibrateCommand } from '../cli/calibrate-command.js';

async function run(args: string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  const program = new Command().exitOverride();
  registerCalibrateCommand(program);
  let stderr = '';
  let stdout = '';
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
  try {
    await program.parseAsync(['calibrate', ...args], { from: 'user' });
  } finally {
    err.mockRestore();
    out.mockRestore();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { code, stderr, stdout };
}

afterEach(() => {
  process.exitCode = 0;
});

const MAP = 'calibration/maps/export-log.yaml';
const LOG = [
  'case,activity,start,end,resource,class',
  ...Array.from({ length: 40 }, (_, i) => {
    const t = (m: number): string => new Date(Date.UTC(2026, 0, 5 + Math.floor(i / 8), 8 + (i % 8), m)).toISOString().slice(0, 19);
    return [`p${i},arrive,${t(0)},${t(0)},,ed`, `p${i},triage,${t(0)},${t(7 + (i % 5))},nurse,ed`, `p${i},leave,${t(7 + (i % 5))},${t(7 + (i % 5))},,ed`].join(
      '\n',
    );
  }),
].join('\n');

describe('calibrate LOG --map MAP --out SCENARIO', () => {
  it('--holdout 0.3 fits on the rest, validates on both, prints both tables and reports both', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'calibrate-holdout-'));
    writeFileSync(join(dir, 'log.csv'), LOG);
    const r = await run([join(dir, 'log.csv'), '--map', MAP, '--out', join(dir, 'out.yaml'), '--replications', '2', '--holdout', '0.3']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/In sample: the \d+ cases the scenario was fitted on/);
    expect(r.stdout).toMatch(/Out of sample: the \d+ cases held out \(30% of the cases\)/);
    expect(r.stdout.match(/\| figure \| log \(95% CI\) \|/g)).toHaveLength(2);
    expect(readFileSync(join(dir, 'out.report.html'), 'utf8')).toContain('Out of sample: the cases the fit never saw');
    // A share that is not one is refused before anything runs.
    await expect(run([join(dir, 'log.csv'), '--map', MAP, '--out', join(dir, 'x.yaml'), '--holdout', '1.5'])).rejects.toThrow(
      /must be a share between 0 and 1/,
    );
  });

  it('writes the scenario and the report, and prints the validation table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'calibrate-cli-'));
    writeFileSync(join(dir, 'log.csv'), LOG);
    const r = await run([join(dir, 'log.csv'), '--map', MAP, '--out', join(dir, 'out.yaml'), '--replications', '2']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Read 120 of 120 rows/);
    expect(r.stdout).toContain('| figure | log (95% CI) |');
    expect(readdirSync(dir).sort()).toEqual(['log.csv', 'out.report.html', 'out.yaml']);
  });

  it.each([
    [['missing.csv', '--map', MAP, '--out', 'x.yaml'], 'no such log file'],
    [['LOG', '--map', 'no-map.yaml', '--out', 'x.yaml'], 'no such mapping file'],
    [['LOG', '--map', MAP, '--out', 'x.txt'], 'must be a .yaml, .yml or .json file'],
    [['LOG', '--map', MAP, '--out', '/no/such/folder/x.yaml'], 'does not exist'],
  ])('%j exits 2 saying what is wrong, and writes nothing', async (args, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'calibrate-cli-'));
    writeFileSync(join(dir, 'log.csv'), LOG);
    const a = args.map((x) => (x === 'LOG' ? join(dir, 'log.csv') : x === 'x.yaml' || x === 'x.txt' ? join(dir, x) : x));
    const r = await run(a);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(readdirSync(dir)).toEqual(['log.csv']);
  });

  it('a log that cannot be read is refused with exit 2 and an earlier scenario is kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'calibrate-cli-'));
    writeFileSync(join(dir, 'log.csv'), LOG.replace(/2026-01-0(\d)T/g, '0$1/01/2026 '));
    writeFileSync(join(dir, 'out.yaml'), 'earlier\n');
    const r = await run([join(dir, 'log.csv'), '--map', MAP, '--out', join(dir, 'out.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/none of its 120 rows could be read: refusing/);
    expect(r.stderr).toMatch(/check time.format in the mapping/);
    expect(r.stderr).toMatch(/line 2: time "05\/01\/2026 08:00:00" cannot be read as iso/);
    expect(readFileSync(join(dir, 'out.yaml'), 'utf8')).toBe('earlier\n');
  });
});
