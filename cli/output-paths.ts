import { builtinScenario } from '../scenarios/index.js';
import { outputProblems, type NamedFile, type NamedFolder } from '../io/index.js';
import { UsageError } from './exit-codes.js';

/**
 * Checks, before anything runs, that every output can be put where asked: its
 * folder exists (or can be made) and takes files, it is not a folder, a device,
 * a FIFO or a symbolic link, and it is not the same file as an input or another
 * output. Throws UsageError (exit 2) listing every problem. (Whether the disk
 * has room is only known when writing.)
 */
export async function checkOutputs(o: { inputs?: readonly NamedFile[]; files?: readonly NamedFile[]; folders?: readonly NamedFolder[] }): Promise<void> {
  const problems = await outputProblems(o.inputs ?? [], o.files ?? [], o.folders ?? []);
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
}

/** The scenario file a command reads, if the argument names a file rather than a built-in. */
export function scenarioInputs(...args: (string | undefined)[]): NamedFile[] {
  return args.filter((a): a is string => a !== undefined && !builtinScenario(a)).map((path) => ({ path, what: 'the scenario' }));
}
