/**
 * Who came when, as an event log tells it: each case's class (the mapping's
 * `classBy`), its arrival on the log's wall clock (local minutes since the
 * epoch, as state files and forecasts count) and its other attributes, read
 * through the same mapping calibration and `score --truth-map` use. A forecast
 * replays these in place of its drawn arrivals (`forecast --arrivals-from LOG
 * --arrivals-map MAP`).
 */
import { CalibrationError } from '../errors.js';
import { prepareFlow } from '../read/flow.js';
import { readAnyEventLog } from '../read/log-format.js';
import type { Mapping } from '../read/mapping.js';

export interface LogArrival {
  class: string;
  /** Local wall-clock minute the case arrived. */
  at: number;
  /** The case's attributes but its class, values as the log wrote them (empty ones left out: drawn). */
  attributes: Record<string, string>;
}

export interface LogArrivals {
  arrivals: LogArrival[];
  /** Local wall-clock minute of the log's last event: no arrival is known after it. */
  until: number;
}

export function arrivalsOfLog(text: string, mapping: Mapping, source: string): LogArrivals {
  const flow = prepareFlow(readAnyEventLog(text, mapping, source), mapping.model);
  if (flow.cases.length === 0) throw new CalibrationError(source, ['no case has an activity left once the mapping has dropped what it drops']);
  const classBy = mapping.model.classBy;
  let until = -Infinity;
  const arrivals = flow.cases.map((c) => {
    until = Math.max(until, flow.observedUntil + c.arrivalWall - c.arrival);
    const attributes: Record<string, string> = {};
    for (const [k, v] of Object.entries(c.attributes)) if (k !== classBy && v !== '') attributes[k] = v;
    return { class: c.cls, at: c.arrivalWall, attributes };
  });
  arrivals.sort((a, b) => a.at - b.at);
  return { arrivals, until };
}
