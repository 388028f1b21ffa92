/**
 * The "Today" mode's state: a hospital snapshot loaded from a file (our JSON
 * format, scenarios/state/), the scenario it is read against (the built-in
 * it names, else the scenario picked), and its forecast run in the worker.
 */
import { create } from 'zustand';
import { parseState, ScenarioError, type HospitalState } from '../../../scenarios/index.js';
import { forecastInWorker, type BrowserForecastResult } from '../model/runner.js';
import { choiceByKey, useScenarios } from '../store/scenarios.js';

export interface TodayProblem {
  source: string;
  problems: string[];
}

interface TodayState {
  state: HospitalState | null;
  source: string | null;
  scenarioKey: string | null;
  status: 'idle' | 'running' | 'done' | 'failed';
  progress: { done: number; total: number };
  result: BrowserForecastResult | null;
  error: TodayProblem | null;
}

export const useToday = create<TodayState>(() => ({
  state: null,
  source: null,
  scenarioKey: null,
  status: 'idle',
  progress: { done: 0, total: 0 },
  result: null,
  error: null,
}));

function problemsOf(e: unknown): string[] {
  if (e instanceof ScenarioError) return e.issues.map((i) => `${i.path || '(document)'}: ${i.message}`);
  return [e instanceof Error ? e.message : String(e)];
}

/** The built-in the snapshot names, if there is one; else the scenario picked now. */
function scenarioKeyFor(state: HospitalState): string | null {
  if (state.scenario && choiceByKey(`builtin:${state.scenario}`)) return `builtin:${state.scenario}`;
  return useScenarios.getState().selected;
}

export async function loadSnapshot(file: File): Promise<void> {
  let state: HospitalState;
  try {
    const text = await file.text();
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      throw new Error(`cannot be read as JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
    state = parseState(doc, file.name);
  } catch (e) {
    useToday.setState({ error: { source: file.name, problems: problemsOf(e) } });
    return;
  }
  useToday.setState({ state, source: file.name, scenarioKey: scenarioKeyFor(state), result: null, error: null, status: 'idle' });
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
      onProgress: (done, total) => useToday.setState({ progress: { done, total } }),
    });
    if (result.summary.replications === 0 && result.failures.length > 0)
      throw new Error(`replication ${result.failures[0]!.replication} failed: ${result.failures[0]!.error.split('\n')[0]}`);
    useToday.setState({ status: 'done', result });
  } catch (e) {
    useToday.setState({ status: 'failed', error: { source: `${source ?? 'the snapshot'} against ${choice.label}`, problems: problemsOf(e) } });
  }
}
