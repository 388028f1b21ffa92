/**
 * The story and figures of what was clicked (a patient, or a bed, room,
 * device or staff station), beside the scene so it hides nothing: the events
 * around the moment shown, in words, each saying how long ago or how soon.
 */
import { useMemo } from 'react';
import { plainId } from '../../../scenarios/index.js';
import { contextOf, figureInfo, intervalText, valueText } from '../format/figure-text.js';
import { clockText, durationText } from '../format/time.js';
import { patientStory, slotStory, SLOT_STATE_NAMES, slotStateAt, storyAround, type StoryLine } from '../replay/index.js';
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
              <td className="ci" data-signed={info.nonNegative ? undefined : 'true'}>
                {intervalText(info, f.ci95)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Resource and class ids in the run's plain names. */
function namer(run: RunRecord): (id: string) => string {
  const names = new Map<string, string>();
  for (const b of run.replay?.layout.blocks ?? []) names.set(b.name, b.label);
  for (const c of run.scenario.patientClasses) names.set(c.id, c.name ?? plainId(c.id));
  return (id) => names.get(id) ?? plainId(id);
}

function When({ line, time, start }: { line: StoryLine; time: number; start: string }) {
  const d = line.t - time;
  const rel = Math.abs(d) < 1 ? 'now' : d < 0 ? `${durationText(-d)} ago` : `in ${durationText(d)}`;
  return (
    <button className="link" onClick={() => seek(line.t)} title={`Go to ${clockText(start, line.t)}`}>
      {rel}
    </button>
  );
}

export function SelectionCard({ runs }: { runs: (RunRecord | undefined)[] }) {
  const selection = useView((s) => s.selection);
  const time = usePlayback((s) => s.time);
  const run = selection ? runs[selection.side] : undefined;
  const story = useMemo(() => {
    if (!selection || !run?.replay) return null;
    const nameOf = namer(run);
    if (selection.kind === 'patient') return { kind: 'patient' as const, story: patientStory(run.result.trace!, selection.id, nameOf) };
    return { kind: 'slot' as const, story: slotStory(run.replay, selection.id, nameOf) };
  }, [selection, run]);
  if (!selection || !run?.replay || !story) return null;
  const start = run.scenario.start;
  const close = (): void => useView.setState({ selection: null });
  const around = storyAround(story.story.lines, time);
  return (
    <section className="selection" data-testid="selection" aria-label="Selected in the scene">
      <button className="close" onClick={close} aria-label="Close the selection">
        ×
      </button>
      {story.kind === 'patient' ? (
        <>
          <h3>
            Patient #{story.story.entity} · {story.story.className}
          </h3>
          <p>
            {Object.entries(story.story.attributes)
              .map(([k, v]) => `${k} ${v}`)
              .join(', ')}
            {Object.keys(story.story.attributes).length > 0 ? ' · ' : ''}
            in the hospital {durationText((Number.isNaN(story.story.left) ? run.replay.endTime : story.story.left) - story.story.arrived)} · waited{' '}
            {durationText(story.story.waited)} · {story.story.outcome}
          </p>
        </>
      ) : (
        <>
          <h3>{story.story.title}</h3>
          <p>
            Now {SLOT_STATE_NAMES[slotStateAt(run.replay, story.story.slot, time)]} · {story.story.uses} patients in this replication
          </p>
          <ResourceFigures run={run} resource={story.story.resource} />
        </>
      )}
      {around.earlier > 0 && <p className="muted small">{around.earlier} earlier events</p>}
      <ol className="story">
        {around.past.map((l, i) => (
          <li key={`p${i}`} className="past">
            <When line={l} time={time} start={start} /> {l.text}
          </li>
        ))}
        <li className="now" aria-label={`Now: ${clockText(start, time)}`}>
          now · {clockText(start, time)}
        </li>
        {around.future.map((l, i) => (
          <li key={`f${i}`} className="future">
            <When line={l} time={time} start={start} /> {l.text}
          </li>
        ))}
      </ol>
      {around.later > 0 && <p className="muted small">{around.later} later events</p>}
    </section>
  );
}
