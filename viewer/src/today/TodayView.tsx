/**
 * "Today", a screen of its own (nothing of a simulated run on it): a hospital
 * snapshot (who is where now, and the booked cases), loaded from files or
 * taken from the replay's moment, forecast for the next hours in the worker
 * and said in words first (ForecastReport), with the hospital as it is now
 * drawn in 3D below. Or a live twin's state and forecast, followed as they
 * change (LiveConnect).
 */
import { useRef, useState } from 'react';
import { clockText } from '../format/time.js';
import { NumberField } from '../panels/NumberField.js';
import { choiceByKey, useScenarios } from '../store/scenarios.js';
import { ForecastReport } from './ForecastReport.js';
import { LiveConnect, LiveWarnings } from './LiveConnect.js';
import { disconnectLive } from './live-connection.js';
import { SnapshotOfReplayButton } from './SnapshotOfReplayButton.js';
import { SnapshotView } from './SnapshotView.js';
import { loadSnapshot, runTodayForecast, useToday } from './today-actions.js';

/** "Mon 2 Mar 07:00". */
const asOfText = (asOf: string): string => clockText(asOf.slice(0, 16), 0);

export function TodayView() {
  const { state, source, scenarioKey, status, progress, result, error, left } = useToday();
  const choices = useScenarios((s) => s.choices);
  const [hours, setHours] = useState(72);
  const [replications, setReplications] = useState(100);
  const input = useRef<HTMLInputElement>(null);
  const summary = result?.summary;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return (
    <div className="today-screen" data-testid="today">
      <div className="today-controls">
        <button onClick={() => input.current?.click()} title="A snapshot's JSON file, with its patients' CSV file if it names one (choose both)">
          Load a snapshot…
        </button>
        <input
          ref={input}
          type="file"
          accept=".json,.csv"
          multiple
          hidden
          data-testid="today-file"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            // A file chosen replaces the live twin's state: stop following it, or its next event would put it back.
            if (files.length > 0) {
              disconnectLive();
              void loadSnapshot(files);
            }
            e.target.value = '';
          }}
        />
        <SnapshotOfReplayButton />
        <LiveConnect />
        {state && (
          <>
            <label>
              Scenario{' '}
              <select data-testid="today-scenario" value={scenarioKey ?? ''} onChange={(e) => useToday.setState({ scenarioKey: e.target.value, result: null })}>
                {choices.map((c) => (
                  <option key={c.key} value={c.key}>
                    {c.label}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Hours <NumberField value={hours} min={1} max={168} testid="today-hours" onChange={setHours} />
            </label>
            <label>
              Replications <NumberField value={replications} min={2} max={1000} testid="today-replications" onChange={setReplications} />
            </label>
            <button
              className="primary"
              data-testid="today-run"
              disabled={status === 'running' || !choiceByKey(scenarioKey)}
              onClick={() => void runTodayForecast(hours, replications)}
            >
              Forecast
            </button>
          </>
        )}
      </div>
      {!state && !error && (
        <p className="muted">
          Load a hospital state snapshot (the JSON of <code>hospital-twin export-state</code>, e.g. examples/state/general-hospital-monday.json), or run a
          scenario and take a snapshot of the moment its replay shows, to see the hospital as it is then and forecast the next 72 hours from it; or connect to a
          live twin (<code>hospital-twin serve</code>) to follow the hospital as its feeds report it.
        </p>
      )}
      {status === 'taking' && <p data-testid="today-taking">Taking the snapshot in the worker (replication 1 run to the moment shown)…</p>}
      {state && (
        <p data-testid="today-snapshot">
          <strong>{source}</strong>: as of {state.asOf.replace('T', ' ')}, {plural(state.patients.length, 'patient')} in the hospital,{' '}
          {plural(state.booked?.length ?? 0, 'booked case')}
          {state.scenario ? ` (written for ${state.scenario})` : ''}.
          {left.length > 0 && (
            <span className="muted">
              {' '}
              Left out: {plural(left.length, 'patient')} the snapshot format cannot place ({left.slice(0, 3).join(', ')}
              {left.length > 3 ? ', …' : ''}).
            </span>
          )}
        </p>
      )}
      <LiveWarnings />
      {status === 'running' && (
        <div className="progress" data-testid="today-progress">
          <progress value={progress.done} max={progress.total} />
          <span>
            {progress.done} of {progress.total} replications
          </span>
        </div>
      )}
      {error && (
        <div className="errors" role="alert" data-testid="today-errors">
          <strong>{error.source} could not be used</strong>
          <ul>
            {error.problems.map((p, k) => (
              <li key={k}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {summary && state && choiceByKey(scenarioKey) && <ForecastReport scenario={choiceByKey(scenarioKey)!.scenario} state={state} forecast={result!} />}
      {state && choiceByKey(scenarioKey) && (
        <section aria-labelledby="today-now" className="today-now-section">
          <h2 id="today-now">The hospital now</h2>
          <SnapshotView scenario={choiceByKey(scenarioKey)!.scenario} state={state} asOfText={asOfText(state.asOf)} />
        </section>
      )}
    </div>
  );
}
