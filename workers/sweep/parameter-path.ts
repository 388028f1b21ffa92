/**
 * Parameter paths into a scenario document: `wards.medical.beds`,
 * `staff.edDoctors.shifts[*].count`, `resources[0].units`. In a list of objects
 * with ids, a name picks the element with that id; `[n]` picks by position and
 * `[*]` every element. A path is resolved to the concrete places it sets before
 * any value is written, so a wrong path is refused with what is there instead.
 */
import { formatPath, RESOURCE_ELEMENT_NOUNS } from '../../scenarios/index.js';

export type PathSegment = { key: string } | { index: number } | { every: true };

/** A place in the document: keys and indices from the root. */
export type Location = (string | number)[];

const NAME = /^[A-Za-z_$][\w$-]*/;

/** The segments of a path, or a message saying where it cannot be read. */
export function parseParameterPath(text: string): PathSegment[] | string {
  const segments: PathSegment[] = [];
  let rest = text;
  while (rest.length > 0) {
    const atStart = segments.length === 0;
    if (!atStart && rest.startsWith('.')) rest = rest.slice(1);
    else if (!atStart && !rest.startsWith('['))
      return `cannot be read as a path after "${text.slice(0, text.length - rest.length)}": expected ".", "[n]" or "[*]"`;
    const name = NAME.exec(rest);
    if (name && (!atStart || !rest.startsWith('['))) {
      segments.push({ key: name[0] });
      rest = rest.slice(name[0].length);
      continue;
    }
    const bracket = /^\[(\*|\d+|"(?:[^"\\]|\\.)*")\]/.exec(rest);
    if (!bracket) return `cannot be read as a path at "${rest}": expected a name, "[n]", "[*]" or '["key"]'`;
    const inner = bracket[1]!;
    segments.push(inner === '*' ? { every: true } : inner.startsWith('"') ? { key: JSON.parse(inner) as string } : { index: Number(inner) });
    rest = rest.slice(bracket[0].length);
  }
  if (segments.length === 0) return 'must not be empty';
  return segments;
}

/** Singular nouns for the scenario's lists, so messages read "no ward with id …". */
const ELEMENT_NOUN: Record<string, string> = {
  ...RESOURCE_ELEMENT_NOUNS,
  items: 'item',
  patientClasses: 'patient class',
  shifts: 'shift',
  sessions: 'session',
};

/**
 * Every place `segments` reaches in `document`, or a message saying why it reaches none.
 * Only the last key may be missing (a field the base leaves to its default): the
 * scenario's own validation then refuses a name the schema does not know. A part
 * the base leaves out altogether is set whole, by a parameter naming that part.
 */
export function resolveParameterPath(document: unknown, segments: readonly PathSegment[]): Location[] | string {
  let places: { value: unknown; at: Location }[] = [{ value: document, at: [] }];
  for (let s = 0; s < segments.length; s++) {
    const segment = segments[s]!;
    const next: typeof places = [];
    for (const { value, at } of places) {
      const where = at.length === 0 ? 'the scenario' : formatPath(at);
      if ('every' in segment) {
        if (!Array.isArray(value)) return `${where} is ${describe(value)}, not a list, so [*] means nothing there`;
        if (value.length === 0) return `${where} is an empty list, so [*] sets nothing`;
        value.forEach((v: unknown, i) => next.push({ value: v, at: [...at, i] }));
      } else if ('index' in segment) {
        if (!Array.isArray(value)) return `${where} is ${describe(value)}, not a list, so it has no [${segment.index}]`;
        if (segment.index >= value.length) return `${where} has ${value.length} element${value.length === 1 ? '' : 's'}, so there is no [${segment.index}]`;
        next.push({ value: value[segment.index], at: [...at, segment.index] });
      } else if (Array.isArray(value)) {
        const i = value.findIndex((v: unknown) => isObject(v) && v['id'] === segment.key);
        if (i < 0) {
          const field = String(at[at.length - 1] ?? 'list');
          const ids = value
            .filter(isObject)
            .map((v) => v['id'])
            .filter((id) => typeof id === 'string');
          const noun = ELEMENT_NOUN[field] ?? 'element';
          return ids.length > 0
            ? `no ${noun} with id "${segment.key}" (${formatPath(at)}: ${ids.map((id) => JSON.stringify(id)).join(', ')})`
            : `${formatPath(at)} has no elements with ids; address them by position, [0] to [${value.length - 1}], or [*]`;
        }
        next.push({ value: value[i], at: [...at, i] });
      } else if (isObject(value)) {
        if (!Object.hasOwn(value, segment.key) && s < segments.length - 1) {
          return `${where} has no field "${segment.key}" (it has ${
            Object.keys(value)
              .map((k) => JSON.stringify(k))
              .join(', ') || 'none'
          })`;
        }
        next.push({ value: value[segment.key], at: [...at, segment.key] });
      } else {
        return `${where} is ${describe(value)}, so it has no field "${segment.key}"`;
      }
    }
    places = next;
  }
  return places.map((p) => p.at);
}

/** A copy of `document` with `value` written at every location. */
export function setAtLocations(document: unknown, locations: readonly Location[], value: unknown): unknown {
  const copy: unknown = structuredClone(document);
  for (const location of locations) {
    let node = copy as Record<string | number, unknown>;
    for (let i = 0; i < location.length - 1; i++) node = node[location[i]!] as Record<string | number, unknown>;
    const last = location[location.length - 1]!;
    // A key such as "__proto__" is data, never the prototype.
    Object.defineProperty(node, last, { value: structuredClone(value), enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === undefined) return 'not set';
  if (Array.isArray(v)) return 'a list';
  if (isObject(v)) return 'an object';
  return JSON.stringify(v);
}
