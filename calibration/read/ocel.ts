/**
 * OCEL 2.0 object-centric event logs, JSON or XML. One event may refer to a
 * patient, a bed, a device and a staff member at once; calibration needs cases,
 * so the log is flattened on one object type, the one the mapping's case column
 * names: `case: object:patient` makes each patient a case, and an event that
 * refers to two patients a row of each (an event referring to none is left
 * out). Each row holds:
 *
 *   object:<case type> the case object's id (also as case:concept:name)
 *   concept:name       the event's type (the activity)
 *   time:timestamp     the event's time (start_timestamp the same: events are instants)
 *   object:<type>      ids of the event's objects of each other type, ";"-joined
 *                      (e.g. `resource: object:bed`)
 *   org:resource       every other object as <type>:<id>, ";"-joined
 *   <name>             the event's attributes
 *   case:<name>        the case object's attributes, each at its value in force at the event's time
 */
import { SaxesParser, type SaxesTag } from 'saxes';
import { CalibrationError } from '../errors.js';
import { pushRow, type FlatTable } from './flat-table.js';

interface OcelEvent {
  id: string;
  type: string;
  time: string;
  attributes: [string, string][];
  objects: string[];
  line: number;
}

interface OcelObject {
  type: string;
  /** Attribute values with the time each took effect, in the order written. */
  attributes: { name: string; time: string; value: string }[];
}

export interface OcelLog {
  events: OcelEvent[];
  objects: Map<string, OcelObject>;
}

/** The case object type a mapping's case column names (`object:patient`), or why there is none. */
export function caseObjectType(caseColumn: string | string[], source: string): string {
  const column = typeof caseColumn === 'string' ? caseColumn : caseColumn[0]!;
  const m = /^object:(.+)$/.exec(column);
  if (!m)
    throw new CalibrationError(source, [
      `columns.case: an OCEL log has no case column; name the object type whose objects are the cases, e.g. "object:patient" (got "${column}")`,
    ]);
  return m[1]!;
}

export function flattenOcel(log: OcelLog, caseType: string, source: string): FlatTable {
  const types = new Set([...log.objects.values()].map((o) => o.type));
  if (!types.has(caseType))
    throw new CalibrationError(source, [
      `columns.case: the log has no objects of type "${caseType}" (its object types: ${[...types]
        .sort()
        .map((t) => `"${t}"`)
        .join(', ')})`,
    ]);
  const table: FlatTable = { columns: [], rows: [], notes: [] };
  const seen = new Set<string>([`object:${caseType}`, 'case:concept:name', 'concept:name', 'start_timestamp', 'time:timestamp', 'org:resource']);
  table.columns.push(...seen);
  let without = 0;
  const byTime = [...log.events].sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
  for (const e of byTime) {
    const cases = e.objects.filter((id) => log.objects.get(id)?.type === caseType);
    if (cases.length === 0) {
      without++;
      continue;
    }
    const others = new Map<string, string[]>();
    for (const id of e.objects) {
      const type = log.objects.get(id)?.type;
      if (type === undefined || type === caseType) continue;
      others.set(type, [...(others.get(type) ?? []), id]);
    }
    for (const caseId of cases) {
      const values = new Map<string, string>([
        [`object:${caseType}`, caseId],
        ['case:concept:name', caseId],
        ['concept:name', e.type],
        ['start_timestamp', e.time],
        ['time:timestamp', e.time],
        ['org:resource', [...others].flatMap(([type, ids]) => ids.map((id) => `${type}:${id}`)).join(';')],
      ]);
      for (const [type, ids] of others) values.set(`object:${type}`, ids.join(';'));
      for (const [name, value] of e.attributes) values.set(name, value);
      for (const a of log.objects.get(caseId)!.attributes) {
        if (Date.parse(a.time) <= Date.parse(e.time) || !values.has(`case:${a.name}`)) values.set(`case:${a.name}`, a.value);
      }
      pushRow(table, seen, { values, line: e.line });
    }
  }
  if (without > 0) table.notes.push(`${without} event(s) refer to no object of type "${caseType}" and were left out`);
  return table;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** An optional list of objects (attributes, relationships): each item that is not an object is a problem by its path. */
function listOf(v: unknown, path: string, problems: string[]): Record<string, unknown>[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) return (void problems.push(`${path}: must be a list`), []);
  return v.filter((item, k) => isRecord(item) || void problems.push(`${path}[${k}]: must be an object`));
}

/** OCEL 2.0 JSON: {objectTypes, eventTypes, objects: [{id, type, attributes, relationships}], events: [{id, type, time, attributes, relationships}]}. */
export function readOcelJson(text: string, source: string): OcelLog {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new CalibrationError(source, [`cannot be read as OCEL 2.0 JSON: ${e instanceof Error ? e.message : String(e)}`]);
  }
  if (!isRecord(doc) || !Array.isArray(doc['objects']) || !Array.isArray(doc['events']))
    throw new CalibrationError(source, ['cannot be read as OCEL 2.0 JSON: it needs "objects" and "events" arrays']);
  const problems: string[] = [];
  const objects = new Map<string, OcelObject>();
  (doc['objects'] as unknown[]).forEach((o, i) => {
    if (!isRecord(o) || typeof o['id'] !== 'string' || typeof o['type'] !== 'string')
      return void problems.push(`objects[${i}]: needs a string "id" and "type"`);
    const attributes = listOf(o['attributes'], `objects[${i}].attributes`, problems).map((a) => ({
      name: String(a['name']),
      time: String(a['time'] ?? '1970-01-01T00:00:00Z'),
      value: String(a['value'] ?? ''),
    }));
    objects.set(o['id'], { type: o['type'], attributes });
  });
  const events: OcelEvent[] = [];
  (doc['events'] as unknown[]).forEach((e, i) => {
    if (!isRecord(e) || typeof e['id'] !== 'string' || typeof e['type'] !== 'string' || typeof e['time'] !== 'string')
      return void problems.push(`events[${i}]: needs a string "id", "type" and "time"`);
    const attributes = listOf(e['attributes'], `events[${i}].attributes`, problems).map((a): [string, string] => [String(a['name']), String(a['value'] ?? '')]);
    const ids = listOf(e['relationships'], `events[${i}].relationships`, problems).map((r) => String(r['objectId']));
    for (const id of ids) if (!objects.has(id)) problems.push(`events[${i}] (${e['id']}): refers to an object "${id.slice(0, 80)}" that is not in "objects"`);
    events.push({ id: e['id'], type: e['type'], time: e['time'], attributes, objects: ids, line: i + 1 });
  });
  if (problems.length > 0)
    throw new CalibrationError(source, [
      `is not a valid OCEL 2.0 log:`,
      ...problems.slice(0, 10),
      ...(problems.length > 10 ? [`... and ${problems.length - 10} more`] : []),
    ]);
  return { events, objects };
}

/** OCEL 2.0 XML: <log><object-types/><event-types/><objects><object id type>...</object></objects><events><event id type time>...</event></events></log>. */
export function readOcelXml(text: string, source: string): OcelLog {
  const parser = new SaxesParser({ position: true });
  const objects = new Map<string, OcelObject>();
  const events: OcelEvent[] = [];
  const stack: string[] = [];
  const errors: string[] = [];
  let object: OcelObject | undefined;
  let event: OcelEvent | undefined;
  let attribute: { name: string; time: string; text: string } | undefined;
  parser.on('error', (e) => errors.push(`line ${parser.line}: not well-formed XML (${e.message.replace(/^.*?:\d+:\d+: /, '')})`));
  parser.on('opentag', (tag: SaxesTag) => {
    // Without namespace processing, saxes gives attributes as plain strings.
    const a = (k: string): string | undefined => (tag.attributes as Record<string, string | undefined>)[k];
    const parent = stack[stack.length - 1];
    stack.push(tag.name);
    if (tag.name === 'object' && parent === 'objects') {
      const id = a('id');
      const type = a('type');
      if (id === undefined || type === undefined) return void errors.push(`line ${parser.line}: <object> needs id and type`);
      object = { type, attributes: [] };
      objects.set(id, object);
    } else if (tag.name === 'event' && parent === 'events') {
      const id = a('id');
      const type = a('type');
      const time = a('time');
      if (id === undefined || type === undefined || time === undefined) return void errors.push(`line ${parser.line}: <event> needs id, type and time`);
      event = { id, type, time, attributes: [], objects: [], line: parser.line };
      events.push(event);
    } else if (tag.name === 'attribute' && parent === 'attributes' && (object || event)) {
      attribute = { name: a('name') ?? '', time: a('time') ?? '1970-01-01T00:00:00Z', text: '' };
    } else if ((tag.name === 'relationship' || tag.name === 'object') && parent === 'objects' && event) {
      const id = a('object-id');
      if (id !== undefined) event.objects.push(id);
    }
  });
  parser.on('text', (t) => {
    if (attribute) attribute.text += t;
  });
  parser.on('closetag', (tag) => {
    stack.pop();
    if (tag.name === 'attribute' && attribute) {
      if (event) event.attributes.push([attribute.name, attribute.text.trim()]);
      else if (object) object.attributes.push({ name: attribute.name, time: attribute.time, value: attribute.text.trim() });
      attribute = undefined;
    } else if (tag.name === 'object' && stack[stack.length - 1] === 'objects' && !event) object = undefined;
    else if (tag.name === 'event') event = undefined;
  });
  try {
    parser.write(text).close();
  } catch {
    // the message is kept by the error handler
  }
  for (const e of events)
    for (const id of e.objects) if (!objects.has(id)) errors.push(`line ${e.line}: event ${e.id} refers to an object "${id}" that is not in <objects>`);
  if (errors.length > 0) throw new CalibrationError(source, ['cannot be read as OCEL 2.0 XML:', ...errors.slice(0, 10)]);
  return { events, objects };
}
