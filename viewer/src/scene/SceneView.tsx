/** A scene with its title and patient colouring; the scene itself never re-renders for time. */
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { colourEntities, type Replay } from '../replay/index.js';
import { useView, type SceneSide } from '../store/view.js';
import type { PlanLabel } from './label-sprite.js';

/**
 * The 3D scene (three.js and react-three-fiber, over a third of the page's
 * code) is loaded apart from the page: nothing shows it before a run has
 * finished, so the page is usable without it. `preloadScene` starts loading it
 * once the page is up, so it is there when the first run is.
 */
const loadScene = () => import('./HospitalScene.js');
const HospitalScene = lazy(() => loadScene().then((m) => ({ default: m.HospitalScene })));

export function preloadScene(): void {
  // A failure here is not shown: it shows, with the error, when a scene is drawn.
  loadScene().catch(() => undefined);
}

const REPLAY_LABEL = "patients moving through the hospital's departments. Click a bed, room or patient for its story; drag to turn, scroll to zoom.";

/**
 * `label`: what the scene shows, for people who cannot see it (a run's replay
 * unless given); `clock` and `labels`: see HospitalScene. `hidden`: kept
 * mounted but not shown nor drawn, so coming back to it costs no new WebGL
 * context, shaders or label textures (2-3 s with software rendering).
 */
export function SceneView({
  replay,
  side,
  title,
  label,
  clock,
  labels,
  hidden = false,
  tools,
}: {
  replay: Replay;
  side: SceneSide;
  title?: string;
  /** Buttons at the top right, beside the title: the title gives way (cut short, in full on hover) rather than lie under them. */
  tools?: ReactNode;
  label?: string;
  clock?: { time: number };
  labels?: readonly PlanLabel[];
  hidden?: boolean;
}) {
  const mode = useView((s) => s.colourMode);
  useEffect(() => colourEntities(replay, mode), [replay, mode]);
  return (
    <div className="scene" data-testid={hidden ? 'scene-view-kept' : `scene-view-${side}`} hidden={hidden}>
      {(title || tools) && (
        <div className="scene-strip">
          {title && (
            <div className="scene-title" title={title}>
              {title}
            </div>
          )}
          {tools && <div className="scene-tools">{tools}</div>}
        </div>
      )}
      <Suspense
        fallback={
          <div className="empty" role="status">
            Loading the 3D view…
          </div>
        }
      >
        <HospitalScene
          replay={replay}
          side={side}
          label={label ?? `3D replay${title ? ` of ${title}` : ''}: ${REPLAY_LABEL}`}
          {...(clock ? { clock } : {})}
          {...(labels ? { labels } : {})}
          hidden={hidden}
        />
      </Suspense>
    </div>
  );
}
