/** Run settings, Run / Quick run, progress with Cancel, and the runs so far. */
import { useEffect, useState } from 'react';
import { cancelRun, defaultSettings, quickSettings, showRun, startRun } from '../model/run-actions.js';
import type { RunSettings } from '../model/runner.js';
import { useRuns } from '../store/runs.js';
import { choiceByKey, useScenarios } from '../store/scenarios.js';
import { NumberField } from './NumberField.js';

export function RunControls() {
  const selected = useScenarios((s) => s.selected);
  const { status, progress, message, runs, shown } = useRuns();
  const scenario = choiceByKey(selected)?.scenario;
  const [settings, setSettings] = useState<RunSettings | null>(null);
  useEffect(() => setSettings(scenario ? defaultSettings(scenario) : null), [scenario]);
  if (!scenario || !settings || !selected) return null;
  const busy = status === 'running' || status === 'cancelling';
  const num = (key: 'replications' | 'horizonDays', min: number, max: number) => (
    <NumberField value={settings[key]} min={min} max={max} disabled={busy} testid={`run-${key}`} onChange={(v) => setSettings({ ...settings, [key]: v })} />
  );
  return (
    <section className="card">
      <h2>Run</h2>
      <div className="grid2">
        <label>Replications {num('replications', 1, 1000)}</label>
        <label>
          Days (after {scenario.warmupDays} d warm-up) {num('horizonDays', Math.floor(scenario.warmupDays) + 1, 3660)}
        </label>
        <label>
          Seed{' '}
          <input
            value={String(settings.seed)}
            disabled={busy}
            onChange={(e) => setSettings({ ...settings, seed: /^-?\d+$/.test(e.target.value) ? Number(e.target.value) : e.target.value || 1 })}
          />
        </label>
      </div>
      <div className="buttons">
        <button className="primary" data-testid="run" disabled={busy} onClick={() => void startRun(selected, settings)}>
          Run
        </button>
        <button
          data-testid="quick-run"
          disabled={busy}
          onClick={() => void startRun(selected, quickSettings(scenario))}
          title="3 replications of a few weeks after the warm-up"
        >
          Quick run
        </button>
      </div>
      {busy && (
        <div className="progress" data-testid="progress">
          <progress max={progress.total} value={progress.done} />
          <span>
            {progress.done} / {progress.total} replications{status === 'cancelling' ? ' · cancelling…' : ''}
          </span>
          <button data-testid="cancel" onClick={cancelRun} disabled={status === 'cancelling'}>
            Cancel
          </button>
        </div>
      )}
      <p className={`status ${status}`} data-testid="run-status">
        {status === 'idle' ? 'Not run yet.' : busy ? 'Running in a background worker: the page stays responsive.' : message}
      </p>
      {runs.length > 0 && (
        <ul className="runs">
          {runs.map((r) => (
            <li key={r.id}>
              <button className={r.id === shown ? 'link current' : 'link'} onClick={() => showRun(r.id)}>
                Run {r.id}: {r.label} · {r.result.replications} rep · {r.settings.horizonDays} d · seed {String(r.settings.seed)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
