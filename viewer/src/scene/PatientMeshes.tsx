/**
 * Every patient on screen as one InstancedMesh of figures: each frame the
 * replay fills positions and colours for time `clock.time` and they are
 * written straight into the instance buffers; React is not involved.
 */
import { useFrame, type ThreeEvent } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { DynamicDrawUsage, InstancedBufferAttribute, type InstancedMesh } from 'three';
import { createEntityFrame, fillEntityFrame, writeInstanceMatrices, type EntityFrame, type Replay } from '../replay/index.js';
import { clock as playbackClock } from '../store/playback.js';
import { figureGeometry } from './geometries.js';

export function PatientMeshes({
  replay,
  frameRef,
  onPick,
  clock = playbackClock,
}: {
  replay: Replay;
  frameRef: { current: EntityFrame | null };
  onPick: (entity: number) => void;
  clock?: { time: number };
}) {
  const capacity = Math.max(1, replay.maxAlive);
  const frame = useMemo(() => createEntityFrame(capacity), [capacity]);
  const geometry = useMemo(() => figureGeometry(), []);
  const mesh = useRef<InstancedMesh>(null);

  useEffect(() => {
    const m = mesh.current;
    if (!m) return;
    m.instanceMatrix.setUsage(DynamicDrawUsage);
    m.instanceColor = new InstancedBufferAttribute(new Float32Array(capacity * 3), 3);
    m.instanceColor.setUsage(DynamicDrawUsage);
    m.frustumCulled = false;
    m.count = 0;
    frameRef.current = frame;
  }, [capacity, frame, frameRef]);

  useFrame(() => {
    const m = mesh.current;
    if (!m || !m.instanceColor) return;
    const n = fillEntityFrame(replay, clock.time, frame);
    writeInstanceMatrices(frame, m.instanceMatrix.array as Float32Array);
    (m.instanceColor.array as Float32Array).set(frame.colours.subarray(0, n * 3));
    m.count = n;
    m.instanceMatrix.clearUpdateRanges();
    m.instanceMatrix.addUpdateRange(0, n * 16);
    m.instanceMatrix.needsUpdate = true;
    m.instanceColor.clearUpdateRanges();
    m.instanceColor.addUpdateRange(0, n * 3);
    m.instanceColor.needsUpdate = true;
    // Picking recomputes the bounds from the instances where they are now.
    m.boundingSphere = null;
  });

  return (
    <instancedMesh
      ref={mesh}
      args={[geometry, undefined, capacity]}
      onClick={(e: ThreeEvent<MouseEvent>) => {
        if (e.instanceId === undefined) return;
        e.stopPropagation();
        onPick(frame.ids[e.instanceId]!);
      }}
    >
      <meshLambertMaterial />
    </instancedMesh>
  );
}
