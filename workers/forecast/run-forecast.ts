/**
 * One replication of a forecast: the model from the state's moment, the
 * patients placed, the recorder listening. A pure function of (scenario,
 * state, hours, seed, replication), so where it runs cannot change it.
 */
import { runHospital } from '../../sim-core/index.js';
import { forecastModel, type ForecastModel, type HospitalState, type ReplayedArrival, type Scenario } from '../../scenarios/index.js';
import { ForecastRecorder, type ForecastReplication } from './forecast-recorder.js';
import { PATIENT_HORIZON_DAYS, patientOutcomes } from './patient-outcomes.js';

export interface ForecastJob {
  state: HospitalState;
  hours: number;
  /** Also follow each patient of the state until it leaves (up to PATIENT_HORIZON_DAYS): its remaining stay and cost. */
  patients?: boolean;
  /** The arrivals that really came, in place of the drawn classes' (forecast --arrivals-from). */
  replayed?: ReplayedArrival[];
}

export interface ForecastReplicationResult {
  forecast: ForecastReplication;
  events: number;
  patients: number;
}

const prepared = new Map<string, ForecastModel>();

/** The forecast model of (scenario, state, hours), made once per worker and kept. */
export function preparedForecast(scenario: Scenario, job: ForecastJob): ForecastModel {
  const key = JSON.stringify([scenario, job.state, job.hours, job.replayed ?? null]);
  let fm = prepared.get(key);
  if (!fm) {
    fm = forecastModel(scenario, job.state, job.hours, 'state', job.replayed);
    if (prepared.size >= 4) prepared.delete(prepared.keys().next().value!);
    prepared.set(key, fm);
  }
  return fm;
}

export function runForecastReplication(
  fm: ForecastModel,
  hours: number,
  seed: number | string,
  replication: number,
  patients = false,
): ForecastReplicationResult {
  const recorder = new ForecastRecorder(fm.model, hours, fm.booked);
  if (!patients) {
    // The run's own figures (costs per case, census by clock hour…) are not summed up: the recorder has what a forecast shows.
    const r = runHospital(fm.model, { seed, replication, trace: recorder, initialState: fm.initialState, figures: false });
    return { forecast: recorder.finish(replication), events: r.events, patients: r.patients };
  }
  // The same run kept going past the forecast's hours (a replication's first hours do not depend on its horizon, so
  // the census is the same) until every patient of the state has left; the cost ledger is kept for their costs.
  const model = { ...fm.model, horizon: Math.max(hours * 60, PATIENT_HORIZON_DAYS * 1440) };
  const followed = patientOutcomes(hours * 60);
  const r = runHospital(model, { seed, replication, trace: recorder, initialState: fm.initialState, observers: [followed.factory] });
  return { forecast: { ...recorder.finish(replication), patients: followed.outcomes() }, events: r.events, patients: r.patients };
}
