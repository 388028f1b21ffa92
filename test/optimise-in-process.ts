/**
 * `optimise ...args` run in the test's own process (the command registered on a
 * fresh program), with what it writes captured: the exit code, stdout, stderr.
 */
import { Command } from 'commander';
import { vi } from 'vitest';
import { registerOptimiseCommand } from '../cli/optimise-command.js';

export async function optimiseInProcess(...args: string[]): Promise<{ code: number | undefined; stdout: string; stderr: string }> {
  const out = { stdout: '', stderr: '' };
  for (const which of ['stdout', 'stderr'] as const)
    vi.spyOn(process[which], 'write').mockImplementation((chunk: string | Uint8Array) => {
      out[which] += String(chunk);
      return true;
    });
  const program = registerOptimiseCommand(new Command().exitOverride()).parent!;
  try {
    await program.parseAsync(['optimise', ...args], { from: 'user' });
  } finally {
    vi.restoreAllMocks();
  }
  const code = process.exitCode === undefined ? undefined : Number(process.exitCode);
  process.exitCode = undefined;
  return { code, ...out };
}
