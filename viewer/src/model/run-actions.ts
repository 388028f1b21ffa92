/** What the Run buttons do: run a scenario in a worker with progress and cancel, then show its replay. */
import { parseScenarioText, ScenarioError, type Scenario } from '../../../scenarios/index.js';
import { addChoice, choiceByKey, useScenarios } from '../store/scenarios.js';
import { setTimeline, usePlayback } from '../store/playback.js';
import { runById, useRuns, type RunRecord } from '../store/runs.js';
import { useView } from '../store/view.js';
import { prepareRun, runEnd } from './prepare-run.js';
import { runInWorker, withSettings, type RunHandle, type RunSettings } from './runner.js';

/** Runs kept in memory (each holds a trace and its replay). */
const KEEP_RUNS = 8;
let nextId = 1;
let active: RunHandle | null = null;

export function defaultSettings(s: Scenario): RunSettings {
  return { replications: s.replications, seed: s.seed, horizonDays: s.horizonDays };
}

/**
 * A quick look: 3 replications of a few weeks after the scenario's own warm-up
 * (two weeks, or a week longer than the warm-up: scenarios need the horizon to exceed it).
 */
export function quickSettings(s: Scenario): RunSettings {
  return { replications: Math.min(3, s.replications), seed: s.seed, horizonDays: Math.min(s.horizonDays, Math.max(14, Math.ceil(s.warmupDays) + 7)) };
}

/** Runs a scenario choice; resolves to the new run (null if cancelled or failed). `lane` picks the worker. */
export async function executeRun(
  key: string,
  settings: RunSettings,
  onProgress: (done: number, total: number) => void,
  lane = 0,
  track = true,
): Promise<RunRecord | null> {
  const choice = choiceByKey(key);
  if (!choice) throw new Error(`no scenario ${key}`);
  const handle = runInWorker(choice.scenario, settings, onProgress, lane);
  if (track) active = handle;
  try {
    const result = await handle.promise;
    if (!result) return null;
    if (result.replications === 0) {
      if (result.failures.length > 0) throw new Error(`replication ${result.failures[0]!.replication} failed: ${result.failures[0]!.error.split('\n')[0]}`);
      return null;
    }
    const scenario = withSettings(choice.scenario, settings);
    const record: RunRecord = { id: nextId++, key, label: choice.label, scenario, settings, result, ...(await prepareRun(scenario, result)) };
    useRuns.setState((s) => ({ runs: [...s.runs, record].slice(-KEEP_RUNS) }));
    return record;
  } finally {
    if (track) active = null;
  }
}

export async function startRun(key: string, settings: RunSettings): Promise<void> {
  if (useRuns.getState().status === 'running') return;
  useRuns.setState({ status: 'running', progress: { done: 0, total: settings.replications }, message: null, settings });
  try {
    const record = await executeRun(key, settings, (done, total) => useRuns.setState({ progress: { done, total } }));
    if (!record) {
      useRuns.setState({ status: 'cancelled', message: 'Run cancelled: nothing was kept from it; earlier runs are unchanged.' });
      return;
    }
    const partial = record.result.cancelled ? ` (cancelled after ${record.result.replications} of ${settings.replications} replications)` : '';
    const failures =
      record.result.failures.length > 0 ? `; ${record.result.failures.length} replication(s) failed: ${record.result.failures[0]!.error.split('\n')[0]}` : '';
    useRuns.setState({ status: record.result.cancelled ? 'cancelled' : 'done', message: `Run ${record.id} finished${partial}${failures}.` });
    showRun(record.id);
  } catch (e) {
    useRuns.setState({ status: 'failed', message: e instanceof Error ? e.message : String(e) });
  }
}

export function cancelRun(): void {
  if (!active) return;
  useRuns.setState({ status: 'cancelling' });
  active.cancel();
}

export function showRun(id: number): void {
  const run = runById(id);
  if (!run) return;
  useRuns.setState({ shown: id });
  useView.setState({ mode: 'run', selection: null });
  setTimeline(runEnd(run.scenario), run.scenario.warmupDays * 1440);
  usePlayback.setState({ playing: false });
}

/** Reads a scenario file; a bad one is shown with the CLI's messages and nothing else changes. */
export async function loadScenarioFile(file: File): Promise<void> {
  const text = await file.text();
  const lower = file.name.toLowerCase();
  const format = lower.endsWith('.json') ? 'json' : 'yaml';
  try {
    if (!/\.(json|ya?ml)$/.test(lower))
      throw new ScenarioError(file.name, [
        { path: '', message: `must be a .json, .yaml or .yml file, got "${lower.includes('.') ? lower.slice(lower.lastIndexOf('.')) : 'no extension'}"` },
      ]);
    const scenario = parseScenarioText(text, file.name, format);
    addChoice({
      key: `file:${file.name}`,
      label: `${scenario.name} (${file.name})`,
      origin: 'file',
      summary: scenario.description ?? `loaded from ${file.name}`,
      scenario,
    });
  } catch (e) {
    if (e instanceof ScenarioError) {
      useScenarios.setState({ loadError: { source: file.name, message: e.message, issues: [...e.issues] } });
    } else {
      useScenarios.setState({
        loadError: { source: file.name, message: `${file.name} could not be read: ${e instanceof Error ? e.message : String(e)}`, issues: [] },
      });
    }
  }
}
