/**
 * Every figure of the run by its plain label, with its 95% interval, grouped
 * as the CLI report groups them; searchable by words or id (figure-search.ts).
 * The id a script uses is in each label's tooltip, not in the row.
 */
import { useId, useMemo, useState } from 'react';
import { orderFigures, SECTIONS } from '../../../scenarios/index.js';
import { contextOf, intervalText, valueText } from '../format/figure-text.js';
import type { RunRecord } from '../store/runs.js';
import { searchFigures } from './figure-search.js';

const TITLE = new Map<string, string>(SECTIONS.map((s) => [s.id, s.title]));

/** Rows drawn before "Show all": the page stays light; a search reaches every figure. */
const FIRST_ROWS = 60;

export function FiguresTable({ run }: { run: RunRecord }) {
  const [filter, setFilter] = useState('');
  const [all, setAll] = useState(false);
  const searchId = useId();
  const figures = run.result.figures;
  const ctx = contextOf(run.scenario);
  const ordered = useMemo(() => orderFigures(Object.keys(figures), ctx), [figures, ctx]);
  const { groups, shown } = useMemo(() => {
    const out = new Map<string, typeof ordered>();
    let count = 0;
    for (const row of searchFigures(
      ordered.map((r) => ({ ...r, label: r.info.label })),
      filter,
    )) {
      count++;
      if (!all && count > FIRST_ROWS) continue;
      const list = out.get(row.info.section) ?? [];
      list.push(row);
      out.set(row.info.section, list);
    }
    return { groups: [...out], shown: count };
  }, [ordered, filter, all]);
  return (
    <section className="figures" data-testid="figures" aria-labelledby={`${searchId}-h`}>
      <div className="row">
        <h2 id={`${searchId}-h`}>All figures</h2>
        <span className="muted">{run.result.replications} replications · mean and 95% CI</span>
      </div>
      <label htmlFor={searchId} className="visually-hidden">
        Search figures by name or id
      </label>
      <input
        id={searchId}
        type="search"
        data-testid="figure-search"
        placeholder="Search figures: 4-hour, bed occupancy, cost per patient…"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      <p className="muted small" aria-live="polite">
        {filter ? `${shown} of ${ordered.length} figures match` : `${ordered.length} figures`}
      </p>
      <div className="scroll figures-scroll" tabIndex={0} role="region" aria-label="All figures, by section">
        <table>
          <tbody>
            {groups.map(([section, rows]) => [
              <tr key={section} className="group">
                <th colSpan={3} scope="colgroup">
                  {TITLE.get(section) ?? section}
                  {section === 'costs' ? ` (${run.scenario.currency ?? "in the scenario's currency"})` : ''}
                </th>
              </tr>,
              ...rows.map(({ id, info }) => {
                const f = figures[id]!;
                return (
                  <tr key={id} data-testid={`figure-${id}`}>
                    <td className="label" title={`id for scripts: ${id}`}>
                      {info.label}
                    </td>
                    <td className="num">{f.n > 0 ? valueText(info, f.mean) : 'no data'}</td>
                    <td className="ci" data-signed={info.nonNegative ? undefined : 'true'}>
                      {f.n > 0 ? intervalText(info, f.ci95) : ''}
                    </td>
                  </tr>
                );
              }),
            ])}
          </tbody>
        </table>
        {!all && shown > FIRST_ROWS && (
          <button className="show-all" data-testid="figures-show-all" onClick={() => setAll(true)}>
            Show all {shown} figures
          </button>
        )}
      </div>
    </section>
  );
}
