import { open, readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve, isAbsolute, sep } from 'node:path';
import {
  bundleItems,
  readDataText,
  sizeInWords,
  STATE_LIMITS,
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
  // Our own format names its moment; an --as-of would be ignored, so it is refused rather than taken as heard.
  if (o.asOf !== undefined)
    throw new StateError(path, [{ path: '', message: `--as-of is for FHIR input only (with --fhir-map): this state gives its own asOf` }]);
  const csvName = document && typeof document === 'object' ? (document as Record<string, unknown>)['patientsCsv'] : undefined;
  if (typeof csvName === 'string' && csvName !== '' && (document as Record<string, unknown>)['patients'] === undefined)
    return parseState(document, path, { text: await readText(await besideState(path, csvName), csvName), file: csvName });
  return parseState(document, path);
}

/**
 * The path of a state's patients CSV, which must sit beside the state file or
 * in a folder under it (after following links): a state file may come from
 * someone else, and must not make us read, or show a line of, any other file.
 */
async function besideState(statePath: string, csvName: string): Promise<string> {
  const refuse = (message: string): never => {
    throw new StateError(statePath, [{ path: 'patientsCsv', message }]);
  };
  if (isAbsolute(csvName) || csvName.split(/[\\/]/).includes('..'))
    refuse('must name a file beside the state file or in a folder under it (no absolute path, no "..")');
  const folder = await realpath(dirname(resolve(statePath)));
  const csvPath = resolve(folder, csvName);
  const real = await realpath(csvPath).catch((e: NodeJS.ErrnoException) =>
    refuse(e.code === 'ENOENT' ? `names a file that does not exist: ${csvName}` : `names a file that cannot be read (${e.code ?? String(e)})`),
  );
  const inside = relative(folder, real);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside))
    refuse("names a link to a file outside the state file's folder: give the CSV itself, beside the state file");
  return real;
}

async function loadMapping(path: string): Promise<FhirMapping> {
  return parseFhirMapping(await readDocument(path), path);
}

async function readDocument(path: string): Promise<unknown> {
  const ext = extname(path).toLowerCase();
  if (ext !== '.json' && ext !== '.yaml' && ext !== '.yml')
    throw new StateError(path, [{ path: '', message: `must be a .json, .yaml or .yml file, got "${ext || 'no extension'}"` }]);
  // The rules of every document we read: a byte-order mark skipped, one YAML document, no key twice, nesting bounded.
  const read = readDataText(await readText(path), ext === '.json' ? 'json' : 'yaml');
  if ('problem' in read) throw new StateError(path, [{ path: '', message: read.problem }]);
  return read.document;
}

/**
 * A file's text, refused before reading unless it is a regular file (a FIFO
 * would block for ever, a device never end) of at most the state limit,
 * counted as it is read too (a file that grows while read).
 */
async function readText(path: string, shown = path): Promise<string> {
  const refuse = (message: string): never => {
    throw new StateError(shown, [{ path: '', message }]);
  };
  const limit = STATE_LIMITS.fileBytes;
  const info = await stat(path).catch((e: NodeJS.ErrnoException) => refuse(e.code === 'ENOENT' ? 'no such file' : `cannot be read (${e.code ?? String(e)})`));
  if (!info.isFile()) refuse('is not a regular file (a device, FIFO or folder cannot be read as data)');
  if (info.size > limit) refuse(`is ${sizeInWords(info.size)}, more than the ${sizeInWords(limit)} a state, FHIR or mapping file may be`);
  const handle = await open(path, 'r').catch((e: NodeJS.ErrnoException) => refuse(`cannot be read (${e.code ?? String(e)})`));
  try {
    const buffer = Buffer.alloc(limit + 1);
    let size = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, size, buffer.length - size, null);
      if (bytesRead === 0) break;
      size += bytesRead;
      if (size > limit) refuse(`is more than the ${sizeInWords(limit)} a state, FHIR or mapping file may be`);
    }
    return buffer.subarray(0, size).toString('utf8');
  } catch (e) {
    if (e instanceof StateError) throw e;
    return refuse(`cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  } finally {
    await handle.close();
  }
}
