/** Charts over time beside the scene: for one run, or for A (solid) and B (dashed) in a comparison. */
import type { RunSeries } from '../replay/index.js';
import { seek, usePlayback } from '../store/playback.js';
import { LineChart, type ChartLine } from './LineChart.js';

export function Charts({ a, b }: { a: RunSeries | null; b?: RunSeries | null }) {
  const time = usePlayback((s) => s.time);
  const end = usePlayback((s) => s.end);
  if (!a) return <p className="muted">No trace to chart.</p>;
  return (
    <section className="charts">
      {a.charts.map((chart) => {
        const other = b?.charts.find((c) => c.id === chart.id);
        const lines: ChartLine[] = chart.series.map((s) => ({ label: b ? `A ${s.label}` : s.label, colour: s.colour, values: s.values }));
        if (other) for (const s of other.series) lines.push({ label: `B ${s.label}`, colour: s.colour, values: s.values, dashed: true });
        return <LineChart key={chart.id} chart={chart} lines={lines} step={a.step} end={Math.max(1, end)} time={time} onSeek={seek} />;
      })}
    </section>
  );
}
