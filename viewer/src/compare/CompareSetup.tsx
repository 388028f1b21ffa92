/** Choose scenarios A and B and run both with the same seed (common random numbers). */
import { useEffect, useState } from 'react';
import { quickSettings } from '../model/run-actions.js';
import type { RunSettings } from '../model/runner.js';
import { useCompare } from '../store/compare.js';
import { useRuns } from '../store/runs.js';
import { choiceByKey, useScenarios } from '../store/scenarios.js';
import { runComparison } from './compare-actions.js';
import { NumberField } from '../panels/NumberField.js';

export function CompareSetup() {
  const choices = useScenarios((s) => s.choices);
  const selected = useScenarios((s) => s.selected);
  const { aKey, bKey, status, progress, message, settings: ran } = useCompare();
  const lastSettings = useRuns((s) => s.settings);
  const [a, setA] = useState(aKey ?? selected ?? choices[0]?.key ?? '');
  const [b, setB] = useState(bKey ?? choices.find((c) => c.key !== (aKey ?? selected))?.key ?? '');
  useEffect(() => {
    if (aKey) setA(aKey);
    if (bKey) setB(bKey);
  }, [aKey, bKey]);
  const base = choiceByKey(a)?.scenario;
  const [settings, setSettings] = useState<RunSettings | null>(null);
  useEffect(() => {
    if (base && !settings) setSettings(lastSettings ?? quickSettings(base));
  }, [base, settings, lastSettings]);
  // A comparison started elsewhere (an optimisation's best against its base) shows what it ran with.
  useEffect(() => {
    if (ran) setSettings(ran);
  }, [ran]);
  const pick = (value: string, set: (k: string) => void, testid: string) => (
    <select
      value={value}
      data-testid={testid}
      onChange={(e) => set(e.target.value)}
      aria-label={testid === 'compare-a' ? 'Scenario A (the baseline)' : 'Scenario B (the change)'}
    >
      {choices.map((c) => (
        <option key={c.key} value={c.key}>
          {c.label}
        </option>
      ))}
    </select>
  );
  const running = status === 'running';
  return (
    <section className="card compare-setup">
      <h2>Compare</h2>
      <label>A {pick(a, setA, 'compare-a')}</label>
      <label>B {pick(b, setB, 'compare-b')}</label>
      {settings && (
        <div className="grid2">
          <label>
            Replications{' '}
            <NumberField
              value={settings.replications}
              min={2}
              max={1000}
              testid="compare-replications"
              onChange={(v) => setSettings({ ...settings, replications: v })}
            />
          </label>
          <label>
            Days{' '}
            <NumberField value={settings.horizonDays} min={1} max={3660} testid="compare-days" onChange={(v) => setSettings({ ...settings, horizonDays: v })} />
          </label>
        </div>
      )}
      <p className="muted">Both run with seed {String(settings?.seed ?? '')}: each replication of A is paired with the same replication of B.</p>
      <button
        className="primary"
        data-testid="compare-run"
        disabled={running || !settings || !a || !b}
        onClick={() => settings && void runComparison(a, b, settings)}
      >
        Run both and compare
      </button>
      {running && (
        <div className="progress" data-testid="compare-progress">
          <progress max={(settings?.replications ?? 1) * 2} value={progress[0] + progress[1]} />
          <span>
            A {progress[0]} · B {progress[1]} of {settings?.replications}
          </span>
        </div>
      )}
      {message && <p className="status failed">{message}</p>}
    </section>
  );
}
