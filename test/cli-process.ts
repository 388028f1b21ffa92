/**
 * The built CLI as a long-running child process (a queue worker, a run that
 * waits on one), its output kept as it comes, for tests that wait on a line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { CLI } from './run-cli.js';

export interface CliProcess {
  child: ChildProcess;
  /** Standard output and error together, as printed. */
  out: () => string;
  /** Standard output alone. */
  stdout: () => string;
  /** Resolves with the first line matching, waiting for it if need be; rejects if the process exits first. */
  line(pattern: RegExp): Promise<string>;
  exited: Promise<number | null>;
}

export function startCli(args: string[]): CliProcess {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  let stdout = '';
  const listeners = new Set<() => void>();
  const take = (d: Buffer): void => {
    text += d.toString();
    for (const l of listeners) l();
  };
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stdout!.on('data', take);
  child.stderr!.on('data', take);
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return {
    child,
    out: () => text,
    stdout: () => stdout,
    exited,
    line: (pattern) =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          const hit = text.split('\n').find((l) => pattern.test(l));
          if (hit !== undefined) {
            listeners.delete(check);
            resolve(hit);
          }
        };
        listeners.add(check);
        void exited.then(() => {
          if (listeners.has(check)) reject(new Error(`exited without printing ${pattern}:\n${text}`));
        });
        check();
      }),
  };
}
