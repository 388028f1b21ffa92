/**
 * The arrivals a trace shows (`run --trace`): each patient who arrived (not
 * one placed from a state) after `from` and at or before `to`, with its class
 * and the attributes written right after its arrival, as a forecast replays
 * them (`forecast --arrivals-from`). Times are local minutes since 1970.
 */
import { readTrace, type TraceData } from '../../sim-core/index.js';
import type { ReplayedArrival } from '../../scenarios/index.js';

/** `startLocal`: the trace's minute 0 in local minutes since 1970 (localMinutes of the scenario's start). */
export function arrivalsFromTrace(trace: TraceData, startLocal: number, from: number, to: number): ReplayedArrival[] {
  const out: ReplayedArrival[] = [];
  // The latest arrival: its attribute rows follow it at the same minute (one set later on its way is not how it came).
  let last: { patient: number; time: number; attributes: Record<string, string> } | undefined;
  readTrace(
    trace,
    (e) => {
      const at = startLocal + e.time;
      if (e.kind === 'arrived' && !e.placed && at > from) {
        last = { patient: e.patient, time: e.time, attributes: {} };
        out.push({ class: e.klass, at, attributes: last.attributes });
      } else if (e.kind === 'attribute' && last && e.patient === last.patient && e.time === last.time) last.attributes[e.name] = e.value;
      else if (e.kind !== 'attribute') last = undefined;
    },
    { until: to - startLocal },
  );
  return out;
}
