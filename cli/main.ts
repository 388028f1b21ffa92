#!/usr/bin/env node
/**
 * The `hospital-twin` command. Turns every way of failing into its exit code:
 * input refused before anything ran is 2 (with each problem of a scenario by
 * its path), anything else that goes wrong is 1.
 */
import { CommanderError } from 'commander';
import { ScenarioError } from '../scenarios/index.js';
import { EXIT, UsageError } from './exit-codes.js';
import { buildProgram } from './program.js';

// `hospital-twin run --json | head` closes stdout early: that is not an error.
// Any other failure to write stdout (`> /dev/full`) is a plain message and exit 1, not a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
  process.stderr.write(`error: cannot write to standard output (${e.code === 'ENOSPC' ? 'no space left on the device' : (e.code ?? e.message)})\n`);
  process.exit(EXIT.failed);
});

try {
  await buildProgram().parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    // Commander has already printed the message (or the help).
    process.exitCode = e.exitCode === 0 ? EXIT.ok : EXIT.badInput;
  } else if (e instanceof ScenarioError || e instanceof UsageError) {
    process.stderr.write(`${e.message}\n`);
    process.exitCode = EXIT.badInput;
  } else {
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    if (process.env['HOSPITAL_TWIN_DEBUG'] && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
    process.exitCode = EXIT.failed;
  }
}
