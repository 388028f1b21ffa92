/** The story and figures of what was clicked: a patient, or a bed, room, device or staff station. */
import { useMemo } from 'react';
import { contextOf, figureInfo, intervalText, valueText } from '../format/figure-text.js';
import { clockText, durationText } from '../format/time.js';
import { patientStory, slotStory, SLOT_STATE_NAMES, slotStateAt } from '../replay/index.js';
import { seek, usePlayback } from '../store/playback.js';
import type { RunRecord } from '../store/runs.js';
import { useView } from '../store/view.js';

function ResourceFigures({ run, resource }: { run: RunRecord; resource: string }) {
  const ids = Object.keys(run.result.figures).filter((id) => id.split('.').includes(resource));
  if (ids.length === 0) return null;
  const ctx = contextOf(run.scenario);
  return (
    <table className="mini">
      <tbody>
        {ids.map((id) => {
          const f = run.result.figures[id]!;
          const info = figureInfo(id, ctx);
          return (
            <tr key={id}>
              <td title={id}>{info.label}</td>
              <td className="num">{valueText(info, f.mean)}</td>
              <td className="ci">{intervalText(info, f.ci95)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function SelectionCard({ runs }: { runs: (RunRecord | undefined)[] }) {
  const selection = useView((s) => s.selection);
  const time = usePlayback((s) => s.time);
  const run = selection ? runs[selection.side] : undefined;
  const story = useMemo(() => {
    if (!selection || !run?.replay) return null;
    if (selection.kind === 'patient') return { kind: 'patient' as const, story: patientStory(run.result.trace!, selection.id) };
    return { kind: 'slot' as const, story: slotStory(run.replay, selection.id) };
  }, [selection, run]);
  if (!selection || !run?.replay || !story) return null;
  const start = run.scenario.start;
  const close = (): void => useView.setState({ selection: null });
  const lines = story.story.lines;
  return (
    <aside className="selection" data-testid="selection">
      <button className="close" onClick={close} aria-label="Close">
        ×
      </button>
      {story.kind === 'patient' ? (
        <>
          <h3>
            Patient #{story.story.entity} · {story.story.className}
          </h3>
          <p>
            {Object.entries(story.story.attributes).map(([k, v]) => `${k} ${v}`).join(', ')}
            {Object.keys(story.story.attributes).length > 0 ? ' · ' : ''}
            in the hospital {durationText((Number.isNaN(story.story.left) ? run.replay.endTime : story.story.left) - story.story.arrived)} · waited {durationText(story.story.waited)} · {story.story.outcome}
          </p>
        </>
      ) : (
        <>
          <h3>
            {story.story.title}
          </h3>
          <p>
            Now {SLOT_STATE_NAMES[slotStateAt(run.replay, story.story.slot, time)]} · {story.story.uses} patients in this replication
          </p>
          <ResourceFigures run={run} resource={story.story.resource} />
        </>
      )}
      <ol className="story">
        {lines.map((l, i) => (
          <li key={i} className={l.t <= time ? 'past' : 'future'}>
            <button className="link" onClick={() => seek(l.t)}>
              {clockText(start, l.t)}
            </button>{' '}
            {l.text}
          </li>
        ))}
      </ol>
    </aside>
  );
}
