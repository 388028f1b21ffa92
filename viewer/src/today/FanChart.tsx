/**
 * A fan chart of a forecast: the 80% band (p10 to p90 across replications)
 * shaded, the median as a line, and the capacity (beds) as a dashed line.
 * Along the bottom the start's weekday and time, then each midnight's weekday
 * and date; up the side whole numbers of beds or patients, in round steps.
 */
import { dateParts } from '../format/time.js';
import { dateText, whenText } from './today-words.js';

export interface FanPoint {
  hour: number;
  p10: number;
  p50: number;
  p90: number;
}

const W = 360;
const H = 160;
const PAD = { left: 34, right: 10, top: 10, bottom: 24 };
/** About how wide a label of n characters is at font size 10. */
const labelPx = (text: string): number => text.length * 5.6;

/** Whole steps (1, 2, 5, 10, 20, 25, 50, …) giving at most 4 gridlines up to `top`. */
export function wholeSteps(top: number): number[] {
  const steps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];
  const step = steps.find((s) => top / s <= 4) ?? Math.ceil(top / 4);
  return Array.from({ length: Math.floor(top / step) + 1 }, (_, k) => k * step);
}

/** Labels along the time axis: the start ("Mon 07:00"), then each midnight ("Tue 3 Mar", or "Tue 3" when days are narrow) that has room. */
export function timeTicks(asOf: string, hours: number, widthPx: number): { hour: number; label: string }[] {
  const pxPerHour = widthPx / Math.max(1, hours);
  const first = (24 * 60 - dateParts(asOf.slice(0, 16), 0).minuteOfDay) / 60;
  const short = pxPerHour * 24 < labelPx('Tue 30 Mar') + 8;
  const out = [{ hour: 0, label: whenText(asOf, 0) }];
  let lastEnd = labelPx(out[0]!.label) / 2;
  for (let h = first % 24 === 0 ? 24 : first; h <= hours; h += 24) {
    const full = dateText(asOf, h);
    const label = short ? full.replace(/ \w+$/, '') : full;
    const x = h * pxPerHour;
    if (x - labelPx(label) / 2 < lastEnd + 6) continue;
    out.push({ hour: h, label });
    lastEnd = x + labelPx(label) / 2;
  }
  return out;
}

export function FanChart({
  title,
  points,
  capacity,
  unit,
  testId,
  asOf,
  summary,
}: {
  title: string;
  points: FanPoint[];
  capacity?: number;
  unit: string;
  testId: string;
  asOf: string;
  /** What the chart says, for a screen reader (the headline sentence). */
  summary: string;
}) {
  const hours = Math.max(1, ...points.map((p) => p.hour));
  const ticks = wholeSteps(Math.max(1, capacity ?? 0, ...points.map((p) => p.p90)));
  const top = Math.max(1, capacity ?? 0, ...points.map((p) => p.p90), ticks[ticks.length - 1]!) * 1.06;
  const plotWidth = W - PAD.left - PAD.right;
  const px = (h: number): number => PAD.left + (h / hours) * plotWidth;
  const py = (v: number): number => H - PAD.bottom - (v / top) * (H - PAD.top - PAD.bottom);
  const band = [
    ...points.map((p) => `${px(p.hour).toFixed(1)},${py(p.p90).toFixed(1)}`),
    ...[...points].reverse().map((p) => `${px(p.hour).toFixed(1)},${py(p.p10).toFixed(1)}`),
  ].join(' ');
  const median = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${px(p.hour).toFixed(1)},${py(p.p50).toFixed(1)}`).join(' ');
  const anchor = (x: number, label: string): 'start' | 'middle' | 'end' =>
    x - labelPx(label) / 2 < 2 ? 'start' : x + labelPx(label) / 2 > W - 2 ? 'end' : 'middle';
  return (
    <figure className="fan" data-testid={testId}>
      <figcaption>
        <strong>{title}</strong>
        <span className="muted">
          {' '}
          · {capacity !== undefined ? `${capacity} beds · ` : ''}
          {unit}
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary}>
        {ticks.map((v) => (
          <g key={v} className="fan-y">
            <line x1={PAD.left} x2={W - PAD.right} y1={py(v)} y2={py(v)} stroke="#e3e7ec" />
            <text x={PAD.left - 4} y={py(v) + 4} textAnchor="end" fontSize="10" fill="#3e4955">
              {v}
            </text>
          </g>
        ))}
        {timeTicks(asOf, hours, plotWidth).map(({ hour, label }) => (
          <g key={hour} className="fan-x">
            <line x1={px(hour)} x2={px(hour)} y1={PAD.top} y2={H - PAD.bottom} stroke="#eef0f3" />
            <text x={px(hour)} y={H - 8} textAnchor={anchor(px(hour), label)} fontSize="10" fill="#3e4955">
              {label}
            </text>
          </g>
        ))}
        <polygon points={band} fill="#9fb8d3" opacity={0.65} data-testid={`${testId}-band`} />
        <path d={median} fill="none" stroke="#1f4e79" strokeWidth={2} data-testid={`${testId}-median`} />
        {capacity !== undefined && (
          <line
            x1={PAD.left}
            x2={W - PAD.right}
            y1={py(capacity)}
            y2={py(capacity)}
            stroke="#b03a2e"
            strokeDasharray="5 3"
            strokeWidth={1.5}
            data-testid={`${testId}-capacity`}
          />
        )}
      </svg>
    </figure>
  );
}
