/**
 * Writing OCEL 2.0 JSON (https://www.ocel-standard.org/) as a stream of text:
 * events as they come, then the objects and the object and event types they
 * used (JSON keys have no order, so "events" may come first). Used by
 * `export-log --format ocel`.
 */
export type OcelType = 'string' | 'time' | 'integer' | 'float' | 'boolean';
type Value = string | number | boolean;

export interface OcelWriteObject {
  id: string;
  type: string;
  attributes: { name: string; value: Value }[];
}

export interface OcelWriteEvent {
  id: string;
  type: string;
  /** ISO 8601 with its offset. */
  time: string;
  attributes: { name: string; value: Value }[];
  relationships: { objectId: string; qualifier: string }[];
}

const typeOf = (v: Value): OcelType => (typeof v === 'boolean' ? 'boolean' : typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'float') : 'string');

export class OcelJsonWriter {
  private readonly eventTypes = new Map<string, Map<string, OcelType>>();
  private events = 0;

  begin(): string {
    return '{\n  "events": [';
  }

  event(e: OcelWriteEvent): string {
    note(this.eventTypes, e.type, e.attributes);
    return `${this.events++ === 0 ? '\n' : ',\n'}    ${JSON.stringify(e)}`;
  }

  end(objects: Iterable<OcelWriteObject>): string {
    const objectTypes = new Map<string, Map<string, OcelType>>();
    const lines: string[] = [];
    for (const o of objects) {
      note(objectTypes, o.type, o.attributes);
      lines.push(
        JSON.stringify({
          id: o.id,
          type: o.type,
          attributes: o.attributes.map((a) => ({ name: a.name, time: '1970-01-01T00:00:00Z', value: a.value })),
          relationships: [],
        }),
      );
    }
    const types = (m: Map<string, Map<string, OcelType>>): string =>
      [...m].map(([name, attributes]) => `\n    ${JSON.stringify({ name, attributes: [...attributes].map(([n, type]) => ({ name: n, type })) })}`).join(',');
    return `\n  ],\n  "objects": [${lines.map((l) => `\n    ${l}`).join(',')}\n  ],\n  "objectTypes": [${types(objectTypes)}\n  ],\n  "eventTypes": [${types(this.eventTypes)}\n  ]\n}\n`;
  }
}

function note(types: Map<string, Map<string, OcelType>>, type: string, attributes: { name: string; value: Value }[]): void {
  const t = types.get(type) ?? new Map<string, OcelType>();
  for (const a of attributes) if (!t.has(a.name)) t.set(a.name, typeOf(a.value));
  types.set(type, t);
}
