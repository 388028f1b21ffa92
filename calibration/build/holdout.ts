/**
 * The out-of-sample check of `calibrate --holdout SHARE`: a seeded split of the
 * log's cases (by patient, when the mapping names one, so no patient is on both
 * sides) into those the scenario is fitted on and those it is tested on; and
 * the arrival rate scaled from the fitted share to another (the held-out cases,
 * or the whole log for the scenario written).
 */
import { createStream } from '../../sim-core/index.js';
import type { ScenarioInput } from '../../scenarios/index.js';
import type { Flow } from '../read/flow.js';

export interface HoldoutSplit {
  fit: Flow;
  test: Flow;
  /** Split by the mapping's patient attribute (else by case). */
  byPatient: boolean;
}

/** Each patient (or case) is held out with probability `share`, by a stream of its own: the same seed gives the same split. */
export function splitFlow(flow: Flow, share: number, seed: number | string): HoldoutSplit {
  const by = flow.options.patientBy;
  const held = new Map<string, boolean>();
  const isHeld = (key: string): boolean => {
    let h = held.get(key);
    if (h === undefined) held.set(key, (h = createStream(seed, `holdout:${key}`).next() < share));
    return h;
  };
  const test = flow.cases.filter((c) => isHeld(by !== undefined ? (c.attributes[by] ?? `case:${c.id}`) : `case:${c.id}`));
  const testSet = new Set(test);
  return { fit: { ...flow, cases: flow.cases.filter((c) => !testSet.has(c)) }, test: { ...flow, cases: test }, byPatient: by !== undefined };
}

/** The scenario with every class's arrivals per day times `factor` (its patterns unchanged). */
export function scaleArrivals(scenario: ScenarioInput, factor: number): ScenarioInput {
  return {
    ...scenario,
    patientClasses: scenario.patientClasses.map((p) => {
      const a = p.arrivals as { perDay?: number };
      return typeof a.perDay === 'number' ? { ...p, arrivals: { ...p.arrivals, perDay: Math.round(a.perDay * factor * 1e6) / 1e6 } as typeof p.arrivals } : p;
    }),
  };
}
