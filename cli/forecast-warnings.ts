/**
 * Warnings about a state that is probably incomplete, given on stderr and in
 * forecast's JSON: a forecast from a state missing most of a ward's patients
 * looks as confident as any other, so the numbers alone would not say it.
 */
import { resourceKind } from '../sim-core/index.js';
import { compileScenario, type HospitalState, type Scenario } from '../scenarios/index.js';
import { runReplication } from '../workers/index.js';

/** A ward is "nearly empty" under this share of the scenario's usual census at that hour... */
const NEARLY_EMPTY_SHARE = 0.25;
/** ...when that usual census is at least this many patients (an empty two-bed ward is nothing odd). */
const MIN_USUAL_CENSUS = 4;
/** Days measured after the warm-up in the short run that gives the usual census. */
const USUAL_DAYS = 7;

/** The state's patients in each bed ward (by the ward they are in). */
function censusOf(state: HospitalState): Map<string, number> {
  const census = new Map<string, number>();
  for (const p of state.patients) if (p.ward !== undefined) census.set(p.ward, (census.get(p.ward) ?? 0) + 1);
  return census;
}

/**
 * What looks wrong in the state: wards with far fewer patients than the
 * scenario usually has at that hour of the day (its mean census at that hour
 * over a week after its warm-up, replication 1 of its own seed), and patients
 * who are in no ward, hold nothing and wait for nothing.
 */
export function stateWarnings(scenario: Scenario, state: HospitalState): string[] {
  const warnings: string[] = [];
  const model = compileScenario({ ...scenario, horizonDays: USUAL_DAYS });
  const census = censusOf(state);
  const wards = model.resources.filter((r) => resourceKind(r.kind).bed);
  // A ward holding a quarter of its beds or more cannot be under a quarter of its usual census: no run needed then.
  const low = wards.filter((w) => (census.get(w.name) ?? 0) < NEARLY_EMPTY_SHARE * w.capacity);
  if (low.length > 0) {
    const hour = state.asOf.slice(11, 13);
    const figures = runReplication(model, scenario.seed, 1).figures;
    for (const w of low) {
      const usual = figures[`census.${w.name}.h${hour}.mean`] ?? figures[`beds.${w.name}.meanOccupied`];
      const now = census.get(w.name) ?? 0;
      if (usual !== undefined && usual >= MIN_USUAL_CENSUS && now < NEARLY_EMPTY_SHARE * usual)
        warnings.push(
          `the state has ${now} patient(s) in ${w.name}, where ${scenario.name} usually has ${usual.toFixed(1)} at ${hour}:00 (of ${w.capacity} beds): is the state complete?`,
        );
    }
  }
  const nowhere = state.patients.map((p, i) => ({ p, i })).filter(({ p }) => p.ward === undefined && p.holding.length === 0 && !p.waiting);
  if (nowhere.length > 0)
    warnings.push(
      `${nowhere.length} patient(s) are in no ward, hold nothing and wait for nothing (${nowhere
        .slice(0, 5)
        .map(({ p, i }) => `${state.patientPaths[i] ?? `patients[${i}]`}${p.id !== undefined ? ` "${p.id}"` : ''} at ${p.step}`)
        .join(', ')}${nowhere.length > 5 ? ', …' : ''}): is their location missing?`,
    );
  return warnings;
}
