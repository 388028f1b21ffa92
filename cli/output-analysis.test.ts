import { describe, expect, it } from 'vitest';
import { runCli } from '../test/run-cli.js';

describe('run: warm-up by MSER-5 and replications to a precision', () => {
  it('--warmup auto finds a warm-up for beds that start empty, and reports it', async () => {
    const r = await runCli(['run', 'textbook-bed-loss', '--warmup', 'auto', '-r', '2', '--json']);
    expect(r.code).toBe(0);
    const days = Number(/Warm-up by MSER-5: (\d+) day/.exec(r.stderr)?.[1]);
    // 40 beds filling at 8 a day with 4-day stays: the mean settles within a few mean stays, not at once.
    expect(days).toBeGreaterThan(0);
    expect(days).toBeLessThan(60);
    expect(JSON.parse(r.stdout).replications).toBe(2);
  });

  it('--precision adds replications until the half-width is within the fraction, and stops at the cap otherwise', async () => {
    const met = await runCli(['run', 'textbook-mmc', '--precision', 'utilisation.cubicle:0.005', '--max-replications', '200', '--json', '-w', '2']);
    expect(met.code).toBe(0);
    expect(met.stderr).toMatch(/Precision reached after \d+ replications/);
    const u = JSON.parse(met.stdout).figures['utilisation.cubicle'];
    expect((u.ci95[1] - u.ci95[0]) / 2).toBeLessThanOrEqual(0.005 * u.mean * (1 + 1e-9));

    const capped = await runCli(['run', 'textbook-mmc', '--precision', 'wait.cubicle.mean:0.001', '--max-replications', '6', '--json', '-w', '2']);
    expect(capped.code).toBe(0);
    expect(capped.stderr).toMatch(/Precision NOT reached: stopped after 6 replications/);
    expect(JSON.parse(capped.stdout).replications).toBe(6);
  });

  it('refuses malformed values before running', async () => {
    for (const args of [
      ['--warmup', 'soon'],
      ['--warmup', '-1'],
      ['--precision', 'wait'],
      ['--precision', 'wait:2'],
    ]) {
      const r = await runCli(['run', 'textbook-mmc', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
    }
  });
});
