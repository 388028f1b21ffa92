import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseDocument } from 'yaml';
import type { ScenarioIssue } from '../../scenarios/index.js';

/**
 * The data in a .json, .yaml or .yml file, not yet validated, or the problem
 * reading it. YAML is read with the core schema: a tag asking for anything but
 * plain data (`!!js/function`) is an error, never code.
 */
export async function readDocument(path: string): Promise<{ document: unknown } | { issue: ScenarioIssue }> {
  const ext = extname(path).toLowerCase();
  if (ext !== '.json' && ext !== '.yaml' && ext !== '.yml') return { issue: { path: '', message: `must be a .json, .yaml or .yml file, got "${ext || 'no extension'}"` } };
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { issue: { path: '', message: code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(e)})` } };
  }
  if (ext === '.json') {
    try {
      return { document: JSON.parse(text) as unknown };
    } catch (e) {
      return { issue: { path: '', message: `cannot be read as JSON: ${e instanceof Error ? e.message : String(e)}` } };
    }
  }
  const doc = parseDocument(text, { schema: 'core', logLevel: 'silent' });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    const where = problem.linePos ? ` at line ${problem.linePos[0].line}, column ${problem.linePos[0].col}` : '';
    return { issue: { path: '', message: `cannot be read as YAML${where}: ${problem.message.split('\n')[0]}` } };
  }
  return { document: doc.toJS({ maxAliasCount: 100 }) as unknown };
}
