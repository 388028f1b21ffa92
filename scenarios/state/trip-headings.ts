/**
 * Where each patient on a trip between sites at minute `at` is going. The
 * destination of a transfer or a diversion is chosen when the patient leaves,
 * before `at`, but the trace names it only on arrival: the run continued past
 * `at` (the same run: a replication's first days do not depend on its horizon)
 * shows it, as the first row of the patient after the trip's end that names a
 * resource or an activity of one of the step's destination sites (their names'
 * prefix). A trip that has not ended in the trace read is left without one.
 */
import { readTrace, stepVerb, type HospitalModel, type TraceData } from '../../sim-core/index.js';
import type { ScenarioIssue } from '../schema/errors.js';
import type { StatePatient } from './state-schema.js';

/** A patient on a trip: the trip's activity and its step's destinations' sites, in the step's order. */
export interface OnTrip {
  activity: string;
  sites: readonly string[];
}

/** By patient serial: the index (into its trip's sites) of where it is going; patients whose trip does not end in `trace` are absent. */
export function tripHeadings(model: HospitalModel, trace: TraceData, at: number, onTrip: ReadonlyMap<number, OnTrip>): Map<number, number> {
  const headings = new Map<number, number>();
  if (onTrip.size === 0) return headings;
  const prefixOf = new Map((model.sites ?? []).map((s) => [s.id, s.prefix]));
  const ended = new Set<number>();
  readTrace(trace, (e) => {
    if (e.time <= at || e.patient < 0 || headings.has(e.patient)) return;
    const trip = onTrip.get(e.patient);
    if (trip === undefined) return;
    if (!ended.has(e.patient)) {
      if (e.kind === 'finished' && e.activity === trip.activity) ended.add(e.patient);
      return;
    }
    const name = e.kind === 'started' || e.kind === 'finished' ? e.activity : 'resource' in e ? e.resource : '';
    const k = trip.sites.findIndex((site) => {
      const prefix = prefixOf.get(site);
      return prefix !== undefined && prefix !== '' && name.startsWith(prefix);
    });
    if (k >= 0) headings.set(e.patient, k);
  });
  return headings;
}

/**
 * A patient on a trip between sites: the index of its destination `to` among the trip step's
 * (undefined when `to` is not given; null, with the problem by path, when it names no destination of it).
 */
export function headingOf(
  model: HospitalModel,
  pathway: number,
  step: number,
  p: StatePatient,
  at: (field: string) => string,
  issues: ScenarioIssue[],
): number | null | undefined {
  if (p.to === undefined) return undefined;
  const s = model.pathways[pathway]!.steps[step]!;
  const trip = p.waiting ? undefined : stepVerb(s).trip?.(s);
  if (trip === undefined) {
    issues.push({
      path: at('to'),
      message: `the patient is not on a trip between sites (its step "${p.step}" is not a transfer's or a diversion's trip, or it is waiting)`,
    });
    return null;
  }
  const k = trip.findIndex((d) => d.site === p.to);
  if (k < 0) {
    issues.push({ path: at('to'), message: `"${p.to}" is not a destination of "${p.step}" (its destinations: ${trip.map((d) => d.site).join(', ')})` });
    return null;
  }
  return k;
}
