import { readFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { parseState, StateError, type HospitalState } from '../scenarios/index.js';

/**
 * A hospital state from a .json/.yaml file; its `patientsCsv`, if any, is read
 * from beside it. Every problem is reported by file and path (exit 2).
 */
export async function loadStateFile(path: string): Promise<HospitalState> {
  const ext = extname(path).toLowerCase();
  if (ext !== '.json' && ext !== '.yaml' && ext !== '.yml') throw new StateError(path, [{ path: '', message: `must be a .json, .yaml or .yml file, got "${ext || 'no extension'}"` }]);
  const text = await readText(path);
  let document: unknown;
  try {
    if (ext === '.json') document = JSON.parse(text);
    else {
      const doc = parseDocument(text, { schema: 'core', logLevel: 'silent' });
      if (doc.errors[0]) throw doc.errors[0];
      document = doc.toJS({ maxAliasCount: 100 });
    }
  } catch (e) {
    throw new StateError(path, [{ path: '', message: `cannot be read as ${ext === '.json' ? 'JSON' : 'YAML'}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` }]);
  }
  const csvName = document && typeof document === 'object' ? (document as Record<string, unknown>)['patientsCsv'] : undefined;
  if (typeof csvName === 'string' && csvName !== '') {
    const csvPath = resolve(dirname(path), csvName);
    return parseState(document, path, { text: await readText(csvPath), file: csvName });
  }
  return parseState(document, path);
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new StateError(path, [{ path: '', message: code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(e)})` }]);
  }
}
