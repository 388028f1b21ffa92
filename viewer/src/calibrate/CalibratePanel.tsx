/**
 * Calibrate from an event log: pick the log and how to read it (a mapping that
 * ships with the tool, or one from disk), and calibration runs in its own
 * worker. The calibrated scenario joins the picker; its report opens beside.
 */
import { useRef, useState } from 'react';
import { download } from '../edit/export.js';
import { BUILTIN_MAPPINGS } from './builtin-mappings.js';
import { calibrateLog, cancelCalibration, useCalibration } from './calibrate-actions.js';
import { CalibrationReport } from './CalibrationReport.js';

const FROM_FILE = 'file';

export function CalibratePanel() {
  const { status, result, error, progress } = useCalibration();
  const [log, setLog] = useState<File | null>(null);
  const [mappingKey, setMappingKey] = useState(BUILTIN_MAPPINGS[0]!.key);
  const [mappingFile, setMappingFile] = useState<File | null>(null);
  const [replications, setReplications] = useState(3);
  const logInput = useRef<HTMLInputElement>(null);
  const mapInput = useRef<HTMLInputElement>(null);
  const running = status === 'running';
  const ready = log !== null && (mappingKey !== FROM_FILE || mappingFile !== null) && !running;

  const start = async (): Promise<void> => {
    if (!log) return;
    const builtin = BUILTIN_MAPPINGS.find((m) => m.key === mappingKey);
    const mapping = builtin ? { text: builtin.text, name: builtin.file } : mappingFile ? { text: await mappingFile.text(), name: mappingFile.name } : null;
    if (!mapping) return;
    await calibrateLog({ log, mappingText: mapping.text, mappingName: mapping.name, replications });
  };

  return (
    <section className="card" data-testid="calibrate">
      <h2>Calibrate from an event log</h2>
      <p className="muted">
        A CSV log of your hospital (one row per activity or per event) becomes a scenario, with a report of the fits and of how well the twin reproduces the
        log.
      </p>
      <div className="buttons">
        <button onClick={() => logInput.current?.click()} disabled={running}>
          Choose event log…
        </button>
        <span data-testid="calibrate-log-name" className="muted">
          {log ? log.name : 'no log chosen'}
        </span>
      </div>
      <input ref={logInput} type="file" accept=".csv,.txt,.gz" hidden data-testid="calibrate-log" onChange={(e) => setLog(e.target.files?.[0] ?? null)} />
      <label className="field">
        How to read it
        <select data-testid="calibrate-mapping" value={mappingKey} onChange={(e) => setMappingKey(e.target.value)} disabled={running}>
          {BUILTIN_MAPPINGS.map((m) => (
            <option key={m.key} value={m.key}>
              {m.label}
            </option>
          ))}
          <option value={FROM_FILE}>A mapping file from disk…</option>
        </select>
      </label>
      {mappingKey === FROM_FILE && (
        <div className="buttons">
          <button onClick={() => mapInput.current?.click()} disabled={running}>
            Choose mapping…
          </button>
          <span className="muted">{mappingFile ? mappingFile.name : 'YAML or JSON (see calibration/maps/)'}</span>
        </div>
      )}
      <input
        ref={mapInput}
        type="file"
        accept=".yaml,.yml,.json"
        hidden
        data-testid="calibrate-mapping-file"
        onChange={(e) => setMappingFile(e.target.files?.[0] ?? null)}
      />
      <label className="field">
        Validation replications
        <input
          type="number"
          data-testid="calibrate-replications"
          min={1}
          max={50}
          value={replications}
          onChange={(e) => setReplications(Math.max(1, Math.min(50, Math.round(Number(e.target.value)) || 1)))}
          disabled={running}
        />
      </label>
      <div className="buttons">
        <button className="primary" data-testid="calibrate-run" disabled={!ready} onClick={() => void start()}>
          Calibrate
        </button>
        {running && (
          <button data-testid="calibrate-cancel" onClick={cancelCalibration}>
            Cancel
          </button>
        )}
      </div>
      {running && (
        <div className="progress stacked" data-testid="calibrate-progress">
          {progress ? (
            <>
              <progress value={progress.done} max={progress.total} data-testid="calibrate-progress-bar" />
              <span>
                Validating: {progress.done} of {progress.total} replication{progress.total === 1 ? '' : 's'} run
              </span>
            </>
          ) : (
            <>
              <progress />
              <span>
                Fitting, then running {replications} replication{replications === 1 ? '' : 's'} to validate…
              </span>
            </>
          )}
        </div>
      )}
      {status === 'cancelled' && <p className="status cancelled">Calibration cancelled.</p>}
      {error && (
        <div className="errors" role="alert" data-testid="calibrate-errors">
          <strong>{error.source} could not be calibrated</strong>
          {error.problems.length > 0 ? (
            <ul>
              {error.problems.map((p, k) => (
                <li key={k}>{p}</li>
              ))}
            </ul>
          ) : (
            <pre>{error.message}</pre>
          )}
          <button onClick={() => useCalibration.setState({ error: null })}>Dismiss</button>
        </div>
      )}
      {result && (
        <div data-testid="calibrate-result">
          <p className="status done">
            {result.scenarioName}: {result.cases.toLocaleString('en-GB')} cases
            {result.badRows > 0 ? `, ${result.badRows.toLocaleString('en-GB')} bad rows (listed in the report)` : ''}; added to the scenarios.
          </p>
          <div className="buttons">
            <button data-testid="calibrate-show-report" onClick={() => useCalibration.setState({ reportOpen: true })}>
              Show report
            </button>
            <button data-testid="calibrate-download" onClick={() => download(`${result.scenarioName}.yaml`, result.scenarioText, 'application/yaml')}>
              Download scenario
            </button>
          </div>
        </div>
      )}
      <CalibrationReport />
    </section>
  );
}
