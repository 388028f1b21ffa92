/**
 * Frame positions to instance matrices (column-major, as three.js stores
 * them). A standing patient stands at (x, 0, z); a lying one is turned to lie
 * along its bed, on top of it.
 */
import type { EntityFrame } from './types.js';

/** Height of a patient figure, from feet to the top of the head. */
export const FIGURE_HEIGHT = 1.35;
/** Height of a bed's mattress: where a lying patient lies. */
export const LYING_Y = 0.62;

export function writeInstanceMatrices(frame: EntityFrame, out: Float32Array): void {
  const p = frame.positions;
  for (let i = 0; i < frame.count; i++) {
    const o = i * 16;
    const x = p[i * 2]!;
    const z = p[i * 2 + 1]!;
    if (frame.lying[i] === 1) {
      // Rotation of -90 degrees about x: the figure's up axis points to -z, head towards the corridor's far side.
      out[o] = 1;
      out[o + 1] = 0;
      out[o + 2] = 0;
      out[o + 3] = 0;
      out[o + 4] = 0;
      out[o + 5] = 0;
      out[o + 6] = -1;
      out[o + 7] = 0;
      out[o + 8] = 0;
      out[o + 9] = 1;
      out[o + 10] = 0;
      out[o + 11] = 0;
      out[o + 12] = x;
      out[o + 13] = LYING_Y;
      out[o + 14] = z + FIGURE_HEIGHT / 2;
      out[o + 15] = 1;
    } else {
      out[o] = 1;
      out[o + 1] = 0;
      out[o + 2] = 0;
      out[o + 3] = 0;
      out[o + 4] = 0;
      out[o + 5] = 1;
      out[o + 6] = 0;
      out[o + 7] = 0;
      out[o + 8] = 0;
      out[o + 9] = 0;
      out[o + 10] = 1;
      out[o + 11] = 0;
      out[o + 12] = x;
      out[o + 13] = 0;
      out[o + 14] = z;
      out[o + 15] = 1;
    }
  }
}
