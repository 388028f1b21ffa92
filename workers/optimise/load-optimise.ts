import { dirname, isAbsolute, resolve } from 'node:path';
import { builtinScenario, ScenarioError } from '../../scenarios/index.js';
import { loadBaseDocument, plainIssue, readDocument } from '../sweep/index.js';
import { OptimiseSpecError, OptimiseSpecSchema, type OptimiseSpec } from './optimise-spec.js';

/** Validates an optimisation document; throws OptimiseSpecError listing every problem. */
export function parseOptimiseSpec(document: unknown, source = 'optimisation'): OptimiseSpec {
  const result = OptimiseSpecSchema.safeParse(document, { reportInput: true });
  if (result.success) return result.data;
  throw new OptimiseSpecError(source, result.error.issues.flatMap(plainIssue));
}

/**
 * An optimisation from its file, validated; a `base` that is a file path is made
 * absolute against the file's folder, so it runs the same from anywhere.
 */
export async function loadOptimiseSpec(file: string): Promise<OptimiseSpec> {
  const read = await readDocument(file);
  if ('issue' in read) throw new OptimiseSpecError(file, [read.issue]);
  const spec = parseOptimiseSpec(read.document, file);
  if (typeof spec.base === 'string' && !builtinScenario(spec.base) && !isAbsolute(spec.base)) spec.base = resolve(dirname(file), spec.base);
  return spec;
}

/** The base scenario document as written, or OptimiseSpecError at `base`. */
export async function loadOptimiseBase(spec: OptimiseSpec, source: string): Promise<unknown> {
  try {
    return await loadBaseDocument(spec.base, source);
  } catch (e) {
    if (e instanceof ScenarioError) throw new OptimiseSpecError(source, e.issues);
    throw e;
  }
}
