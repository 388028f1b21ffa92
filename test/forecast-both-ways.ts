/**
 * Forecasts made both ways at chosen moments of one run: with the model's own
 * arrivals and with the arrivals that really came (read back from the run's
 * trace). The set-up the arrivals' share of the error is tested on, in the
 * workers' score and in the CLI's HTML page alike.
 */
import { compileScenario, forecastModel, localMinutes, parseScenario, parseState, stateFromTrace, type ScenarioInput } from '../scenarios/index.js';
import { runHospital, TraceBuffer } from '../sim-core/index.js';
import { arrivalsFromTrace, forecastSamples, runForecastReplication, summariseForecast, truthFromTrace } from '../workers/index.js';

type Samples = ReturnType<typeof forecastSamples>;
export interface LabelledSamples {
  samples: Samples;
  label: string;
}

export interface ForecastBothWays {
  scenario: ReturnType<typeof parseScenario>;
  model: ReturnType<typeof compileScenario>;
  trace: ReturnType<TraceBuffer['toData']>;
  /** Minutes since the scenario's start of the run's first minute. */
  start: number;
  truth: ReturnType<typeof truthFromTrace>;
  moments: {
    at: number;
    replayed: ReturnType<typeof arrivalsFromTrace>;
    replay: ReturnType<typeof forecastModel>['replay'];
    model: LabelledSamples;
    real: LabelledSamples;
  }[];
}

/** Runs `input` once (seed 'truth') and forecasts `hours` ahead from each moment (minutes into the run) both ways. */
export function forecastBothWays(input: ScenarioInput, moments: number[], hours: number, replications: number): ForecastBothWays {
  const scenario = parseScenario(input, input.name ?? 'scenario');
  const model = compileScenario(scenario);
  const buffer = new TraceBuffer();
  runHospital(model, { seed: 'truth', replication: 1, trace: buffer });
  const trace = buffer.toData();
  const start = localMinutes(scenario.start);
  const truth = truthFromTrace(model, trace, scenario.start);
  return {
    scenario,
    model,
    trace,
    start,
    truth,
    moments: moments.map((at) => {
      const state = parseState(stateFromTrace(model, trace, at, start).state, `minute ${at}`);
      const replayed = arrivalsFromTrace(trace, start, start + at, start + at + hours * 60);
      const make = (fm: ReturnType<typeof forecastModel>, label: string): LabelledSamples => {
        const reps = Array.from({ length: replications }, (_, i) => runForecastReplication(fm, hours, 'forecast', i + 1).forecast);
        return { samples: forecastSamples(summariseForecast(fm.model, state.asOf, hours, fm.booked, reps), reps), label };
      };
      return {
        at,
        replayed,
        replay: forecastModel(scenario, state, hours, 'state', replayed).replay,
        model: make(forecastModel(scenario, state, hours), `model ${at}`),
        real: make(forecastModel(scenario, state, hours, 'state', replayed), `real ${at}`),
      };
    }),
  };
}
