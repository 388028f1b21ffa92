/** Paired differences B − A with 95% CIs: costs and headline figures first, then the biggest significant changes. */
import { useMemo, useState } from 'react';
import type { FigureDifference } from '../../../workers/compare.js';
import { formatFigure } from '../format/number.js';
import { HEADLINE } from '../panels/figure-groups.js';

const FIRST = ['cost.total', ...HEADLINE.filter((id) => id !== 'cost.total')];

export function DifferencesPanel({ diff, n }: { diff: Record<string, FigureDifference>; n: number }) {
  const [filter, setFilter] = useState('');
  const ids = useMemo(() => {
    const all = Object.keys(diff);
    if (filter) return all.filter((id) => id.toLowerCase().includes(filter.toLowerCase()));
    const first = FIRST.filter((id) => id in diff);
    const rel = (d: FigureDifference): number => Math.abs(d.mean) / Math.max(1e-9, Math.abs(d.meanA), Math.abs(d.meanB));
    const changed = all
      .filter((id) => !first.includes(id) && diff[id]!.significant)
      .sort((a, b) => rel(diff[b]!) - rel(diff[a]!))
      .slice(0, 14);
    return [...first, ...changed];
  }, [diff, filter]);
  return (
    <section className="differences" data-testid="differences">
      <div className="row">
        <h2>Differences B − A</h2>
        <span className="muted">paired over {n} replications · * = 95% CI excludes 0</span>
      </div>
      <input type="search" placeholder="Filter all figures" value={filter} onChange={(e) => setFilter(e.target.value)} />
      <div className="scroll diff-list">
        <div className="diff-head">
          <span>A</span>
          <span>B</span>
          <span>B − A [95% CI]</span>
        </div>
        {ids.map((id) => {
          const d = diff[id]!;
          return (
            <div key={id} data-testid={`diff-${id}`} className={`diff-row${d.significant ? ' significant' : ''}`}>
              <span className="id">{id}</span>
              <span className="num">{formatFigure(id, d.meanA)}</span>
              <span className="num">{formatFigure(id, d.meanB)}</span>
              <span className="num diff">
                {formatFigure(id, d.mean, true)}
                {d.significant ? ' *' : ''} <span className="ci">[{formatFigure(id, d.ci95[0], true)} – {formatFigure(id, d.ci95[1], true)}]</span>
              </span>
            </div>
          );
        })}
      </div>
    </section>
  );
}
