/**
 * Paired differences B − A with their 95% intervals, by plain label: headline
 * figures first, then the biggest significant changes; any figure by search.
 * A significant change is coloured better (green) or worse (red) by the
 * figure's direction; the intervals of differences are never clipped.
 */
import { useId, useMemo, useState } from 'react';
import type { FigureContext } from '../../../scenarios/index.js';
import type { FigureDifference } from '../../../workers/index.js';
import { differenceIntervalText, differenceText, figureInfo, valueText, verdictOf } from '../format/figure-text.js';
import { searchFigures } from '../panels/figure-search.js';

const FIRST = ['cost.total', 'cost.perPatient', 'ed.within4h', 'ed.los.mean', 'ed.leftUnseenShare', 'boarding.hours', 'cancellations', 'overtime.hours'];

export function DifferencesPanel({ diff, n, ctx }: { diff: Record<string, FigureDifference>; n: number; ctx: FigureContext }) {
  const [filter, setFilter] = useState('');
  const searchId = useId();
  const ids = useMemo(() => {
    const all = Object.keys(diff);
    if (filter)
      return searchFigures(
        all.map((id) => ({ id, label: figureInfo(id, ctx).label })),
        filter,
      ).map((r) => r.id);
    const first = FIRST.filter((id) => id in diff);
    const rel = (d: FigureDifference): number => Math.abs(d.mean) / Math.max(1e-9, Math.abs(d.meanA), Math.abs(d.meanB));
    const changed = all
      .filter((id) => !first.includes(id) && diff[id]!.significant)
      .sort((a, b) => rel(diff[b]!) - rel(diff[a]!))
      .slice(0, 14);
    return [...first, ...changed];
  }, [diff, filter, ctx]);
  return (
    <section className="differences" data-testid="differences">
      <div className="row">
        <h2>Differences B − A</h2>
        <span className="muted">paired over {n} replications · bold = 95% CI excludes 0</span>
      </div>
      <label htmlFor={searchId} className="visually-hidden">
        Search differences by figure name or id
      </label>
      <input id={searchId} type="search" placeholder="Search all figures: 4-hour, boarding, cost…" value={filter} onChange={(e) => setFilter(e.target.value)} />
      <div className="scroll diff-list" tabIndex={0} role="region" aria-label="Differences B − A, figure by figure">
        <div className="diff-head" aria-hidden="true">
          <span>A</span>
          <span>B</span>
          <span>B − A [95% CI]</span>
        </div>
        {ids.map((id) => {
          const d = diff[id]!;
          const info = figureInfo(id, ctx);
          const tone = verdictOf(info, d.mean, d.significant);
          return (
            <div key={id} data-testid={`diff-${id}`} className={`diff-row${d.significant ? ' significant' : ''} ${tone}`}>
              <span className="id" title={`id for scripts: ${id}`}>
                {info.label}
              </span>
              <span className="num">{valueText(info, d.meanA)}</span>
              <span className="num">{valueText(info, d.meanB)}</span>
              <span className="num diff">
                {differenceText(info, d.mean)}
                {d.significant ? ' *' : ''}
                {tone !== 'neutral' && <span className="visually-hidden"> ({tone})</span>} <span className="ci">[{differenceIntervalText(info, d.ci95)}]</span>
              </span>
            </div>
          );
        })}
      </div>
    </section>
  );
}
