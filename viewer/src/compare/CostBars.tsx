/** Cost by type for A and B as bars, with the paired difference and its 95% CI beside each. */
import type { FigureDifference } from '../../../workers/compare.js';
import { formatFigure } from '../format/number.js';

export const COST_TYPES: [string, string][] = [
  ['staff', 'Staff'],
  ['overtime', 'Overtime'],
  ['roomsAndDevices', 'Rooms and devices'],
  ['beds', 'Beds'],
  ['consumables', 'Consumables'],
  ['penalties', 'Penalties'],
];

export const A_COLOUR = '#5b7fa6';
export const B_COLOUR = '#f28e2b';

export function CostBars({ diff }: { diff: Record<string, FigureDifference> }) {
  const rows = COST_TYPES.map(([type, label]) => ({ id: `cost.${type}`, label, d: diff[`cost.${type}`] }));
  const max = Math.max(1, ...rows.flatMap((r) => (r.d ? [r.d.meanA, r.d.meanB] : [])));
  const W = 300;
  const label = 92;
  const bar = 7;
  const rowH = 2 * bar + 14;
  const scale = (v: number): number => (Math.max(0, v) / max) * (W - label - 4);
  return (
    <figure className="cost-bars" data-testid="cost-bars">
      <figcaption>
        Cost by type <span style={{ color: A_COLOUR }}>■ A</span> <span style={{ color: B_COLOUR }}>■ B</span>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${rows.length * rowH}`}>
        {rows.map((r, i) => (
          <g key={r.id} transform={`translate(0 ${i * rowH})`}>
            <text x={0} y={bar + 3} className="tick">
              {r.label}
            </text>
            <rect x={label} y={0} width={scale(r.d?.meanA ?? 0)} height={bar} fill={A_COLOUR} />
            <rect x={label} y={bar + 1} width={scale(r.d?.meanB ?? 0)} height={bar} fill={B_COLOUR} />
            <text x={label} y={2 * bar + 10} className="tick">
              {r.d ? `${formatFigure(r.id, r.d.mean, true)} [${formatFigure(r.id, r.d.ci95[0], true)} – ${formatFigure(r.id, r.d.ci95[1], true)}]${r.d.significant ? ' *' : ''}` : 'not in both runs'}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
