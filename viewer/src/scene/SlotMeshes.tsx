/**
 * Beds, rooms, devices and staff stations: one InstancedMesh per shape, placed
 * once; their colours (free, busy, cleaning, broken, closed) change each frame.
 */
import { useFrame, type ThreeEvent } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { InstancedBufferAttribute, Matrix4, type BufferGeometry, type InstancedMesh } from 'three';
import type { SlotShape } from '../layout/types.js';
import { fillSlotFrame, type Replay } from '../replay/index.js';
import { clock as playbackClock } from '../store/playback.js';
import { slotGeometry } from './geometries.js';

interface ShapeGroup {
  shape: SlotShape;
  geometry: BufferGeometry;
  /** Slot id of each instance. */
  slots: Int32Array;
}

/** `clock`: the time shown (the playback's, unless the scene shows one moment). */
export function SlotMeshes({ replay, onPick, clock = playbackClock }: { replay: Replay; onPick: (slot: number) => void; clock?: { time: number } }) {
  const { layout } = replay;
  const groups = useMemo<ShapeGroup[]>(() => {
    const byShape = new Map<SlotShape, number[]>();
    for (let s = 0; s < layout.slotCount; s++) {
      const shape = layout.blocks[layout.slotBlock[s]!]!.shape;
      if (!byShape.has(shape)) byShape.set(shape, []);
      byShape.get(shape)!.push(s);
    }
    return [...byShape].map(([shape, slots]) => ({ shape, geometry: slotGeometry(shape), slots: Int32Array.from(slots) }));
  }, [layout]);
  const colours = useMemo(() => new Float32Array(layout.slotCount * 3), [layout]);
  const states = useMemo(() => new Uint8Array(layout.slotCount), [layout]);
  const meshes = useRef<(InstancedMesh | null)[]>([]);

  useEffect(() => {
    const m = new Matrix4();
    groups.forEach((g, i) => {
      const mesh = meshes.current[i];
      if (!mesh) return;
      g.slots.forEach((s, k) => mesh.setMatrixAt(k, m.makeTranslation(layout.slotX[s]!, 0, layout.slotZ[s]!)));
      mesh.instanceColor = new InstancedBufferAttribute(new Float32Array(g.slots.length * 3), 3);
      mesh.instanceMatrix.needsUpdate = true;
      mesh.computeBoundingSphere();
    });
  }, [groups, layout]);

  useFrame(() => {
    fillSlotFrame(replay, clock.time, colours, states);
    groups.forEach((g, i) => {
      const mesh = meshes.current[i];
      const attr = mesh?.instanceColor;
      if (!attr) return;
      const out = attr.array as Float32Array;
      for (let k = 0; k < g.slots.length; k++) {
        const s = g.slots[k]!;
        out[k * 3] = colours[s * 3]!;
        out[k * 3 + 1] = colours[s * 3 + 1]!;
        out[k * 3 + 2] = colours[s * 3 + 2]!;
      }
      attr.needsUpdate = true;
    });
  });

  return (
    <>
      {groups.map((g, i) => (
        <instancedMesh
          key={g.shape}
          ref={(m) => {
            meshes.current[i] = m;
          }}
          args={[g.geometry, undefined, g.slots.length]}
          onClick={(e: ThreeEvent<MouseEvent>) => {
            if (e.instanceId === undefined) return;
            e.stopPropagation();
            onPick(g.slots[e.instanceId]!);
          }}
        >
          <meshLambertMaterial />
        </instancedMesh>
      ))}
    </>
  );
}
