/** A row of headline tiles above the scene: value, what it measures over which period, 95% interval, and the target met (green) or missed (red). */
import { useMemo } from 'react';
import { intervalText, valueText } from '../format/figure-text.js';
import type { RunRecord } from '../store/runs.js';
import { headlineKpis } from './kpis.js';

export function KpiTiles({ run }: { run: RunRecord }) {
  const kpis = useMemo(() => headlineKpis(run.scenario, run.result), [run]);
  if (kpis.length === 0) return null;
  return (
    <ul className="kpis" data-testid="kpis" aria-label="Headline figures">
      {kpis.map((k) => (
        <li
          key={k.id}
          className={`kpi${k.met === undefined ? '' : k.met ? ' met' : ' missed'}`}
          data-testid={`kpi-${k.id}`}
          title={`${k.info.label} (${k.id}): mean of ${run.result.replications} replications, 95% interval`}
        >
          <span className="kpi-label">{k.short}</span>
          <strong className="kpi-value">{valueText(k.info, k.mean)}</strong>
          <span className="kpi-note">
            {k.info.unit === 'money' && run.scenario.currency ? `${run.scenario.currency}, ` : ''}
            {k.note}
          </span>
          <span className="kpi-ci">95% CI {intervalText(k.info, k.ci95)}</span>
          {k.target !== undefined && (
            <span className="kpi-target">
              {k.met === undefined ? 'target' : k.met ? '✓ target met:' : '✗ target missed:'} {valueText(k.info, k.target)}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
