/** Pick a built-in hospital or a variant, or load a scenario file; a bad file shows its errors. */
import { useRef } from 'react';
import { loadScenarioFile } from '../model/run-actions.js';
import { useScenarios } from '../store/scenarios.js';

const GROUP_LABELS = { builtin: 'Built-in', file: 'Loaded files', calibrated: 'Calibrated from logs', edited: 'Edited' } as const;

export function ScenarioPicker() {
  const { choices, selected, loadError } = useScenarios();
  const input = useRef<HTMLInputElement>(null);
  const choice = choices.find((c) => c.key === selected);
  return (
    <section className="card">
      <h2>Scenario</h2>
      <select
        data-testid="scenario-select"
        aria-label="Scenario to run"
        value={selected ?? ''}
        onChange={(e) => useScenarios.setState({ selected: e.target.value, loadError: null })}
      >
        {(['builtin', 'file', 'calibrated', 'edited'] as const).map((origin) => {
          const list = choices.filter((c) => c.origin === origin);
          if (list.length === 0) return null;
          return (
            <optgroup key={origin} label={GROUP_LABELS[origin]}>
              {list.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.label}
                </option>
              ))}
            </optgroup>
          );
        })}
      </select>
      {choice && <p className="muted">{choice.summary}</p>}
      <button onClick={() => input.current?.click()}>Load scenario file…</button>
      <input
        ref={input}
        type="file"
        accept=".yaml,.yml,.json"
        data-testid="scenario-file"
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void loadScenarioFile(file);
          e.target.value = '';
        }}
      />
      {loadError && (
        <div className="errors" role="alert" data-testid="load-errors">
          <strong>
            {loadError.source} is not a valid scenario ({loadError.issues.length} problem{loadError.issues.length === 1 ? '' : 's'})
          </strong>
          <ul>
            {loadError.issues.map((i, k) => (
              <li key={k}>
                <code>{i.path || '(document)'}</code>: {i.message}
              </li>
            ))}
          </ul>
          {loadError.issues.length === 0 && <pre>{loadError.message}</pre>}
          <button onClick={() => useScenarios.setState({ loadError: null })}>Dismiss</button>
        </div>
      )}
    </section>
  );
}
