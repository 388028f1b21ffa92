/** A scene with its title and patient colouring; the scene itself never re-renders for time. */
import { useEffect } from 'react';
import { colourEntities, type Replay } from '../replay/index.js';
import { useView } from '../store/view.js';
import { HospitalScene } from './HospitalScene.js';

export function SceneView({ replay, side, title }: { replay: Replay; side: 0 | 1; title?: string }) {
  const mode = useView((s) => s.colourMode);
  useEffect(() => colourEntities(replay, mode), [replay, mode]);
  return (
    <div className="scene" data-testid={`scene-view-${side}`}>
      {title && <div className="scene-title">{title}</div>}
      <HospitalScene
        replay={replay}
        side={side}
        label={`3D replay${title ? ` of ${title}` : ''}: patients moving through the hospital's departments. Click a bed, room or patient for its story; drag to turn, scroll to zoom.`}
      />
    </div>
  );
}
