/**
 * Preparing a replay off the page's thread: a year's trace takes a few hundred
 * milliseconds to turn into paths, which would otherwise freeze the page.
 * The typed arrays come back transferred, not copied.
 */
import { expose, transfer } from 'comlink';
import type { Scenario } from '../../../scenarios/index.js';
import type { TraceData } from '../../../sim-core/index.js';
import { buildLayout } from '../layout/hospital-layout.js';
import { prepareReplay } from './prepare.js';
import { runSeries, type RunSeries } from './series.js';
import type { Replay } from './types.js';

export interface PrepareApi {
  prepare(trace: TraceData, scenario: Scenario, endTime: number): { replay: Replay; series: RunSeries };
}

function buffersOf(value: unknown, out: Set<ArrayBuffer>): Set<ArrayBuffer> {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) out.add(value.buffer);
  } else if (Array.isArray(value)) {
    for (const v of value) buffersOf(v, out);
  } else if (value && typeof value === 'object' && !(value instanceof Map)) {
    for (const v of Object.values(value)) buffersOf(v, out);
  }
  return out;
}

const api: PrepareApi = {
  prepare(trace, scenario, endTime) {
    const layout = buildLayout(scenario);
    const out = { replay: prepareReplay(trace, layout, { endTime }), series: runSeries(trace, layout, endTime) };
    return transfer(out, [...buffersOf(out, new Set())]);
  },
};

expose(api);
