/**
 * The "Today" mode's state: a hospital snapshot loaded from a file (our JSON
 * format, scenarios/state/) or taken from the moment a run's replay shows,
 * the scenario it is read against (the built-in it names, the run's, else the
 * scenario picked), and its forecast run in the worker.
 */
import { create } from 'zustand';
import { parseState, ScenarioError, type HospitalState } from '../../../scenarios/index.js';
import { clockText } from '../format/time.js';
import { setMode } from '../model/mode.js';
import { forecastInWorker, takeStateInWorker, type BrowserForecastResult } from '../model/runner.js';
import { clock } from '../store/playback.js';
import type { RunRecord } from '../store/runs.js';
import { choiceByKey, useScenarios } from '../store/scenarios.js';
import { readSnapshotFiles, type ReadSnapshot } from './snapshot-files.js';

export interface TodayProblem {
  source: string;
  problems: string[];
}

interface TodayState {
  state: HospitalState | null;
  source: string | null;
  scenarioKey: string | null;
  /** Patients a snapshot taken from a run left out, with why (waiting for stock, between steps). */
  left: string[];
  status: 'idle' | 'taking' | 'running' | 'done' | 'failed';
  progress: { done: number; total: number };
  result: BrowserForecastResult | null;
  error: TodayProblem | null;
}

export const useToday = create<TodayState>(() => ({
  state: null,
  source: null,
  scenarioKey: null,
  left: [],
  status: 'idle',
  progress: { done: 0, total: 0 },
  result: null,
  error: null,
}));

export function problemsOf(e: unknown): string[] {
  if (e instanceof ScenarioError) return e.issues.map((i) => `${i.path || '(document)'}: ${i.message}`);
  return [e instanceof Error ? e.message : String(e)];
}

/** The built-in the snapshot names, if there is one; else the scenario picked now. */
function scenarioKeyFor(state: HospitalState): string | null {
  if (state.scenario && choiceByKey(`builtin:${state.scenario}`)) return `builtin:${state.scenario}`;
  return useScenarios.getState().selected;
}

/**
 * A snapshot from the files chosen (see readSnapshotFiles): our JSON with its
 * patients' CSV if it names one, or a FHIR Bundle with its mapping file.
 * Refused with every problem by path; what was shown stays.
 */
export async function loadSnapshot(files: File[]): Promise<void> {
  const names = files.map((f) => f.name).join(' and ');
  let read: ReadSnapshot;
  try {
    read = readSnapshotFiles(await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() }))));
  } catch (e) {
    useToday.setState({ error: { source: names, problems: problemsOf(e) } });
    return;
  }
  const { state, source } = read;
  useToday.setState({ state, source, scenarioKey: scenarioKeyFor(state), left: [], result: null, error: null, status: 'idle' });
}

/**
 * The hospital at the moment the run's replay shows (replication 1, to the
 * minute), taken in the worker as `hospital-twin export-state` takes it, and
 * opened in Today, read against the scenario the run ran.
 */
export async function snapshotOfReplay(run: RunRecord): Promise<void> {
  if (useToday.getState().status === 'running' || useToday.getState().status === 'taking') return;
  const at = Math.floor(clock.time);
  const source = `Run ${run.id} (${run.label}) at ${clockText(run.scenario.start, at)}`;
  // The snapshot shown before is put away: under "Taking…" it would pass for the moment being taken.
  useToday.setState({ status: 'taking', error: null, state: null, result: null, left: [] });
  setMode('today');
  try {
    const taken = await takeStateInWorker(run.scenario, at, run.settings.seed);
    const state = parseState({ ...taken.state, scenario: run.scenario.name }, source);
    useToday.setState({
      state,
      source,
      scenarioKey: choiceByKey(run.key) ? run.key : scenarioKeyFor(state),
      left: taken.skipped.map((s) => `P${s.patient} (${s.reason})`),
      result: null,
      status: 'idle',
    });
  } catch (e) {
    useToday.setState({ status: 'failed', error: { source, problems: problemsOf(e) } });
  }
}

export async function runTodayForecast(hours: number, replications: number): Promise<void> {
  const { state, scenarioKey, source, status } = useToday.getState();
  const choice = choiceByKey(scenarioKey);
  if (!state || !choice || status === 'running') return;
  useToday.setState({ status: 'running', progress: { done: 0, total: replications }, error: null });
  try {
    const result = await forecastInWorker(choice.scenario, state, {
      hours,
      replications,
      patients: true,
      onProgress: (done, total) => useToday.setState({ progress: { done, total } }),
    });
    if (result.summary.replications === 0 && result.failures.length > 0)
      throw new Error(`replication ${result.failures[0]!.replication} failed: ${result.failures[0]!.error.split('\n')[0]}`);
    useToday.setState({ status: 'done', result });
  } catch (e) {
    useToday.setState({ status: 'failed', error: { source: `${source ?? 'the snapshot'} against ${choice.label}`, problems: problemsOf(e) } });
  }
}
