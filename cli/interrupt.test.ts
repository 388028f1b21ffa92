import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI } from '../test/run-cli.js';

describe('Ctrl-C during a run', () => {
  it('stops between replications, reports the ones that finished and exits 130', async () => {
    // 100,000 replications would take over an hour: the run is certainly under way when interrupted.
    const child = spawn(process.execPath, [CLI, 'run', 'textbook-mmc', '--replications', '100000', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    await new Promise((resolve) => setTimeout(resolve, 4000));
    child.kill('SIGINT');
    const code = await closed;
    expect(code).toBe(130);
    expect(stderr).toContain('Stopping after the replications under way');
    const out = JSON.parse(stdout) as { replications: number; figures: Record<string, { n: number }> };
    expect(out.replications).toBeGreaterThan(0);
    expect(out.replications).toBeLessThan(100000);
    expect(out.figures['wait.cubicle.mean']!.n).toBe(out.replications);
  });
});
