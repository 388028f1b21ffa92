/**
 * The page: headline tiles across the top, scenario and run controls on the
 * left, the 3D replay in the middle, figures (or the comparison) on the right,
 * and the timeline across the whole window. In the document the timeline comes
 * right after the tabs, so the keyboard reaches Play before the edit fields.
 */
import { useEffect, type KeyboardEvent } from 'react';
import { CostPerCaseView } from './cases/CostPerCaseView.js';
import { SnapshotOfReplayButton } from './today/SnapshotOfReplayButton.js';
import { TodayView } from './today/TodayView.js';
import { OptimisePanel } from './optimise/OptimisePanel.js';
import { CalibratePanel } from './calibrate/CalibratePanel.js';
import { ComparePanels, CompareScenes, useComparedRuns } from './compare/CompareView.js';
import { CompareSetup } from './compare/CompareSetup.js';
import { EditPanel } from './edit/EditPanel.js';
import { KpiTiles } from './kpi/KpiTiles.js';
import { setMode } from './model/mode.js';
import { useHashRoute } from './model/route.js';
import { Charts } from './panels/Charts.js';
import { FiguresTable } from './panels/FiguresTable.js';
import { Legend } from './panels/Legend.js';
import { PlaybackDriver } from './panels/PlaybackDriver.js';
import { RunControls } from './panels/RunControls.js';
import { ScenarioPicker } from './panels/ScenarioPicker.js';
import { SelectionCard } from './panels/SelectionCard.js';
import { Timeline } from './panels/Timeline.js';
import { preloadScene, SceneView } from './scene/SceneView.js';
import { RegionView } from './region/RegionView.js';
import { useSceneRun } from './region/region-store.js';
import { runById, useRuns } from './store/runs.js';
import { useView } from './store/view.js';

const MODES = [
  ['run', 'Run and replay'],
  ['cases', 'Cost per case'],
  ['compare', 'Compare scenarios'],
  ['today', 'Today'],
] as const;

function Tabs() {
  const mode = useView((s) => s.mode);
  const onKey = (e: KeyboardEvent<HTMLButtonElement>): void => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    const at = MODES.findIndex(([m]) => m === mode);
    const next = MODES[(at + (e.key === 'ArrowRight' ? 1 : MODES.length - 1)) % MODES.length]![0];
    setMode(next);
    document.getElementById(`tab-${next}`)?.focus();
  };
  return (
    <nav className="tabs" role="tablist" aria-label="Views">
      {MODES.map(([m, label]) => (
        <button
          key={m}
          id={`tab-${m}`}
          role="tab"
          aria-selected={mode === m}
          aria-controls="view-panel"
          tabIndex={mode === m ? 0 : -1}
          data-testid={`tab-${m}`}
          className={mode === m ? 'active' : ''}
          onClick={() => setMode(m)}
          onKeyDown={onKey}
        >
          {label}
        </button>
      ))}
    </nav>
  );
}

export function App() {
  useEffect(() => {
    // For the bench: when the page first became usable.
    performance.mark('hospital-twin:ready');
    preloadScene();
  }, []);
  useHashRoute();
  const mode = useView((s) => s.mode);
  const shownId = useRuns((s) => s.shown);
  const status = useRuns((s) => s.status);
  const shown = runById(shownId);
  // A network run's scene shows one site when one is open in the region view.
  const { run: scened, siteName } = useSceneRun(shown);
  const [a, b] = useComparedRuns();
  const single = mode !== 'compare';
  const timelineRun = single ? shown : a;
  const today = mode === 'today';
  // One tree for every view, so the run's scene (a WebGL context, its shaders and
  // label sizes) stays mounted, hidden, in each of them; coming back to the run is
  // then a redraw, not a rebuild. Today stands alone: the hospital now and its
  // forecast, nothing of a simulated run shown (no tiles, charts or timeline).
  return (
    <div className={today ? 'app today-app' : 'app'} data-testid="app-ready">
      <PlaybackDriver />
      <header>
        <h1>Hospital Twin</h1>
        <Tabs />
      </header>
      {!today && timelineRun?.replay && <Timeline start={timelineRun.scenario.start} series={timelineRun.series} />}
      {!today && <div className="kpi-row">{single && shown && <KpiTiles run={shown} />}</div>}
      {!today && (
        <aside className="left" aria-label="Scenario and run">
          <ScenarioPicker />
          {single ? <RunControls /> : <CompareSetup />}
          <EditPanel />
          <CalibratePanel />
          <OptimisePanel />
        </aside>
      )}
      <main className={today ? 'today-main' : 'centre'} id="view-panel" role="tabpanel" aria-labelledby={`tab-${mode}`}>
        {today && <TodayView />}
        {/* The run's scene stays mounted in the other views (hidden, drawing nothing): coming back is then immediate. */}
        {mode === 'run' && shown && <RegionView run={shown} />}
        {scened?.replay && (
          <div className="scenes" hidden={mode !== 'run'}>
            <SceneView
              tools={<SnapshotOfReplayButton />}
              replay={scened.replay}
              side={0}
              // The site shown comes first: where the strip is narrow, the end of the title is cut short.
              title={`${siteName ? `${siteName} · ` : ''}Run ${shown!.id} · ${shown!.label} · replication 1 of ${shown!.result.replications}`}
              hidden={mode !== 'run'}
            />
          </div>
        )}
        {today ? null : mode === 'run' ? (
          !shown?.replay && <div className="empty">{status === 'running' ? 'Running…' : 'Pick a scenario and press Run (or Quick run for a first look).'}</div>
        ) : mode === 'cases' ? (
          shown ? (
            <CostPerCaseView run={shown} />
          ) : (
            <div className="empty">
              {status === 'running' ? 'Running…' : 'Run a scenario to see what each case costs (and, with case-mix groups, its margin).'}
            </div>
          )
        ) : (
          <CompareScenes />
        )}
        {(mode === 'run' || mode === 'compare') && timelineRun?.replay && (
          <Legend replay={(single ? scened : timelineRun)!.replay!} scenario={(single ? scened : timelineRun)!.scenario} />
        )}
      </main>
      {!today && (
        <aside className="right" aria-label={single ? 'Figures of the run' : 'Comparison'}>
          <SelectionCard runs={single ? [scened] : [a, b]} />
          {single ? (
            shown && (
              <>
                <Charts a={shown.series} scenario={shown.scenario} />
                <FiguresTable run={shown} />
              </>
            )
          ) : (
            <ComparePanels />
          )}
        </aside>
      )}
    </div>
  );
}
