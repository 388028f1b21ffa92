/**
 * Over each ward's beds in the Today scene, how many are taken: in words where
 * the ward is wide enough, else "6/7 beds", keyed by the ward's id. The plan
 * names a ward beside others in its department with these words
 * ("Intensive care: 7/7 beds"), by the scenario's name for it (plan-label-items).
 */
import { bedsText } from '../scene/plan-label-items.js';
import type { PlanLabel } from '../scene/label-sprite.js';
import type { SnapshotScene } from './snapshot-scene.js';

export function censusLabels(scene: SnapshotScene): PlanLabel[] {
  const { layout } = scene.replay;
  const span = layout.bounds.x1 - layout.bounds.x0;
  const height = Math.max(1.2, span / 48);
  return scene.wards.map((w) => {
    const b = layout.blocks[layout.blockOf.get(w.ward)!]!;
    return {
      key: w.ward,
      text: bedsText(w.occupied, w.beds, b.x1 - b.x0 >= 12),
      position: [(b.x0 + b.x1) / 2, 1.2, (b.z0 + b.z1) / 2],
      height,
      maxWidth: b.x1 - b.x0 + 2,
      colour: '#ffffff',
      background: 'rgba(29,39,51,0.86)',
    };
  });
}
