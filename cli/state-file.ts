import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import {
  bundleItems,
  ndjsonItems,
  parseFhirMapping,
  parseState,
  stateFromFhir,
  StateError,
  type FhirItem,
  type FhirMapping,
  type HospitalState,
} from '../scenarios/index.js';

export interface StateSourceOptions {
  /** For FHIR input: the mapping file (.json/.yaml) from locations and codes to the scenario's names. */
  fhirMap?: string;
  /** For FHIR input without a Bundle timestamp (NDJSON): the moment, "YYYY-MM-DDTHH:MM". */
  asOf?: string;
}

/**
 * A hospital state from a file: our format (.json/.yaml, its `patientsCsv`
 * read from beside it), or with --fhir-map a FHIR R4 Bundle (.json), a bulk
 * $export's .ndjson file, or a folder of them. Every problem is reported by
 * file and path (exit 2).
 */
export async function loadStateFile(path: string, o: StateSourceOptions = {}): Promise<HospitalState> {
  const folder = await stat(path)
    .then((s) => s.isDirectory())
    .catch(() => false);
  const ext = extname(path).toLowerCase();
  if (folder || ext === '.ndjson') {
    if (!o.fhirMap) throw new StateError(path, [{ path: '', message: 'FHIR NDJSON needs --fhir-map (and --as-of)' }]);
    const files = folder
      ? (await readdir(path))
          .filter((f) => f.endsWith('.ndjson'))
          .sort()
          .map((f) => join(path, f))
      : [path];
    if (files.length === 0) throw new StateError(path, [{ path: '', message: 'has no .ndjson files' }]);
    const items: FhirItem[] = [];
    for (const f of files) items.push(...ndjsonItems(await readText(f), basename(f)));
    return stateFromFhir(items, await loadMapping(o.fhirMap), o.asOf, path);
  }
  const document = await readDocument(path);
  if (document && typeof document === 'object' && (document as Record<string, unknown>)['resourceType'] === 'Bundle') {
    if (!o.fhirMap)
      throw new StateError(path, [{ path: 'resourceType', message: "a FHIR Bundle needs --fhir-map, the mapping to the scenario's wards and classes" }]);
    const { items, timestamp } = bundleItems(document, path);
    return stateFromFhir(items, await loadMapping(o.fhirMap), o.asOf ?? timestamp, path);
  }
  const csvName = document && typeof document === 'object' ? (document as Record<string, unknown>)['patientsCsv'] : undefined;
  if (typeof csvName === 'string' && csvName !== '') {
    const csvPath = resolve(dirname(path), csvName);
    return parseState(document, path, { text: await readText(csvPath), file: csvName });
  }
  return parseState(document, path);
}

async function loadMapping(path: string): Promise<FhirMapping> {
  return parseFhirMapping(await readDocument(path), path);
}

async function readDocument(path: string): Promise<unknown> {
  const ext = extname(path).toLowerCase();
  if (ext !== '.json' && ext !== '.yaml' && ext !== '.yml')
    throw new StateError(path, [{ path: '', message: `must be a .json, .yaml or .yml file, got "${ext || 'no extension'}"` }]);
  const text = await readText(path);
  try {
    if (ext === '.json') return JSON.parse(text);
    const doc = parseDocument(text, { schema: 'core', logLevel: 'silent' });
    if (doc.errors[0]) throw doc.errors[0];
    return doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw new StateError(path, [
      { path: '', message: `cannot be read as ${ext === '.json' ? 'JSON' : 'YAML'}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` },
    ]);
  }
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new StateError(path, [{ path: '', message: code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(e)})` }]);
  }
}
