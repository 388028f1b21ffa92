/**
 * "The hospital now": the snapshot drawn in 3D by the replay's own scene (one
 * moment, nobody moving), each ward's beds in words over the plan and beside
 * it ("18 of 24 beds occupied"), staff on duty and units out of order, and who
 * or what was clicked.
 */
import { useMemo } from 'react';
import { localMinutes, type HospitalState, type Scenario } from '../../../scenarios/index.js';
import { durationText } from '../format/time.js';
import { Legend } from '../panels/Legend.js';
import { SLOT_STATE_NAMES, slotHolderAt, slotStateAt } from '../replay/index.js';
import { SceneView } from '../scene/SceneView.js';
import { TODAY_SIDE, useView } from '../store/view.js';
import { censusLabels } from './census-labels.js';
import { snapshotScene, type SnapshotScene, type WardCensus } from './snapshot-scene.js';
import { problemsOf } from './today-actions.js';

/** The scene shows time 0 of the snapshot's replay: asOf. */
const MOMENT = { time: 0 };

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function censusText(w: WardCensus): string {
  return `${w.occupied} of ${w.beds} beds occupied${w.waiting > 0 ? `, ${w.waiting} waiting for a bed` : ''}`;
}

function Selected({ scene, asOf }: { scene: SnapshotScene; asOf: string }) {
  const selection = useView((s) => s.selection);
  if (!selection || selection.side !== TODAY_SIDE) return null;
  const { replay } = scene;
  const close = (): void => useView.setState({ selection: null });
  const ago = (t: string): string => durationText(localMinutes(asOf) - localMinutes(t));
  let body;
  if (selection.kind === 'patient') {
    const p = scene.patients[selection.id];
    if (!p) return null;
    const attributes = Object.entries(p.attributes).map(([k, v]) => `${k} ${v}`);
    body = (
      <>
        <h3>
          {p.id} · {p.className}
        </h3>
        <p>
          {p.where} · {p.waiting ? 'waiting at' : 'in'} step {p.step} for {ago(p.since)} · in the hospital {ago(p.arrived)}
          {attributes.length > 0 ? ` · ${attributes.join(', ')}` : ''}
        </p>
      </>
    );
  } else {
    const s = selection.id;
    // A selection made on another snapshot's plan.
    if (s >= replay.layout.slotCount) return null;
    const block = replay.layout.blocks[replay.layout.slotBlock[s]!]!;
    const holder = slotHolderAt(replay, s, 0);
    const state = SLOT_STATE_NAMES[slotStateAt(replay, s, 0)];
    body = (
      <>
        <h3>
          {block.label} {s - block.firstSlot + 1} of {block.units}
        </h3>
        <p>
          {state === 'closed' ? 'closed / off duty' : state}
          {holder >= 0 ? `: ${scene.patients[holder]?.id ?? ''} (${scene.patients[holder]?.className ?? ''})` : ''}
        </p>
      </>
    );
  }
  return (
    <section className="selection" data-testid="today-selection" aria-label="Selected in the snapshot">
      <button className="close" onClick={close} aria-label="Close the selection">
        ×
      </button>
      {body}
    </section>
  );
}

export function SnapshotView({ scenario, state, asOfText }: { scenario: Scenario; state: HospitalState; asOfText: string }) {
  const built = useMemo(() => {
    try {
      const scene = snapshotScene(scenario, state);
      return { scene, labels: censusLabels(scene), problems: [] };
    } catch (e) {
      return { scene: null, labels: [], problems: problemsOf(e) };
    }
  }, [scenario, state]);
  const { scene, labels } = built;
  if (!scene) {
    return (
      <div className="errors" role="alert" data-testid="today-scene-errors">
        <strong>The snapshot does not fit {scenario.name}, so it cannot be drawn or forecast</strong>
        <ul>
          {built.problems.map((p, k) => (
            <li key={k}>{p}</li>
          ))}
        </ul>
      </div>
    );
  }
  const offDuty = scene.staff.filter((s) => s.fromState);
  const label = `3D view of the hospital as of ${asOfText}: ${scene.wards.map((w) => `${w.label}, ${censusText(w)}`).join('; ')}. Click a bed or patient for who or what it is; drag to turn, scroll to zoom.`;
  return (
    <section className="today-now" aria-labelledby="today-now-title">
      <h2 id="today-now-title" className="visually-hidden">
        The hospital as of {asOfText}
      </h2>
      <div className="today-scene">
        <SceneView
          replay={scene.replay}
          side={TODAY_SIDE}
          title={`As of ${asOfText} · ${plural(scene.patients.length, 'patient')}`}
          label={label}
          clock={MOMENT}
          labels={labels}
        />
        <Legend replay={scene.replay} />
      </div>
      <div className="today-census">
        <ul className="census" data-testid="today-census" aria-label="Beds by ward">
          {scene.wards.map((w) => (
            <li key={w.ward} data-testid={`today-census-${w.ward}`}>
              <strong>{w.label}</strong>
              <span className="census-text">{censusText(w)}</span>
              <span className="census-bar" aria-hidden="true">
                <i style={{ width: `${Math.min(100, (100 * w.occupied) / Math.max(1, w.beds))}%` }} />
              </span>
            </li>
          ))}
        </ul>
        {scene.elsewhere > 0 && <p className="muted small">{plural(scene.elsewhere, 'patient')} between steps, shown at the entrance.</p>}
        <p className="small" data-testid="today-staff">
          <strong>Staff on duty</strong> {offDuty.length > 0 ? '(as the snapshot gives them; the rest by the roster)' : '(by the roster)'}:{' '}
          {scene.staff.map((s) => `${s.label} ${s.onDuty}`).join(', ')}.
        </p>
        {scene.outOfOrder.length > 0 && (
          <p className="small" data-testid="today-out-of-order">
            <strong>Out of order</strong>:{' '}
            {scene.outOfOrder.map((o) => `${o.label} (${plural(o.units, 'unit')}) until ${o.until.replace('T', ' ')}`).join(', ')}.
          </p>
        )}
        <Selected scene={scene} asOf={state.asOf} />
      </div>
    </section>
  );
}
