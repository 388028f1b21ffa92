/** The run's figures with their 95% confidence intervals, headline first, filterable. */
import { useMemo, useState } from 'react';
import { formatFigure } from '../format/number.js';
import type { RunRecord } from '../store/runs.js';
import { figureLabel, GROUP_ORDER, groupOf, HEADLINE } from './figure-groups.js';

export function FiguresTable({ run }: { run: RunRecord }) {
  const [filter, setFilter] = useState('');
  const figures = run.result.figures;
  const groups = useMemo(() => {
    const ids = Object.keys(figures).filter((id) => id.toLowerCase().includes(filter.toLowerCase()));
    const out = new Map<string, string[]>([['Headline', HEADLINE.filter((id) => ids.includes(id))]]);
    for (const g of GROUP_ORDER) out.set(g, []);
    for (const id of ids) out.get(groupOf(id))!.push(id);
    return [...out].filter(([, list]) => list.length > 0);
  }, [figures, filter]);
  return (
    <section className="figures" data-testid="figures">
      <div className="row">
        <h2>Figures</h2>
        <span className="muted">
          {run.result.replications} replications · mean [95% CI]
        </span>
      </div>
      <input type="search" placeholder="Filter figures (e.g. wait, ward, cost)" value={filter} onChange={(e) => setFilter(e.target.value)} />
      <div className="scroll">
        <table>
          <tbody>
            {groups.map(([group, ids]) => [
              <tr key={group} className="group">
                <th colSpan={3}>{group}</th>
              </tr>,
              ...ids.map((id) => {
                const f = figures[id]!;
                const ci = Number.isFinite(f.ci95[0]) ? `[${formatFigure(id, f.ci95[0])} – ${formatFigure(id, f.ci95[1])}]` : 'n < 2';
                return (
                  <tr key={`${group}:${id}`} data-testid={group === 'Headline' ? undefined : `figure-${id}`}>
                    <td className="id" title={id}>
                      {figureLabel(id)}
                    </td>
                    <td className="num">{formatFigure(id, f.mean)}</td>
                    <td className="ci">{ci}</td>
                  </tr>
                );
              }),
            ])}
          </tbody>
        </table>
      </div>
    </section>
  );
}
