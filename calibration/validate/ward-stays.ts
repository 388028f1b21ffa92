/**
 * Who was in which ward when, as an event log tells it: each ward stay as an
 * interval of local wall-clock minutes (minutes since the epoch of a UTC clock
 * showing the hospital's date and time, as state files and forecasts count),
 * read through the same mapping and the same stay rules calibration uses. A
 * forecast is scored against these (`score --truth LOG --truth-map MAP`).
 */
import { CalibrationError } from '../errors.js';
import { prepareFlow } from '../read/flow.js';
import { readAnyEventLog } from '../read/log-format.js';
import type { Mapping } from '../read/mapping.js';
import { observe } from '../fit/observations.js';

export interface WardStay {
  ward: string;
  /** Local wall-clock minute the stay began. */
  start: number;
  /** Local wall-clock minute it ended; null while still under way when the log ends. */
  end: number | null;
}

export interface LogWardStays {
  stays: WardStay[];
  /** The wards the log names, sorted. */
  wards: string[];
  /** Local wall-clock minutes of the log's first arrival and of its last event. */
  from: number;
  until: number;
}

export function wardStaysOfLog(text: string, mapping: Mapping, source: string): LogWardStays {
  const flow = prepareFlow(readAnyEventLog(text, mapping, source), mapping.model);
  if (flow.cases.length === 0) throw new CalibrationError(source, ['no case has an activity left once the mapping has dropped what it drops']);
  const segments = observe(flow).stays;
  if (segments.length === 0)
    throw new CalibrationError(source, ['the mapping names no ward stays (model.stays), so the log cannot say how many patients each ward held']);
  // The wall clock of the log's end: the offset of its last case's last event.
  let until = -Infinity;
  let from = Infinity;
  for (const c of flow.cases) {
    const offset = c.arrivalWall - c.arrival;
    from = Math.min(from, c.arrivalWall);
    until = Math.max(until, flow.observedUntil + offset);
  }
  const stays = segments.map((s) => ({ ward: s.ward, start: s.start + s.offset, end: s.end === null ? null : s.end + s.offset }));
  return { stays, wards: [...new Set(stays.map((s) => s.ward))].sort(), from, until };
}
