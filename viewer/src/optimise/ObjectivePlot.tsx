/**
 * Objective against evaluations: each evaluation's mean (hollow where it
 * misses a constraint on its mean) and the best so far as a line, against
 * replications used; the selection stage shaded.
 */
import type { OptimiseHistoryPoint } from './optimise-file.js';

const W = 640;
const H = 260;
const PAD = { left: 70, right: 12, top: 12, bottom: 36 };
const fmt = new Intl.NumberFormat('en-GB', { maximumSignificantDigits: 4 });

export function ObjectivePlot({ history, objective }: { history: OptimiseHistoryPoint[]; objective: string }) {
  const pts = history.filter((h) => Number.isFinite(h.mean));
  if (pts.length === 0) return <p className="muted">No evaluation to plot.</p>;
  const xs = pts.map((p) => p.used);
  const ys = pts.flatMap((p) => (Number.isFinite(p.bestMean) ? [p.mean, p.bestMean] : [p.mean]));
  const x0 = 0;
  const x1 = Math.max(...xs, 1);
  let y0 = Math.min(...ys);
  let y1 = Math.max(...ys);
  if (y1 === y0) [y0, y1] = [y0 - 1, y1 + 1];
  const margin = (y1 - y0) * 0.05;
  y0 -= margin;
  y1 += margin;
  const px = (x: number): number => PAD.left + ((x - x0) / (x1 - x0)) * (W - PAD.left - PAD.right);
  const py = (y: number): number => H - PAD.bottom - ((y - y0) / (y1 - y0)) * (H - PAD.top - PAD.bottom);
  const best = pts.filter((p) => Number.isFinite(p.bestMean));
  const line = best.map((p, i) => `${i === 0 ? 'M' : 'L'}${px(p.used).toFixed(1)},${py(p.bestMean).toFixed(1)}`).join(' ');
  const selStart = pts.find((p) => p.phase === 'selection')?.used;
  const yTicks = [0, 0.25, 0.5, 0.75, 1].map((t) => y0 + t * (y1 - y0));
  const xTicks = [0, 0.25, 0.5, 0.75, 1].map((t) => Math.round(x0 + t * (x1 - x0)));
  return (
    <figure className="objective-plot" data-testid="optimise-plot">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${objective} of each evaluation and the best so far, against replications used`}>
        {selStart !== undefined && <rect x={px(selStart)} y={PAD.top} width={px(x1) - px(selStart)} height={H - PAD.top - PAD.bottom} fill="#f3f0e6" />}
        {yTicks.map((y) => (
          <g key={`y${y}`}>
            <line x1={PAD.left} x2={W - PAD.right} y1={py(y)} y2={py(y)} stroke="#e3e7ec" />
            <text x={PAD.left - 6} y={py(y) + 4} textAnchor="end" fontSize="11" fill="#3e4955">
              {fmt.format(y)}
            </text>
          </g>
        ))}
        {xTicks.map((x) => (
          <text key={`x${x}`} x={px(x)} y={H - PAD.bottom + 16} textAnchor="middle" fontSize="11" fill="#3e4955">
            {x}
          </text>
        ))}
        <text x={(PAD.left + W - PAD.right) / 2} y={H - 4} textAnchor="middle" fontSize="12" fill="#3e4955">
          replications used
        </text>
        <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={H - PAD.bottom} stroke="#56616d" />
        <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} stroke="#56616d" />
        {pts.map((p, i) => (
          <circle
            key={i}
            cx={px(p.used)}
            cy={py(p.mean)}
            r={3.5}
            fill={p.feasible ? '#4f739b' : '#fff'}
            stroke="#4f739b"
            strokeWidth={1.5}
            data-testid="optimise-point"
          />
        ))}
        <path d={line} fill="none" stroke="#c46a12" strokeWidth={2} data-testid="optimise-best-line" />
      </svg>
      <figcaption className="small">
        <i className="swatch dot" style={{ background: '#4f739b' }} /> an evaluation's mean of {objective} (hollow: misses a constraint on its mean) ·{' '}
        <i className="swatch line" style={{ background: '#c46a12' }} /> best so far
        {selStart !== undefined ? ' · shaded: the final selection' : ''}
      </figcaption>
    </figure>
  );
}
