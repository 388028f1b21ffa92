/**
 * How a command that runs replications on a worker pool ends (sweep,
 * optimise): a spec or scenario that is wrong is bad input, its message on
 * stderr; whatever happens, the progress bar stops, Ctrl-C is let go and the
 * pool, if one was opened, is closed, so that no worker thread or queue
 * connection keeps the process alive.
 */
import { ScenarioError } from '../scenarios/index.js';
import type { ReplicationRunner } from '../workers/node.js';
import { EXIT } from './exit-codes.js';
import type { Interrupt } from './interrupt.js';

export interface PoolCommandParts {
  bar: { stop(): void };
  interrupt: Interrupt;
  /** The pool if the work opened one (it is made on first use). */
  pool: () => ReplicationRunner | undefined;
}

/** The work's outcome, or the exit code of a command refused as bad input. */
export async function runPoolCommand<T>(
  stderr: NodeJS.WritableStream,
  parts: PoolCommandParts,
  work: () => Promise<T>,
): Promise<{ outcome: T } | { exit: number }> {
  try {
    return { outcome: await work() };
  } catch (e) {
    if (e instanceof ScenarioError) {
      parts.bar.stop();
      stderr.write(`${e.message}\n`);
      return { exit: EXIT.badInput };
    }
    throw e;
  } finally {
    parts.bar.stop();
    parts.interrupt.dispose();
    await parts.pool()?.close();
  }
}
