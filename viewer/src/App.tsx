/** The page: scenario and run controls on the left, the 3D replay in the middle, figures on the right. */
import { useEffect } from 'react';
import { CalibratePanel } from './calibrate/CalibratePanel.js';
import { ComparePanels, CompareScenes, useComparedRuns } from './compare/CompareView.js';
import { CompareSetup } from './compare/CompareSetup.js';
import { EditPanel } from './edit/EditPanel.js';
import { Charts } from './panels/Charts.js';
import { FiguresTable } from './panels/FiguresTable.js';
import { Legend } from './panels/Legend.js';
import { PlaybackDriver } from './panels/PlaybackDriver.js';
import { RunControls } from './panels/RunControls.js';
import { ScenarioPicker } from './panels/ScenarioPicker.js';
import { SelectionCard } from './panels/SelectionCard.js';
import { Timeline } from './panels/Timeline.js';
import { SceneView } from './scene/SceneView.js';
import { runById, useRuns } from './store/runs.js';
import { useView } from './store/view.js';

function Tabs() {
  const mode = useView((s) => s.mode);
  return (
    <nav className="tabs">
      {(['run', 'compare'] as const).map((m) => (
        <button key={m} data-testid={`tab-${m}`} className={mode === m ? 'active' : ''} onClick={() => useView.setState({ mode: m, selection: null })}>
          {m === 'run' ? 'Run and replay' : 'Compare scenarios'}
        </button>
      ))}
    </nav>
  );
}

export function App() {
  // For the bench: when the page first became usable.
  useEffect(() => void performance.mark('hospital-twin:ready'), []);
  const mode = useView((s) => s.mode);
  const shownId = useRuns((s) => s.shown);
  const status = useRuns((s) => s.status);
  const shown = runById(shownId);
  const [a, b] = useComparedRuns();
  const timelineRun = mode === 'run' ? shown : a;
  return (
    <div className="app" data-testid="app-ready">
      <PlaybackDriver />
      <header>
        <h1>Hospital Twin</h1>
        <Tabs />
      </header>
      <aside className="left">
        <ScenarioPicker />
        {mode === 'run' ? <RunControls /> : <CompareSetup />}
        <EditPanel />
        <CalibratePanel />
      </aside>
      <main className="centre">
        {mode === 'run' ? (
          shown?.replay ? (
            <div className="scenes">
              <SceneView replay={shown.replay} side={0} title={`Run ${shown.id} · ${shown.label} · replication 1 of ${shown.result.replications}`} />
            </div>
          ) : (
            <div className="empty">{status === 'running' ? 'Running…' : 'Pick a scenario and press Run (or Quick run for a first look).'}</div>
          )
        ) : (
          <CompareScenes />
        )}
        <SelectionCard runs={mode === 'run' ? [shown] : [a, b]} />
        {timelineRun?.replay && <Legend replay={timelineRun.replay} />}
        {timelineRun?.replay && <Timeline start={timelineRun.scenario.start} series={timelineRun.series} />}
      </main>
      <aside className="right">
        {mode === 'run' ? (
          shown && (
            <>
              <Charts a={shown.series} />
              <FiguresTable run={shown} />
            </>
          )
        ) : (
          <ComparePanels />
        )}
      </aside>
    </div>
  );
}
