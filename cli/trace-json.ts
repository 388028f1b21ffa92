/**
 * A replication's event trace as JSON, in the TraceData layout (sim-core/trace.ts):
 * parallel arrays `time` (minutes from `start`), `entity` (patient number; -1 for
 * a resource event), `what` and `where` (indices into `whatNames`, `whereNames`).
 * Written in chunks: a year of a hospital is millions of rows.
 */
import type { TraceData } from '../sim-core/index.js';

export interface TraceHeader {
  scenario: string;
  seed: number | string;
  replication: number;
  start: string;
}

export function* traceJson(header: TraceHeader, trace: TraceData): Generator<string> {
  yield `{${Object.entries(header)
    .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`)
    .join(',')},"length":${trace.length},`;
  yield `"whatNames":${JSON.stringify(trace.whatNames)},"whereNames":${JSON.stringify(trace.whereNames)}`;
  for (const column of ['time', 'entity', 'what', 'where'] as const) {
    const values = trace[column];
    yield `,${JSON.stringify(column)}:[`;
    for (let i = 0; i < values.length; i += 10_000) {
      yield (i > 0 ? ',' : '') + Array.from(values.subarray(i, i + 10_000), (x) => JSON.stringify(x)).join(',');
    }
    yield ']';
  }
  yield '}\n';
}
