/** "Snapshot of this moment": the hospital as the shown run's replay has it now, opened in Today to forecast from. */
import { clockText } from '../format/time.js';
import { usePlayback } from '../store/playback.js';
import { runById, useRuns } from '../store/runs.js';
import { snapshotOfReplay, useToday } from './today-actions.js';

export function SnapshotOfReplayButton({ className }: { className?: string }) {
  const run = runById(useRuns((s) => s.shown));
  const time = usePlayback((s) => s.time);
  const status = useToday((s) => s.status);
  if (!run?.replay) return null;
  const when = clockText(run.scenario.start, Math.floor(time));
  return (
    <button
      className={className}
      data-testid="snapshot-of-replay"
      disabled={status === 'taking' || status === 'running'}
      title={`The hospital at ${when} in run ${run.id}, replication 1 (what the replay shows), as a snapshot to forecast from`}
      onClick={() => void snapshotOfReplay(run)}
    >
      {status === 'taking' ? 'Taking the snapshot…' : `Snapshot at ${when} (run ${run.id}) → Today`}
    </button>
  );
}
