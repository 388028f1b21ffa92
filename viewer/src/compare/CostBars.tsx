/** Cost by type for A and B as bars, with the paired difference B − A and its 95% CI beside each. */
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
  const pct = (v: number): string => `${(Math.max(0, v) / max) * 100}%`;
  return (
    <figure className="cost-bars" data-testid="cost-bars">
      <figcaption>
        Cost by type <span style={{ color: A_COLOUR }}>■ A</span> <span style={{ color: B_COLOUR }}>■ B</span> <span className="muted">B − A [95% CI]</span>
      </figcaption>
      {rows.map((r) => (
        <div key={r.id} className="cost-row" data-testid={`cost-${r.id}`}>
          <span className="cost-label">{r.label}</span>
          <span className="cost-bars-pair">
            <i className="bar" style={{ width: pct(r.d?.meanA ?? 0), background: A_COLOUR }} title={r.d ? `A ${formatFigure(r.id, r.d.meanA)}` : ''} />
            <i className="bar" style={{ width: pct(r.d?.meanB ?? 0), background: B_COLOUR }} title={r.d ? `B ${formatFigure(r.id, r.d.meanB)}` : ''} />
          </span>
          <span className={`cost-diff${r.d?.significant ? ' significant' : ''}`}>
            {r.d ? (
              <>
                {formatFigure(r.id, r.d.mean, true)}
                {r.d.significant ? ' *' : ''}
                <br />
                <span className="ci">
                  [{formatFigure(r.id, r.d.ci95[0], true)} – {formatFigure(r.id, r.d.ci95[1], true)}]
                </span>
              </>
            ) : (
              'not in both'
            )}
          </span>
        </div>
      ))}
    </figure>
  );
}
