/**
 * A replication's result as text for Redis, to the bit: figures go as the raw
 * bytes of a Float64Array (NaN, -0 and infinities included, which JSON would
 * turn into null or 0), and a trace as the bytes of its typed arrays.
 */
import type { TraceData } from '../../sim-core/index.js';
import type { ReplicationResult } from '../run-replications.js';

interface StoredResult {
  replication: number;
  events: number;
  patients: number;
  ids: string[];
  /** base64 of the figures' Float64Array, in the order of `ids`. */
  values: string;
  trace?: StoredTrace;
}

interface StoredTrace {
  length: number;
  time: string;
  entity: string;
  what: string;
  where: string;
  whatNames: string[];
  whereNames: string[];
}

export interface StoredReplication {
  result: ReplicationResult;
  trace?: TraceData;
}

const bytes = (a: Float64Array | Int32Array): string => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

function floats(text: string): Float64Array {
  const b = Buffer.from(text, 'base64');
  if (b.byteLength % 8 !== 0) throw new DamagedResultError('its numbers are cut short');
  // Copied into a fresh buffer: a Buffer's offset into Node's pool need not be 8-aligned.
  const out = new Float64Array(b.byteLength / 8);
  new Uint8Array(out.buffer).set(b);
  return out;
}

function ints(text: string): Int32Array {
  const b = Buffer.from(text, 'base64');
  if (b.byteLength % 4 !== 0) throw new DamagedResultError('its trace is cut short');
  const out = new Int32Array(b.byteLength / 4);
  new Uint8Array(out.buffer).set(b);
  return out;
}

export function encodeResult(result: ReplicationResult, trace?: TraceData): string {
  const ids = Object.keys(result.figures);
  const values = Float64Array.from(ids, (id) => result.figures[id]!);
  const stored: StoredResult = { replication: result.replication, events: result.events, patients: result.patients, ids, values: bytes(values) };
  if (trace) {
    stored.trace = {
      length: trace.length,
      time: bytes(trace.time.subarray(0, trace.length)),
      entity: bytes(trace.entity.subarray(0, trace.length)),
      what: bytes(trace.what.subarray(0, trace.length)),
      where: bytes(trace.where.subarray(0, trace.length)),
      whatNames: trace.whatNames,
      whereNames: trace.whereNames,
    };
  }
  return JSON.stringify(stored);
}

/** A stored result that is not one this codec wrote (cut short, overwritten): refused, never half read. */
export class DamagedResultError extends Error {
  override readonly name = 'DamagedResultError';
}

const isInt = (v: unknown): v is number => Number.isSafeInteger(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isBase64 = (v: unknown): v is string => typeof v === 'string' && /^[A-Za-z0-9+/]*={0,2}$/.test(v);

function checked(text: string): StoredResult {
  let s: unknown;
  try {
    s = JSON.parse(text);
  } catch {
    throw new DamagedResultError('not JSON');
  }
  const r = s as Partial<StoredResult> | null;
  if (r === null || typeof r !== 'object' || !isInt(r.replication) || !isInt(r.events) || !isInt(r.patients) || !isStrings(r.ids) || !isBase64(r.values))
    throw new DamagedResultError('not a stored replication');
  const t = r.trace as Partial<StoredTrace> | undefined;
  if (
    t !== undefined &&
    (t === null ||
      typeof t !== 'object' ||
      !isInt(t.length) ||
      ![t.time, t.entity, t.what, t.where].every(isBase64) ||
      !isStrings(t.whatNames) ||
      !isStrings(t.whereNames))
  )
    throw new DamagedResultError('its trace is not a stored trace');
  return r as StoredResult;
}

export function decodeResult(text: string): StoredReplication {
  const s = checked(text);
  const values = floats(s.values);
  if (values.length !== s.ids.length) throw new DamagedResultError(`${s.ids.length} figure names, ${values.length} values`);
  const figures: Record<string, number> = {};
  s.ids.forEach((id, i) => Object.defineProperty(figures, id, { value: values[i]!, enumerable: true, writable: true, configurable: true }));
  const result: ReplicationResult = { replication: s.replication, figures, events: s.events, patients: s.patients };
  if (!s.trace) return { result };
  const t = s.trace;
  const trace = { time: floats(t.time), entity: ints(t.entity), what: ints(t.what), where: ints(t.where) };
  if (Object.values(trace).some((a) => a.length !== t.length)) throw new DamagedResultError(`its trace is not ${t.length} events long`);
  return {
    result,
    trace: {
      length: t.length,
      ...trace,
      whatNames: t.whatNames,
      whereNames: t.whereNames,
    },
  };
}
