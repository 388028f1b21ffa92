/** Cost by type for A and B as bars, with the paired difference B − A, its 95% CI, and what drove it. */
import type { FigureContext } from '../../../scenarios/index.js';
import type { FigureDifference } from '../../../workers/index.js';
import { differenceIntervalText, differenceText, figureInfo, valueText, verdictOf } from '../format/figure-text.js';
import type { CostDriver } from './verdict.js';

export const COST_TYPES: [string, string][] = [
  ['staff', 'Staff'],
  ['overtime', 'Overtime'],
  ['roomsAndDevices', 'Rooms and devices'],
  ['beds', 'Beds'],
  ['consumables', 'Consumables'],
  ['penalties', 'Penalties'],
];

export const A_COLOUR = '#4f739b';
export const B_COLOUR = '#c46a12';

export function CostBars({ diff, ctx, drivers }: { diff: Record<string, FigureDifference>; ctx: FigureContext; drivers: CostDriver[] }) {
  const rows = COST_TYPES.map(([type, label]) => ({ type, id: `cost.${type}`, label, d: diff[`cost.${type}`] }));
  const max = Math.max(1, ...rows.flatMap((r) => (r.d ? [r.d.meanA, r.d.meanB] : [])));
  const pct = (v: number): string => `${(Math.max(0, v) / max) * 100}%`;
  return (
    <figure className="cost-bars" data-testid="cost-bars">
      <figcaption>
        Cost by type <i className="swatch box" style={{ background: A_COLOUR }} /> A <i className="swatch box" style={{ background: B_COLOUR }} /> B{' '}
        <span className="muted">B − A and its 95% CI</span>
      </figcaption>
      {rows.map((r) => {
        const info = figureInfo(r.id, ctx);
        const tone = r.d ? verdictOf(info, r.d.mean, r.d.significant) : 'neutral';
        const why = drivers.find((x) => x.type === r.type);
        return (
          <div key={r.id} className="cost-row" data-testid={`cost-${r.id}`}>
            <span className="cost-label">{r.label}</span>
            <span className="cost-bars-pair">
              <i className="bar" style={{ width: pct(r.d?.meanA ?? 0), background: A_COLOUR }} title={r.d ? `A ${valueText(info, r.d.meanA)}` : ''} />
              <i className="bar" style={{ width: pct(r.d?.meanB ?? 0), background: B_COLOUR }} title={r.d ? `B ${valueText(info, r.d.meanB)}` : ''} />
            </span>
            <span className={`cost-diff${r.d?.significant ? ' significant' : ''} ${tone}`}>
              {r.d ? (
                <>
                  {differenceText(info, r.d.mean)}
                  {r.d.significant ? ' *' : ''}
                  <span className="ci">{differenceIntervalText(info, r.d.ci95)}</span>
                </>
              ) : (
                'not in both'
              )}
            </span>
            {why && <span className="cost-why">{why.text}</span>}
          </div>
        );
      })}
    </figure>
  );
}
