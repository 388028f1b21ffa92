/**
 * Charts over time beside the scene: for one run, or for A (solid) and B
 * (dashed) in a comparison; with the capacity (all beds full) and the
 * scenario's targets as reference lines.
 */
import type { Scenario } from '../../../scenarios/index.js';
import type { RunSeries } from '../replay/index.js';
import { seek, usePlayback } from '../store/playback.js';
import { LineChart, type ChartLine, type RefLine } from './LineChart.js';

/** Chart id -> the scenario target that belongs on it. */
const TARGET_OF: Record<string, string> = { waiting: 'ed.waiting', occupancy: 'beds.occupancy' };

export function Charts({ a, b, scenario }: { a: RunSeries | null; b?: RunSeries | null; scenario?: Scenario }) {
  const end = usePlayback((s) => s.end);
  const warmupEnd = usePlayback((s) => s.warmupEnd);
  if (!a) return <p className="muted">No trace to chart.</p>;
  return (
    // Focusable: beside the figures table it scrolls within its part of the panel, and keyboards must reach it.
    <section className="charts" aria-label="Over time" tabIndex={0}>
      {a.charts.map((chart) => {
        const other = b?.charts.find((c) => c.id === chart.id);
        const lines: ChartLine[] = chart.series.map((s) => ({ label: b ? `A ${s.label}` : s.label, colour: s.colour, values: s.values }));
        if (other) for (const s of other.series) lines.push({ label: `B ${s.label}`, colour: s.colour, values: s.values, dashed: true });
        const refs: RefLine[] = [];
        if (chart.unit === 'share') refs.push({ value: 1, label: 'capacity: all beds full', colour: '#7a2b2b' });
        const targetId = TARGET_OF[chart.id];
        const target = targetId ? scenario?.targets?.[targetId] : undefined;
        if (target !== undefined)
          refs.push({ value: target, label: `target ${chart.unit === 'share' ? `${Math.round(target * 100)}%` : target}`, colour: '#1b7a3a' });
        return <LineChart key={chart.id} chart={chart} lines={lines} refs={refs} step={a.step} end={Math.max(1, end)} warmupEnd={warmupEnd} onSeek={seek} />;
      })}
    </section>
  );
}
