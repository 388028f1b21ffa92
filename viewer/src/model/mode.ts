/**
 * Switching between "Run and replay" and "Compare scenarios": each view's
 * timeline spans its own runs, so a 365-day run replays to its end after a
 * shorter comparison (and the other way round). The time shown stays where it
 * was when the new view covers it.
 */
import { comparedRuns } from '../compare/compare-actions.js';
import { clock, setTimeline, usePlayback } from '../store/playback.js';
import { runById, useRuns } from '../store/runs.js';
import { useView, type ViewMode } from '../store/view.js';
import { runEnd } from './prepare-run.js';

export function setMode(mode: ViewMode): void {
  useView.setState({ mode, selection: null });
  usePlayback.setState({ playing: false });
  if (mode !== 'compare') {
    const run = runById(useRuns.getState().shown);
    if (run) setTimeline(runEnd(run.scenario), run.scenario.warmupDays * 1440, clock.time);
    return;
  }
  const [a, b] = comparedRuns();
  if (a && b) setTimeline(Math.max(runEnd(a.scenario), runEnd(b.scenario)), Math.min(a.scenario.warmupDays, b.scenario.warmupDays) * 1440, clock.time);
}
