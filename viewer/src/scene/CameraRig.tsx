/** Orbit and zoom (three's OrbitControls), starting from a view that fits the whole floor plan. */
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import { Vector3, type Camera } from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import type { Rect } from '../layout/types.js';

/** Looking down at this angle from the south side: steep, so that a wide plan fills more of the view's height. */
const ELEVATION = (66 * Math.PI) / 180;

/** Places the camera on its line of sight to the plan's centre, at the nearest distance where every corner is on screen. */
function fit(camera: Camera, bounds: Rect, margin: number): void {
  const cx = (bounds.x0 + bounds.x1) / 2;
  const cz = (bounds.z0 + bounds.z1) / 2;
  const corners = [
    [bounds.x0, bounds.z0],
    [bounds.x1, bounds.z0],
    [bounds.x0, bounds.z1],
    [bounds.x1, bounds.z1],
  ].map(([x, z]) => new Vector3(x, 0, z));
  const p = new Vector3();
  const fits = (d: number): boolean => {
    camera.position.set(cx, d * Math.sin(ELEVATION), cz + d * Math.cos(ELEVATION));
    camera.lookAt(cx, 0, cz);
    camera.updateMatrixWorld();
    return corners.every((c) => {
      p.copy(c).project(camera);
      return Math.abs(p.x) <= margin && Math.abs(p.y) <= margin && p.z < 1;
    });
  };
  let lo = 1;
  let hi = 4 * Math.max(bounds.x1 - bounds.x0, bounds.z1 - bounds.z0, 10);
  for (let i = 0; i < 30; i++) {
    const mid = (lo + hi) / 2;
    if (fits(mid)) hi = mid;
    else lo = mid;
  }
  fits(hi);
}

/**
 * Fits the camera to the plan when the plan changes, and again on a resize
 * only while the user has not moved the camera: a legend that grows or a
 * window that is resized keeps the user's own view. Frames are drawn on
 * demand: a move of the camera asks for one.
 */
export function CameraRig({ bounds }: { bounds: Rect }) {
  const camera = useThree((s) => s.camera);
  const dom = useThree((s) => s.gl.domElement);
  const size = useThree((s) => s.size);
  const invalidate = useThree((s) => s.invalidate);
  const controls = useRef<OrbitControls | null>(null);
  const touched = useRef(false);
  useEffect(() => {
    const c = new OrbitControls(camera, dom);
    const span = Math.max(bounds.x1 - bounds.x0, bounds.z1 - bounds.z0);
    camera.near = 0.5;
    camera.far = span * 20;
    c.target.set((bounds.x0 + bounds.x1) / 2, 0, (bounds.z0 + bounds.z1) / 2);
    c.enableDamping = true;
    c.maxPolarAngle = Math.PI * 0.47;
    c.minDistance = 3;
    c.maxDistance = span * 4;
    const moved = (): void => invalidate();
    const started = (): void => {
      touched.current = true;
    };
    c.addEventListener('change', moved);
    c.addEventListener('start', started);
    controls.current = c;
    touched.current = false;
    return () => {
      c.removeEventListener('change', moved);
      c.removeEventListener('start', started);
      c.dispose();
      controls.current = null;
    };
  }, [bounds, camera, dom, invalidate]);
  useEffect(() => {
    const c = controls.current;
    if (!c || touched.current || size.width === 0 || size.height === 0) return;
    if ('aspect' in camera) (camera as { aspect: number }).aspect = size.width / size.height;
    (camera as { updateProjectionMatrix?: () => void }).updateProjectionMatrix?.();
    fit(camera, bounds, 0.98);
    c.target.set((bounds.x0 + bounds.x1) / 2, 0, (bounds.z0 + bounds.z1) / 2);
    c.update();
    invalidate();
  }, [bounds, camera, size.width, size.height, invalidate]);
  useFrame(() => controls.current?.update());
  return null;
}
