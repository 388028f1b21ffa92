/**
 * Time control across the whole window: play, speed, the date, next peak of a
 * chosen measure, and a full-width scrubber with day, week and month marks.
 * Keys on the scrubber: ← → an hour, Shift+← → or Page Up/Down a day,
 * Home/End the start and end; it announces the date, not raw minutes.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { nextPeak, type RunSeries } from '../replay/index.js';
import { clockText, dateParts, dayOfText, spokenDate } from '../format/time.js';
import { timelineTicks } from '../format/ticks.js';
import { clock, seek, SPEEDS, usePlayback } from '../store/playback.js';
import { useView } from '../store/view.js';

const HOUR = 60;
const DAY = 1440;
/** The thumb's width (styles.css): ticks line up with the thumb's centre. */
const THUMB = 16;

function useWidth(): [React.RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    setWidth(el.clientWidth);
    return () => ro.disconnect();
  }, []);
  return [ref, width];
}

function onKey(e: KeyboardEvent<HTMLInputElement>): void {
  const t = clock.time;
  const { end } = usePlayback.getState();
  const step: Record<string, number> = { ArrowLeft: -HOUR, ArrowDown: -HOUR, ArrowRight: HOUR, ArrowUp: HOUR, PageDown: -DAY, PageUp: DAY };
  let to: number | null = null;
  if (e.key in step) to = t + step[e.key]! * (e.shiftKey && e.key.startsWith('Arrow') ? DAY / HOUR : 1);
  else if (e.key === 'Home') to = 0;
  else if (e.key === 'End') to = end;
  if (to === null) return;
  e.preventDefault();
  seek(to);
}

export function Timeline({ start, series }: { start: string; series: RunSeries | null }) {
  const { time, playing, speed, end, warmupEnd } = usePlayback();
  const peakMeasure = useView((s) => s.peakMeasure);
  const [trackRef, width] = useWidth();
  const ids = useId();
  const measures = useMemo(
    () =>
      series
        ? series.charts.flatMap((c) =>
            c.series
              .filter((s) => s.id !== 'orOpen')
              .map((s) => ({ id: s.id, label: c.series.length === 1 ? c.title : `${c.title}: ${s.label}`, values: s.values })),
          )
        : [],
    [series],
  );
  const measure = measures.find((m) => m.id === peakMeasure) ?? measures[0];
  const peak = series && measure ? nextPeak(measure.values, series.step, time) : null;
  const ticks = useMemo(() => timelineTicks(start, end, Math.max(0, width - 68 - THUMB)), [start, end, width]);
  const x = (t: number): string => `calc(${THUMB / 2}px + (100% - ${THUMB}px) * ${t / Math.max(1, end)})`;
  return (
    <div className="timeline" data-testid="timeline" role="group" aria-label="Replay time">
      <div className="timeline-controls">
        <button
          className="play"
          data-testid="play"
          onClick={() => usePlayback.setState({ playing: !playing, time: clock.time })}
          aria-label={playing ? 'Pause the replay' : 'Play the replay'}
        >
          {playing ? '❚❚ Pause' : '▶ Play'}
        </button>
        <label className="speed">
          Speed{' '}
          <select data-testid="speed" value={speed} onChange={(e) => usePlayback.setState({ speed: Number(e.target.value) })}>
            {SPEEDS.map((s, i) => (
              <option key={s.label} value={i}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <div className="clock" data-testid="clock" aria-live="off">
          <strong>{clockText(start, time)}</strong>{' '}
          <span>
            {dateParts(start, time).year} · {dayOfText(time, end)}
            {time < warmupEnd ? ' · warm-up (not counted in figures)' : ''}
          </span>
        </div>
        <span className="spacer" />
        {measures.length > 0 && (
          <label className="peak-measure">
            Peaks of{' '}
            <select data-testid="peak-measure" value={measure?.id ?? ''} onChange={(e) => useView.setState({ peakMeasure: e.target.value })}>
              {measures.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </select>
          </label>
        )}
        <button
          data-testid="next-peak"
          disabled={peak === null}
          onClick={() => peak !== null && seek(peak)}
          title={measure ? `Jump to the next hour when ${measure.label.toLowerCase()} peaks` : ''}
        >
          Next peak →
        </button>
      </div>
      <div className="scrub" ref={trackRef}>
        <label htmlFor={`${ids}-time`} className="visually-hidden">
          Replay time
        </label>
        <input
          id={`${ids}-time`}
          type="range"
          data-testid="scrubber"
          min={0}
          max={end}
          step={1}
          value={Math.round(time)}
          aria-valuetext={`${spokenDate(start, time)}, ${dayOfText(time, end)}`}
          onKeyDown={onKey}
          onChange={(e) => seek(Number(e.target.value))}
          style={{ background: `linear-gradient(to right, #c9ced6 ${(warmupEnd / Math.max(1, end)) * 100}%, #e3e8ee 0)` }}
        />
        <div className="ticks" aria-hidden="true">
          {ticks.map((k) => (
            <span key={k.t} className={k.major ? 'tick-mark major' : 'tick-mark'} style={{ left: x(k.t) }}>
              {k.label && <span className="tick-label">{k.label}</span>}
            </span>
          ))}
        </div>
      </div>
    </div>
  );
}
