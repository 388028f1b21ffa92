/**
 * Devices and rooms out of order at a moment of a run, as a state's
 * `outOfOrder`: the units broken down and not yet repaired by the trace's rows
 * up to `at`. The trace up to `at` does not say when they will be back; a state
 * must not know the future either, so `until` is the median of the repair time
 * still to come given the time already broken (the resource's own repair-time
 * distribution, drawn 201 times from a stream of its own: the same every time).
 */
import { createStream, readTrace, remainingDuration, sharedDistribution, type HospitalModel, type TraceData } from '../../sim-core/index.js';
import { allowsToday } from '../kinds/index.js';

/** A state's outOfOrder must end within a week of asOf. */
const WEEK = 7 * 1440;

export interface BrokenUnits {
  resource: string;
  units: number;
  /** Minutes from the run's start when it is expected back (after `at`). */
  until: number;
}

export function brokenAt(model: HospitalModel, trace: TraceData, at: number): BrokenUnits[] {
  const since = new Map<string, number[]>();
  readTrace(
    trace,
    (e) => {
      if (e.kind === 'brokeDown') since.set(e.resource, [...(since.get(e.resource) ?? []), e.time]);
      else if (e.kind === 'repaired') since.get(e.resource)?.shift();
    },
    { until: at },
  );
  const out: BrokenUnits[] = [];
  for (const [name, times] of since) {
    const r = model.resources.find((x) => x.name === name);
    // Only what a state can say is out of order (a device or room on opening hours).
    if (times.length === 0 || !r?.breakdowns || !r.roster || !allowsToday(r.kind, 'outOfOrder')) continue;
    const repair = sharedDistribution(r.breakdowns.timeToRepair);
    const rng = createStream(0, `state-repair:${name}`);
    // The unit broken longest ago sets when the first is back; all are given that time (a state lists one until per entry).
    const draws = Array.from({ length: 201 }, () => remainingDuration(repair, rng, at - times[0]!)).sort((a, b) => a - b);
    out.push({ resource: name, units: times.length, until: Math.ceil(at + Math.min(WEEK, Math.max(1, draws[100]!))) });
  }
  return out;
}
