/** Runs done so far (results, replays, series), the one shown, and the run under way. */
import { create } from 'zustand';
import type { Scenario } from '../../../scenarios/index.js';
import type { BrowserExperimentResult, RunSettings } from '../model/runner.js';
import type { Replay, RunSeries } from '../replay/index.js';

export interface RunRecord {
  id: number;
  /** The scenario choice it ran. */
  key: string;
  label: string;
  scenario: Scenario;
  settings: RunSettings;
  result: BrowserExperimentResult;
  replay: Replay | null;
  series: RunSeries | null;
}

export type RunStatus = 'idle' | 'running' | 'cancelling' | 'done' | 'cancelled' | 'failed';

interface RunsState {
  runs: RunRecord[];
  shown: number | null;
  status: RunStatus;
  progress: { done: number; total: number };
  message: string | null;
  settings: RunSettings | null;
}

export const useRuns = create<RunsState>(() => ({ runs: [], shown: null, status: 'idle', progress: { done: 0, total: 0 }, message: null, settings: null }));

export function runById(id: number | null): RunRecord | undefined {
  return useRuns.getState().runs.find((r) => r.id === id);
}

/** A finished (not cancelled) run of the same scenario with the same settings, to reuse instead of running again. */
export function findRun(key: string, settings: RunSettings): RunRecord | undefined {
  return [...useRuns.getState().runs]
    .reverse()
    .find(
      (r) =>
        !r.result.cancelled &&
        r.key === key &&
        r.settings.replications === settings.replications &&
        r.settings.seed === settings.seed &&
        r.settings.horizonDays === settings.horizonDays,
    );
}
