/** Time control: play, pause, speed, the scrubber, the clock and "next busy peak". */
import { nextPeak, type RunSeries } from '../replay/index.js';
import { clockText, dayText } from '../format/time.js';
import { clock, seek, SPEEDS, usePlayback } from '../store/playback.js';

export function Timeline({ start, series }: { start: string; series: RunSeries | null }) {
  const { time, playing, speed, end, warmupEnd } = usePlayback();
  const peak = series ? nextPeak(series.busy, series.step, time) : null;
  return (
    <div className="timeline">
      <button className="play" data-testid="play" onClick={() => usePlayback.setState({ playing: !playing, time: clock.time })} title={playing ? 'Pause' : 'Play'}>
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
      <div className="scrub">
        <input
          type="range"
          aria-label="Time"
          data-testid="scrubber"
          min={0}
          max={end}
          step={1}
          value={Math.round(time)}
          onChange={(e) => seek(Number(e.target.value))}
          style={{ background: `linear-gradient(to right, #c9ced6 ${(warmupEnd / Math.max(1, end)) * 100}%, #e9edf1 0)` }}
        />
      </div>
      <div className="clock" data-testid="clock" title={time < warmupEnd ? 'Warm-up: figures are not counted yet' : ''}>
        <strong>{clockText(start, time)}</strong> <span>{dayText(time)}{time < warmupEnd ? ' · warm-up' : ''}</span>
      </div>
      <button data-testid="next-peak" disabled={peak === null} onClick={() => peak !== null && seek(peak)} title="Jump to the next hour when the most patients are waiting">
        Next busy peak →
      </button>
    </div>
  );
}
