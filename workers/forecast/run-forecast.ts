/**
 * One replication of a forecast: the model from the state's moment, the
 * patients placed, the recorder listening. A pure function of (scenario,
 * state, hours, seed, replication), so where it runs cannot change it.
 */
import { runHospital } from '../../sim-core/index.js';
import { forecastModel, type ForecastModel, type HospitalState, type Scenario } from '../../scenarios/index.js';
import { ForecastRecorder, type ForecastReplication } from './forecast-recorder.js';

export interface ForecastJob {
  state: HospitalState;
  hours: number;
}

export interface ForecastReplicationResult {
  forecast: ForecastReplication;
  events: number;
  patients: number;
}

const prepared = new Map<string, ForecastModel>();

/** The forecast model of (scenario, state, hours), made once per worker and kept. */
export function preparedForecast(scenario: Scenario, job: ForecastJob): ForecastModel {
  const key = JSON.stringify([scenario, job.state, job.hours]);
  let fm = prepared.get(key);
  if (!fm) {
    fm = forecastModel(scenario, job.state, job.hours);
    if (prepared.size >= 4) prepared.delete(prepared.keys().next().value!);
    prepared.set(key, fm);
  }
  return fm;
}

export function runForecastReplication(fm: ForecastModel, hours: number, seed: number | string, replication: number): ForecastReplicationResult {
  const recorder = new ForecastRecorder(fm.model, hours, fm.booked);
  // The run's own figures (costs per case, census by clock hour…) are not summed up: the recorder has what a forecast shows.
  const r = runHospital(fm.model, { seed, replication, trace: recorder, initialState: fm.initialState, figures: false });
  return { forecast: recorder.finish(replication), events: r.events, patients: r.patients };
}
