/** Two scenes side by side on one clock, and the panel of differences. */
import { useMemo, useState } from 'react';
import { scenarioFigureContext } from '../../../scenarios/index.js';
import { ChosenBecause, useBoughtFigures } from '../optimise/ChosenBecause.js';
import { Charts } from '../panels/Charts.js';
import { SceneView } from '../scene/SceneView.js';
import { useCompare } from '../store/compare.js';
import { runById } from '../store/runs.js';
import { CostBars } from './CostBars.js';
import { DifferencesPanel } from './DifferencesPanel.js';
import { SiteDifferences } from './SiteDifferences.js';
import { costDrivers, verdictClauses } from './verdict.js';

export function useComparedRuns() {
  const { aRun, bRun } = useCompare();
  return [runById(aRun), runById(bRun)] as const;
}

export function CompareScenes() {
  const [a, b] = useComparedRuns();
  const status = useCompare((s) => s.status);
  const [arrangement, setArrangement] = useState<'auto' | 'stacked' | 'side'>('auto');
  if (!a || !b)
    return <div className="empty">{status === 'running' ? 'Running both scenarios…' : 'Choose A and B on the left and press “Run both and compare”.'}</div>;
  const bounds = a.replay?.layout.bounds;
  // A wide floor plan reads better with one scene above the other.
  const wide = bounds ? (bounds.x1 - bounds.x0) / (bounds.z1 - bounds.z0) > 1.5 : false;
  const stacked = arrangement === 'stacked' || (arrangement === 'auto' && wide);
  return (
    <div className={`scenes two ${stacked ? 'stacked' : ''}`}>
      <div className="scene-tools">
        <button onClick={() => setArrangement(stacked ? 'side' : 'stacked')}>{stacked ? 'Side by side' : 'One above the other'}</button>
      </div>
      {a.replay && <SceneView replay={a.replay} side={0} title={`A · ${a.label}`} />}
      {b.replay && <SceneView replay={b.replay} side={1} title={`B · ${b.label}`} />}
    </div>
  );
}

export function ComparePanels() {
  const [a, b] = useComparedRuns();
  const diff = useCompare((s) => s.diff);
  const ctx = useMemo(() => (a && b ? scenarioFigureContext(a.scenario, b.scenario) : null), [a, b]);
  const bought = useBoughtFigures();
  if (!a || !b || !diff || !ctx) return null;
  const clauses = verdictClauses(diff, ctx, a.scenario.horizonDays, bought);
  return (
    <>
      <section className="verdict" data-testid="verdict" aria-label="What the comparison says">
        <h2>
          B ({b.label}) against A ({a.label})
        </h2>
        <p data-testid="verdict-sentence">
          {clauses.map((c, i) => (
            <span key={i} className={c.tone}>
              {i === 0 ? '' : i === 1 ? ' and ' : '; '}
              {c.text}
            </span>
          ))}
          .
        </p>
        <p className="muted small">
          Green: better for the hospital; red: worse; grey: no significant change (the 95% interval of the paired difference includes 0), over{' '}
          {a.scenario.horizonDays} measured days.
        </p>
        <ChosenBecause ctx={ctx} />
      </section>
      <SiteDifferences diff={diff} ctx={ctx} a={a.scenario} b={b.scenario} />
      <CostBars diff={diff} ctx={ctx} drivers={costDrivers(diff, ctx, a.scenario, b.scenario)} />
      <DifferencesPanel diff={diff} n={Math.min(a.result.replications, b.result.replications)} ctx={ctx} />
      <Charts a={a.series} b={b.series} scenario={a.scenario} />
    </>
  );
}
