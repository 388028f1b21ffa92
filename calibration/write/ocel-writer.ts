/**
 * Writing OCEL 2.0 JSON (https://www.ocel-standard.org/): object types, event
 * types, objects and events, each event related to its objects with a
 * qualifier. Used by `export-log --format ocel`.
 */
export type OcelType = 'string' | 'time' | 'integer' | 'float' | 'boolean';

export interface OcelWriteObject {
  id: string;
  type: string;
  attributes: { name: string; value: string | number | boolean }[];
}

export interface OcelWriteEvent {
  id: string;
  type: string;
  /** ISO 8601 with its offset. */
  time: string;
  attributes: { name: string; value: string | number | boolean }[];
  relationships: { objectId: string; qualifier: string }[];
}

/** The whole document as text, objects and events one per line (a day of a hospital is a few MB). */
export function ocelJson(objects: Iterable<OcelWriteObject>, events: Iterable<OcelWriteEvent>): string {
  const objectTypes = new Map<string, Map<string, OcelType>>();
  const eventTypes = new Map<string, Map<string, OcelType>>();
  const typeOf = (v: string | number | boolean): OcelType => (typeof v === 'boolean' ? 'boolean' : typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'float') : 'string');
  const note = (types: Map<string, Map<string, OcelType>>, type: string, attributes: { name: string; value: string | number | boolean }[]): void => {
    const t = types.get(type) ?? new Map<string, OcelType>();
    for (const a of attributes) if (!t.has(a.name)) t.set(a.name, typeOf(a.value));
    types.set(type, t);
  };
  const objectLines: string[] = [];
  for (const o of objects) {
    note(objectTypes, o.type, o.attributes);
    objectLines.push(JSON.stringify({ id: o.id, type: o.type, attributes: o.attributes.map((a) => ({ name: a.name, time: '1970-01-01T00:00:00Z', value: a.value })) }));
  }
  const eventLines: string[] = [];
  for (const e of events) {
    note(eventTypes, e.type, e.attributes);
    eventLines.push(JSON.stringify(e));
  }
  const types = (m: Map<string, Map<string, OcelType>>): string =>
    [...m].map(([name, attributes]) => JSON.stringify({ name, attributes: [...attributes].map(([n, type]) => ({ name: n, type })) })).join(',\n    ');
  return `{\n  "objectTypes": [\n    ${types(objectTypes)}\n  ],\n  "eventTypes": [\n    ${types(eventTypes)}\n  ],\n  "objects": [\n    ${objectLines.join(',\n    ')}\n  ],\n  "events": [\n    ${eventLines.join(',\n    ')}\n  ]\n}\n`;
}
