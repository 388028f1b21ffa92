/**
 * A fan chart of a forecast: the 80% band (p10 to p90 across replications)
 * shaded, the median as a line, and the capacity (beds) as a dashed line;
 * hours from the snapshot along the bottom, marked every 24 hours.
 */
export interface FanPoint {
  hour: number;
  p10: number;
  p50: number;
  p90: number;
}

const W = 360;
const H = 150;
const PAD = { left: 34, right: 8, top: 8, bottom: 22 };

export function FanChart({ title, points, capacity, unit, testId }: { title: string; points: FanPoint[]; capacity?: number; unit: string; testId: string }) {
  const hours = Math.max(1, ...points.map((p) => p.hour));
  const top = Math.max(1, capacity ?? 0, ...points.map((p) => p.p90)) * 1.08;
  const px = (h: number): number => PAD.left + (h / hours) * (W - PAD.left - PAD.right);
  const py = (v: number): number => H - PAD.bottom - (v / top) * (H - PAD.top - PAD.bottom);
  const band = [
    ...points.map((p) => `${px(p.hour).toFixed(1)},${py(p.p90).toFixed(1)}`),
    ...[...points].reverse().map((p) => `${px(p.hour).toFixed(1)},${py(p.p10).toFixed(1)}`),
  ].join(' ');
  const median = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${px(p.hour).toFixed(1)},${py(p.p50).toFixed(1)}`).join(' ');
  const last = points[points.length - 1];
  const days = Array.from({ length: Math.floor(hours / 24) + 1 }, (_, d) => d * 24);
  const summary = last
    ? `${title}: in ${last.hour} hours median ${Math.round(last.p50)} ${unit}, 80% band ${Math.round(last.p10)} to ${Math.round(last.p90)}${capacity !== undefined ? `, capacity ${capacity}` : ''}`
    : title;
  return (
    <figure className="fan" data-testid={testId}>
      <figcaption>
        <strong>{title}</strong>
        {capacity !== undefined && <span className="muted"> · {capacity} beds</span>}
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary}>
        {[0, 0.5, 1].map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={py(t * top)} y2={py(t * top)} stroke="#e3e7ec" />
            <text x={PAD.left - 4} y={py(t * top) + 4} textAnchor="end" fontSize="10" fill="#3e4955">
              {Math.round(t * top)}
            </text>
          </g>
        ))}
        {days.map((h) => (
          <g key={h}>
            <line x1={px(h)} x2={px(h)} y1={PAD.top} y2={H - PAD.bottom} stroke="#eef0f3" />
            <text x={px(h)} y={H - 6} textAnchor="middle" fontSize="10" fill="#3e4955">
              {h === 0 ? 'now' : `+${h} h`}
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
