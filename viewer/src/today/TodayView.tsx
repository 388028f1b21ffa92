/**
 * "Today": a hospital snapshot (who is where now, and the booked cases),
 * loaded from files or taken from the replay's moment, drawn in 3D as it is
 * now, and forecast for the next hours in the worker: census fan charts per
 * ward with the beds as a line, ED patients waiting, and the booked cases by
 * their risk of cancellation or delay.
 */
import { useRef, useState } from 'react';
import { clockText } from '../format/time.js';
import { NumberField } from '../panels/NumberField.js';
import { choiceByKey, useScenarios } from '../store/scenarios.js';
import { FanChart } from './FanChart.js';
import { SnapshotOfReplayButton } from './SnapshotOfReplayButton.js';
import { SnapshotView } from './SnapshotView.js';
import { loadSnapshot, runTodayForecast, useToday } from './today-actions.js';

const pct = (x: number): string => `${(x * 100).toFixed(0)}%`;
/** "Mon 2 Mar 07:00". */
const asOfText = (asOf: string): string => clockText(asOf.slice(0, 16), 0);

export function TodayView() {
  const { state, source, scenarioKey, status, progress, result, error, left } = useToday();
  const choices = useScenarios((s) => s.choices);
  const [hours, setHours] = useState(72);
  const [replications, setReplications] = useState(100);
  const input = useRef<HTMLInputElement>(null);
  const summary = result?.summary;
  const wardName = (id: string): string => choiceByKey(scenarioKey)?.scenario.wards.find((w) => w.id === id)?.name ?? id;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const booked = summary ? [...summary.booked].sort((a, b) => b.pCancelled + b.pDelayedForBed - (a.pCancelled + a.pDelayedForBed)) : [];
  return (
    <div className="cases-view today" data-testid="today">
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
            if (files.length > 0) void loadSnapshot(files);
            e.target.value = '';
          }}
        />
        <SnapshotOfReplayButton />
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
          scenario and take a snapshot of the moment its replay shows, to see the hospital as it is then and forecast the next 72 hours from it.
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
      {state && choiceByKey(scenarioKey) && <SnapshotView scenario={choiceByKey(scenarioKey)!.scenario} state={state} asOfText={asOfText(state.asOf)} />}
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
      {summary && (
        <>
          <p className="muted">
            Forecast of {summary.hours} hours from {summary.asOf.replace('T', ' ')}, {summary.replications} replications: shaded, the 80% band (p10 to p90);
            line, the median; dashed red, the beds.
          </p>
          <div className="fans">
            {summary.wards.map((w) => (
              <FanChart key={w.ward} testId={`fan-${w.ward}`} title={`${wardName(w.ward)}: census`} unit="patients" capacity={w.beds} points={w.byHour} />
            ))}
            <FanChart
              testId="fan-ed-waiting"
              title="ED patients waiting"
              unit="patients"
              points={summary.ed.byHour.map((h) => ({ hour: h.hour, ...h.waiting }))}
            />
          </div>
          <section aria-labelledby="today-booked">
            <h2 id="today-booked">Booked cases by risk</h2>
            {booked.length === 0 ? (
              <p className="muted">No booked case in the forecast's hours.</p>
            ) : (
              <div className="scroll" tabIndex={0} role="region" aria-label="Booked cases by risk">
                <table className="cases-table" data-testid="today-booked-table">
                  <thead>
                    <tr>
                      <th scope="col">Booking</th>
                      <th scope="col">Class</th>
                      <th scope="col">When</th>
                      <th scope="col">Cancelled</th>
                      <th scope="col">of which for want of a bed · theatre · stock</th>
                      <th scope="col">Delayed over 1 h for a bed</th>
                      <th scope="col">Started over 1 h after the planned start</th>
                      <th scope="col">Waited over 1 h for stock</th>
                    </tr>
                  </thead>
                  <tbody>
                    {booked.map((b) => (
                      <tr key={b.booking} data-testid={`booked-${b.booking}`}>
                        <th scope="row">{b.booking}</th>
                        <td>{b.class}</td>
                        <td>{b.at.replace('T', ' ')}</td>
                        <td className="num">{pct(b.pCancelled)}</td>
                        <td className="num">
                          {pct(b.pCancelledForBed)} · {pct(b.pCancelledForTheatre)} · {pct(b.pCancelledForStock)}
                        </td>
                        <td className="num">{pct(b.pDelayedForBed)}</td>
                        <td className="num">
                          {b.start === undefined ? 'no planned start' : `${pct(b.pDelayedForTheatre)} (planned ${b.start.slice(11, 16)})`}
                        </td>
                        <td className="num">{pct(b.pDelayedForStock)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}
    </div>
  );
}
