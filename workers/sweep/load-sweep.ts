import { dirname, extname, isAbsolute, resolve } from 'node:path';
import { BUILTIN_SCENARIOS, builtinScenario } from '../../scenarios/index.js';
import { readDocument } from './read-document.js';
import { parseSweepSpec, SweepSpecError, type SweepSpec } from './sweep-spec.js';

/**
 * A sweep from its file, validated. A `base` that is a file path is made
 * absolute against the sweep file's folder, so the sweep runs the same from anywhere.
 * @throws SweepSpecError with every problem found.
 */
export async function loadSweepSpec(file: string): Promise<SweepSpec> {
  const read = await readDocument(file);
  if ('issue' in read) throw new SweepSpecError(file, [read.issue]);
  const spec = parseSweepSpec(read.document, file);
  if (typeof spec.base === 'string' && !builtinScenario(spec.base) && !isAbsolute(spec.base)) spec.base = resolve(dirname(file), spec.base);
  return spec;
}

/**
 * The base scenario document as written (before validation and defaults), from a
 * built-in's name, a .json/.yaml/.yml file, or the document itself.
 * @throws SweepSpecError at `base` when it is none of these or cannot be read.
 */
export async function loadBaseDocument(base: SweepSpec['base'], source: string): Promise<unknown> {
  if (typeof base !== 'string') return base;
  const builtin = builtinScenario(base);
  if (builtin) return structuredClone(builtin.document);
  if (!['.json', '.yaml', '.yml'].includes(extname(base).toLowerCase())) {
    const names = BUILTIN_SCENARIOS.map((s) => s.name).join(', ');
    throw new SweepSpecError(source, [{ path: 'base', message: `is neither a built-in scenario (${names}) nor a .json, .yaml or .yml file, got "${base}"` }]);
  }
  const read = await readDocument(base);
  if ('issue' in read) throw new SweepSpecError(source, [{ path: 'base', message: `${base}: ${read.issue.message}` }]);
  return read.document;
}
