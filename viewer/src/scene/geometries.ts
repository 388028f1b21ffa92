/** Shapes of the scene, each with its origin on the floor. Built once and shared. */
import { BoxGeometry, CapsuleGeometry, CylinderGeometry, SphereGeometry, TorusGeometry, type BufferGeometry } from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import { SHAPES, type SlotShape } from '../layout/types.js';
import { FIGURE_HEIGHT } from '../replay/index.js';

const R = 0.2;

/** A person: a body and a head, feet at the origin, FIGURE_HEIGHT tall. */
export function figureGeometry(): BufferGeometry {
  const bodyLength = FIGURE_HEIGHT - 2 * R - 0.3;
  const body = new CapsuleGeometry(R, bodyLength, 3, 8);
  body.translate(0, R + bodyLength / 2, 0);
  const head = new SphereGeometry(0.15, 10, 6);
  head.translate(0, FIGURE_HEIGHT - 0.15, 0);
  return mergeGeometries([body.toNonIndexed(), head.toNonIndexed()])!;
}

function box(w: number, h: number, d: number, x = 0, y = 0, z = 0): BufferGeometry {
  const g = new BoxGeometry(w, h, d);
  g.translate(x, y + h / 2, z);
  return g.toNonIndexed();
}

export function slotGeometry(shape: SlotShape): BufferGeometry {
  const s = SHAPES[shape];
  switch (shape) {
    case 'bed':
      // Mattress on a frame, with a headboard at the far end.
      return mergeGeometries([box(s.w, 0.42, s.d), box(s.w, 0.35, 0.08, 0, 0.42, -s.d / 2 + 0.04)])!;
    case 'trolley':
      return box(s.w, 0.42, s.d);
    case 'room': {
      // The room's floor and its operating table.
      return mergeGeometries([box(s.w, 0.08, s.d), box(0.8, 0.42, 2.0)])!;
    }
    case 'device': {
      const ring = new TorusGeometry(0.75, 0.28, 8, 20);
      ring.translate(0, 1.05, -0.4);
      return mergeGeometries([box(s.w, 0.06, s.d), ring.toNonIndexed(), box(0.6, 0.42, 1.9, 0, 0, 0.3)])!;
    }
    case 'staff': {
      const token = new CylinderGeometry(0.38, 0.38, 0.3, 6);
      token.translate(0, 0.15, 0);
      return token.toNonIndexed();
    }
    case 'unit':
      return box(s.w, 0.5, s.d);
  }
}
