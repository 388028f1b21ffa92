import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { INPUT_LIMITS, readDataText, sizeInWords, type ScenarioIssue } from '../../scenarios/index.js';

/**
 * The data in a .json, .yaml or .yml file, not yet validated, or the problem
 * reading it. YAML is read with the core schema: a tag asking for anything but
 * plain data (`!!js/function`) is an error, never code.
 */
export async function readDocument(path: string): Promise<{ document: unknown } | { issue: ScenarioIssue }> {
  const ext = extname(path).toLowerCase();
  if (ext !== '.json' && ext !== '.yaml' && ext !== '.yml')
    return { issue: { path: '', message: `must be a .json, .yaml or .yml file, got "${ext || 'no extension'}"` } };
  let text: string;
  try {
    const size = (await stat(path)).size;
    if (size > INPUT_LIMITS.documentBytes)
      return {
        issue: { path: '', message: `is ${sizeInWords(size)}, more than the ${sizeInWords(INPUT_LIMITS.documentBytes)} a sweep or scenario file may be` },
      };
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { issue: { path: '', message: code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(e)})` } };
  }
  const read = readDataText(text, ext === '.json' ? 'json' : 'yaml');
  return 'problem' in read ? { issue: { path: '', message: read.problem } } : read;
}
