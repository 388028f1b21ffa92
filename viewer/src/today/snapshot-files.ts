/**
 * The files a person chose as a snapshot, read as the CLI's `--state` reads
 * them: our JSON (with the CSV of its patients when it names one, chosen
 * with it), or an HL7 FHIR R4 Bundle with the mapping file to the scenario's
 * wards and classes (`--fhir-map`), its `timestamp` as asOf. Throws with every
 * problem by path (StateError) or in words (Error).
 */
import { bundleItems, parseFhirMapping, parseState, stateFromFhir, type HospitalState } from '../../../scenarios/index.js';

export interface ChosenFile {
  name: string;
  text: string;
}

export interface ReadSnapshot {
  state: HospitalState;
  /** The file named as its source, for people. */
  source: string;
}

const isCsv = (f: ChosenFile): boolean => f.name.toLowerCase().endsWith('.csv');

function json(f: ChosenFile): unknown {
  try {
    return JSON.parse(f.text);
  } catch (e) {
    throw new Error(`${f.name} cannot be read as JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
}

const field = (doc: unknown, key: string): unknown => (doc && typeof doc === 'object' ? (doc as Record<string, unknown>)[key] : undefined);

export function readSnapshotFiles(files: readonly ChosenFile[]): ReadSnapshot {
  const docs = files.filter((f) => !isCsv(f)).map((f) => ({ file: f, doc: json(f) }));
  if (docs.length === 0) throw new Error("choose the snapshot's JSON file (a CSV of patients goes with the JSON that names it)");
  const bundle = docs.find((d) => field(d.doc, 'resourceType') === 'Bundle');
  if (bundle) {
    const mapping = docs.find((d) => d !== bundle);
    if (!mapping)
      throw new Error(
        `${bundle.file.name} is a FHIR Bundle: choose it together with its mapping file (the wards and classes its locations and encounters stand for)`,
      );
    if (docs.length > 2) throw new Error(`choose one FHIR Bundle and its mapping file, not ${docs.length} JSON files`);
    const { items, timestamp } = bundleItems(bundle.doc, bundle.file.name);
    const map = parseFhirMapping(mapping.doc, mapping.file.name);
    const state = stateFromFhir(items, map, timestamp, bundle.file.name);
    // The scenario the mapping was written for, so Today reads the state against it.
    return {
      state: { ...state, ...(map.scenario !== undefined ? { scenario: map.scenario } : {}) },
      source: `${bundle.file.name} (FHIR, mapped by ${mapping.file.name})`,
    };
  }
  if (docs.length > 1) throw new Error(`choose one snapshot (its JSON, and its patients' CSV if it names one), not ${docs.length} JSON files`);
  const { file, doc } = docs[0]!;
  const named = field(doc, 'patientsCsv');
  if (typeof named === 'string' && named !== '') {
    const base = named.split(/[\\/]/).pop();
    const csv = files.find((f) => isCsv(f) && f.name === base);
    if (!csv) throw new Error(`patientsCsv: ${file.name} names ${named}: choose that file together with it`);
    return { state: parseState(doc, file.name, { text: csv.text, file: csv.name }), source: `${file.name} with ${csv.name}` };
  }
  return { state: parseState(doc, file.name), source: file.name };
}
