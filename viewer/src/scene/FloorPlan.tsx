/** The static floor: zones tinted by department, the corridor and waiting areas (their names are PlanLabels). */
import { memo } from 'react';
import type { HospitalLayout, ZoneKind } from '../layout/types.js';

export const ZONE_TINT: Record<ZoneKind, string> = {
  ed: '#f6e1e1',
  imaging: '#ebe4f6',
  theatres: '#deeaf6',
  icu: '#f8e8da',
  ward: '#e4ece4',
  other: '#eeebe2',
};

function Rect({ x0, z0, x1, z1, y, colour }: { x0: number; z0: number; x1: number; z1: number; y: number; colour: string }) {
  return (
    <mesh position={[(x0 + x1) / 2, y, (z0 + z1) / 2]} rotation={[-Math.PI / 2, 0, 0]}>
      <planeGeometry args={[x1 - x0, z1 - z0]} />
      <meshLambertMaterial color={colour} />
    </mesh>
  );
}

export const FloorPlan = memo(function FloorPlan({ layout }: { layout: HospitalLayout }) {
  const { bounds, corridor, entrance } = layout;
  return (
    <group>
      <Rect x0={bounds.x0 - 6} z0={bounds.z0 - 6} x1={bounds.x1 + 6} z1={bounds.z1 + 6} y={-0.02} colour="#d9dee4" />
      <Rect x0={entrance.x} z0={-corridor} x1={bounds.x1} z1={corridor} y={0} colour="#fbfbfb" />
      {layout.zones.map((z) => (
        <Rect key={z.id} x0={z.x0} z0={z.z0} x1={z.x1} z1={z.z1} y={0.005} colour={ZONE_TINT[z.kind]} />
      ))}
      {layout.blocks.map((b) => {
        const zone = layout.zones[b.zone]!;
        const nearEdge = zone.side < 0 ? zone.z1 : zone.z0;
        // The waiting area in front of the block: patients queue here.
        return (
          <Rect
            key={b.name}
            x0={b.x0}
            z0={Math.min(nearEdge, nearEdge - zone.side * 3.6)}
            x1={b.x1}
            z1={Math.max(nearEdge, nearEdge - zone.side * 3.6)}
            y={0.008}
            colour="#f3efe6"
          />
        );
      })}
      <mesh position={[entrance.x, 0.05, entrance.z]}>
        <boxGeometry args={[1.6, 0.1, corridor * 2]} />
        <meshLambertMaterial color="#2eb872" />
      </mesh>
    </group>
  );
});
