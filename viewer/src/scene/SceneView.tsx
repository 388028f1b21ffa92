/** A scene with its title and patient colouring; the scene itself never re-renders for time. */
import { useEffect, type ReactNode } from 'react';
import { colourEntities, type Replay } from '../replay/index.js';
import { useView, type SceneSide } from '../store/view.js';
import { HospitalScene } from './HospitalScene.js';

const REPLAY_LABEL = "patients moving through the hospital's departments. Click a bed, room or patient for its story; drag to turn, scroll to zoom.";

/** `label`: what the scene shows, for people who cannot see it (a run's replay unless given); `clock` and `children`: see HospitalScene. */
export function SceneView({
  replay,
  side,
  title,
  label,
  clock,
  children,
}: {
  replay: Replay;
  side: SceneSide;
  title?: string;
  label?: string;
  clock?: { time: number };
  children?: ReactNode;
}) {
  const mode = useView((s) => s.colourMode);
  useEffect(() => colourEntities(replay, mode), [replay, mode]);
  return (
    <div className="scene" data-testid={`scene-view-${side}`}>
      {title && <div className="scene-title">{title}</div>}
      <HospitalScene replay={replay} side={side} label={label ?? `3D replay${title ? ` of ${title}` : ''}: ${REPLAY_LABEL}`} {...(clock ? { clock } : {})}>
        {children}
      </HospitalScene>
    </div>
  );
}
