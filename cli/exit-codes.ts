/**
 * What the command's exit code tells a script: 0 done, 1 something failed while
 * running or writing, 2 the input was refused before anything ran (a scenario,
 * a name, an option value), 130 stopped by Ctrl-C after reporting what finished.
 */
export const EXIT = { ok: 0, failed: 1, badInput: 2, interrupted: 130 } as const;

/** Input refused before anything ran: exit 2 with this message on stderr. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
