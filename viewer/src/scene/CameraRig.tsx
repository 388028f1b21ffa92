/** Orbit and zoom (three's OrbitControls), starting from a view that fits the whole floor plan. */
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import { PerspectiveCamera } from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import type { Rect } from '../layout/types.js';

/** Looking down at this angle from the south side. */
const ELEVATION = (56 * Math.PI) / 180;

export function CameraRig({ bounds }: { bounds: Rect }) {
  const camera = useThree((s) => s.camera);
  const dom = useThree((s) => s.gl.domElement);
  const aspect = useThree((s) => s.size.width / Math.max(1, s.size.height));
  const controls = useRef<OrbitControls | null>(null);
  useEffect(() => {
    const c = new OrbitControls(camera, dom);
    const cx = (bounds.x0 + bounds.x1) / 2;
    const cz = (bounds.z0 + bounds.z1) / 2;
    const width = bounds.x1 - bounds.x0 + 2;
    const depth = bounds.z1 - bounds.z0 + 2;
    const vfov = camera instanceof PerspectiveCamera ? (camera.fov * Math.PI) / 180 : Math.PI / 4;
    const hfov = 2 * Math.atan(Math.tan(vfov / 2) * aspect);
    // Far enough that the width fits across and the (foreshortened) depth fits up and down.
    const distance = Math.max(width / 2 / Math.tan(hfov / 2), ((depth / 2) * Math.sin(ELEVATION) + 2) / Math.tan(vfov / 2)) * 1.04;
    camera.position.set(cx, distance * Math.sin(ELEVATION), cz + distance * Math.cos(ELEVATION));
    camera.near = 0.5;
    camera.far = distance * 10;
    camera.updateProjectionMatrix();
    c.target.set(cx, 0, cz);
    c.enableDamping = true;
    c.maxPolarAngle = Math.PI * 0.47;
    c.minDistance = 3;
    c.maxDistance = distance * 3;
    c.update();
    controls.current = c;
    return () => {
      c.dispose();
      controls.current = null;
    };
  }, [bounds, camera, dom, aspect]);
  useFrame(() => controls.current?.update());
  return null;
}
