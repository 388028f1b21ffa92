/**
 * A small SVG line chart over simulated time, with the playback time as a
 * cursor; a click seeks there. Only the cursor follows the time: the lines are
 * drawn again only when the run or the timeline changes, not a few times a
 * second while the replay plays.
 */
import { memo } from 'react';
import type { Chart } from '../replay/index.js';
import { formatNumber } from '../format/number.js';
import { usePlayback } from '../store/playback.js';

const W = 320;
const H = 96;
const PAD = { l: 34, r: 6, t: 6, b: 16 };

/** A horizontal reference: a capacity or a target. */
export interface RefLine {
  value: number;
  label: string;
  colour: string;
}

export interface ChartLine {
  label: string;
  colour: string;
  values: Float32Array;
  dashed?: boolean;
}

function path(values: Float32Array, step: number, max: number, end: number): string {
  const x = (t: number): number => PAD.l + (t / end) * (W - PAD.l - PAD.r);
  const y = (v: number): number => PAD.t + (1 - v / max) * (H - PAD.t - PAD.b);
  // At most ~2 points per pixel: take the max of each bucket so peaks survive.
  const per = Math.max(1, Math.floor(values.length / ((W - PAD.l - PAD.r) * 2)));
  let d = '';
  for (let i = 0; i < values.length; i += per) {
    let v = 0;
    for (let k = i; k < Math.min(values.length, i + per); k++) v = Math.max(v, values[k]!);
    d += `${d ? 'L' : 'M'}${x((i + per / 2) * step).toFixed(1)},${y(v).toFixed(1)}`;
  }
  return d;
}

/** Rough width of a 9-unit label in the chart's units (for keeping labels apart). */
const labelWidth = (text: string): number => text.length * 5;

interface PlacedLabel {
  x0: number;
  x1: number;
  y: number;
}

/**
 * Where each reference line's words go: above its line (below, near the top),
 * or on the other side when another label already sits there ("target 85%"
 * and "capacity: all beds full" are 11 units apart on a 96-unit chart).
 */
function placeRefLabels(refs: readonly RefLine[], yOf: (v: number) => number): { x: number; y: number; anchor: 'start' | 'end' }[] {
  const placed: PlacedLabel[] = [];
  return refs.map((r, i) => {
    const right = i % 2 === 0;
    const x = right ? W - PAD.r - 2 : PAD.l + 2;
    const w = labelWidth(r.label);
    const [x0, x1] = right ? [x - w, x] : [x, x + w];
    const line = yOf(r.value);
    const above = line - 2;
    const below = line + 9;
    const candidates = line < PAD.t + 10 ? [below, above + 20] : [above, below];
    const clear = (y: number): boolean => placed.every((p) => p.x1 < x0 || p.x0 > x1 || Math.abs(p.y - y) >= 10);
    const y = candidates.find(clear) ?? candidates.find((c) => placed.every((p) => Math.abs(p.y - c) >= 10)) ?? candidates[0]!;
    placed.push({ x0, x1, y });
    return { x, y, anchor: right ? 'end' : 'start' };
  });
}

/** Day boundaries to label: about six of them. */
function dayTicks(end: number): number[] {
  const days = Math.floor(end / 1440);
  const every = Math.max(1, Math.ceil(days / 6));
  const out: number[] = [];
  for (let d = 0; d < days; d += every) out.push(d);
  return out;
}

/** The playback time as a vertical line: its own component, so a new time redraws it alone. */
function ChartCursor({ end }: { end: number }) {
  const time = usePlayback((s) => s.time);
  const x = PAD.l + (Math.min(time, end) / end) * (W - PAD.l - PAD.r);
  return <line x1={x} x2={x} y1={PAD.t} y2={H - PAD.b} stroke="#ff2d95" strokeWidth={1.5} />;
}

export const LineChart = memo(function LineChart({
  chart,
  lines,
  refs = [],
  step,
  end,
  warmupEnd = 0,
  onSeek,
}: {
  chart: Chart;
  lines: ChartLine[];
  refs?: RefLine[];
  step: number;
  end: number;
  /** The warm-up (not counted in the figures), shaded on the day axis. */
  warmupEnd?: number;
  onSeek: (t: number) => void;
}) {
  const share = chart.unit === 'share';
  let max = 1;
  for (const l of lines) for (const v of l.values) max = Math.max(max, v);
  for (const r of refs) max = Math.max(max, r.value);
  if (!share) max = Math.ceil(max);
  const yOf = (v: number): number => PAD.t + (1 - v / max) * (H - PAD.t - PAD.b);
  const xOf = (t: number): number => PAD.l + (Math.min(t, end) / end) * (W - PAD.l - PAD.r);
  const refLabels = placeRefLabels(refs, yOf);
  const warm = warmupEnd > 0 ? xOf(warmupEnd) : PAD.l;
  return (
    <figure className="chart" data-testid={`chart-${chart.id}`}>
      <figcaption>
        {chart.title}
        <span className="keys">
          {lines.map((l) => (
            <span key={l.label}>
              <i className={l.dashed ? 'swatch dashed' : 'swatch'} style={{ borderColor: l.colour }} /> {l.label}
            </span>
          ))}
        </span>
      </figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`${chart.title} over time${refs.length > 0 ? `, with ${refs.map((r) => r.label).join(' and ')}` : ''}${warmupEnd > 0 ? `; the first ${Math.round(warmupEnd / 1440)} days are warm-up, not counted in the figures` : ''}; click to move the replay there`}
        onClick={(e) => {
          const box = e.currentTarget.getBoundingClientRect();
          const fx = ((e.clientX - box.left) / box.width) * W;
          onSeek(((fx - PAD.l) / (W - PAD.l - PAD.r)) * end);
        }}
      >
        {warm > PAD.l && (
          <g data-testid="chart-warmup">
            <rect x={PAD.l} y={PAD.t} width={warm - PAD.l} height={H - PAD.t - PAD.b} fill="#eef1f4" />
            <rect x={PAD.l} y={H - PAD.b} width={warm - PAD.l} height={3} fill="#9aa5b1" />
            <text x={(PAD.l + warm) / 2} y={H - PAD.b - 3} textAnchor="middle" className="tick warmup">
              warm-up
            </text>
          </g>
        )}
        <line x1={PAD.l} x2={W - PAD.r} y1={H - PAD.b} y2={H - PAD.b} stroke="#b8c0ca" />
        <text x={PAD.l - 4} y={PAD.t + 8} textAnchor="end" className="tick">
          {share ? '100%' : formatNumber(max, 0)}
        </text>
        <text x={PAD.l - 4} y={H - PAD.b} textAnchor="end" className="tick">
          0
        </text>
        {dayTicks(end).map((day) => (
          <text key={day} x={PAD.l + ((day * 1440) / end) * (W - PAD.l - PAD.r)} y={H - 3} className="tick" textAnchor="middle">
            {day === 0 ? 'day 1' : day + 1}
          </text>
        ))}
        {refs.map((r, i) => (
          <g key={r.label}>
            <line x1={PAD.l} x2={W - PAD.r} y1={yOf(r.value)} y2={yOf(r.value)} stroke={r.colour} strokeDasharray="2 2" strokeWidth={1} />
            <text x={refLabels[i]!.x} y={refLabels[i]!.y} textAnchor={refLabels[i]!.anchor} className="tick ref" style={{ fill: r.colour }}>
              {r.label}
            </text>
          </g>
        ))}
        {/* The first line of the key is the main one: drawn last, on top. */}
        {[...lines].reverse().map((l) => (
          <path
            key={l.label}
            d={path(l.values, step, max, end)}
            fill="none"
            stroke={l.colour}
            strokeWidth={1.3}
            strokeDasharray={l.dashed ? '4 3' : undefined}
          />
        ))}
        <ChartCursor end={end} />
      </svg>
    </figure>
  );
});
