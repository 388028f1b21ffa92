/**
 * Comparing two scenarios: both run with the same seed, replications and
 * horizon (common random numbers), at once in two workers, reusing a run that
 * already has those settings; then paired differences B - A.
 */
import { compareResults } from '../../../workers/index.js';
import { executeRun } from '../model/run-actions.js';
import { runEnd } from '../model/prepare-run.js';
import type { RunSettings } from '../model/runner.js';
import { useCompare } from '../store/compare.js';
import { setTimeline, usePlayback } from '../store/playback.js';
import { findRun, runById, type RunRecord } from '../store/runs.js';
import { useView } from '../store/view.js';

export async function runComparison(aKey: string, bKey: string, settings: RunSettings): Promise<void> {
  if (useCompare.getState().status === 'running') return;
  useCompare.setState({ aKey, bKey, status: 'running', progress: [0, 0], diff: null, message: null, settings });
  useView.setState({ mode: 'compare', selection: null });
  try {
    const side = (key: string, lane: 0 | 1): Promise<RunRecord | null> => {
      const cached = findRun(key, settings);
      if (cached) return Promise.resolve(cached);
      return executeRun(
        key,
        settings,
        (done) => useCompare.setState((s) => ({ progress: (lane === 0 ? [done, s.progress[1]] : [s.progress[0], done]) as [number, number] })),
        lane,
        false,
      );
    };
    const [a, b] = await Promise.all([side(aKey, 0), side(bKey, 1)]);
    if (!a || !b) throw new Error('a run was cancelled or failed');
    showComparison(a, b);
  } catch (e) {
    useCompare.setState({ status: 'failed', message: e instanceof Error ? e.message : String(e) });
  }
}

/** Shows two finished runs side by side (they must share seed and replications). */
export function showComparison(a: RunRecord, b: RunRecord): void {
  const diff = compareResults(a.result, b.result);
  useCompare.setState({ aKey: a.key, bKey: b.key, aRun: a.id, bRun: b.id, diff, status: 'done', message: null });
  useView.setState({ mode: 'compare', selection: null });
  const end = Math.max(runEnd(a.scenario), runEnd(b.scenario));
  setTimeline(end, Math.min(a.scenario.warmupDays, b.scenario.warmupDays) * 1440);
  usePlayback.setState({ playing: false });
}

export function comparedRuns(): [RunRecord | undefined, RunRecord | undefined] {
  const { aRun, bRun } = useCompare.getState();
  return [runById(aRun), runById(bRun)];
}
