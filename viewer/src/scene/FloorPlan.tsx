/** The static floor: zones tinted by department, the corridor, waiting areas, and their names. */
import { memo } from 'react';
import type { HospitalLayout, ZoneKind } from '../layout/types.js';
import { Label } from './label-sprite.js';

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
  // Text grows with the plan, so that names stay readable in the overall view.
  const span = bounds.x1 - bounds.x0;
  const zoneText = Math.max(1.3, span / 52);
  const blockText = Math.max(1.0, span / 80);
  return (
    <group>
      <Rect x0={bounds.x0 - 6} z0={bounds.z0 - 6} x1={bounds.x1 + 6} z1={bounds.z1 + 6} y={-0.02} colour="#d9dee4" />
      <Rect x0={entrance.x} z0={-corridor} x1={bounds.x1} z1={corridor} y={0} colour="#fbfbfb" />
      {layout.zones.map((z) => {
        const far = z.side < 0 ? z.z0 : z.z1;
        return (
          <group key={z.id}>
            <Rect x0={z.x0} z0={z.z0} x1={z.x1} z1={z.z1} y={0.005} colour={ZONE_TINT[z.kind]} />
            <Label
              text={z.label}
              position={[(z.x0 + z.x1) / 2, 0.6, far - z.side * 1.1]}
              height={zoneText}
              maxWidth={z.x1 - z.x0}
              background="rgba(255,255,255,0.85)"
            />
          </group>
        );
      })}
      {layout.blocks.map((b) => {
        const zone = layout.zones[b.zone]!;
        const nearEdge = zone.side < 0 ? zone.z1 : zone.z0;
        const blockNear = zone.side < 0 ? b.z1 : b.z0;
        return (
          <group key={b.name}>
            {/* The waiting area in front of the block: patients queue here. */}
            <Rect
              x0={b.x0}
              z0={Math.min(nearEdge, nearEdge - zone.side * 3.6)}
              x1={b.x1}
              z1={Math.max(nearEdge, nearEdge - zone.side * 3.6)}
              y={0.008}
              colour="#f3efe6"
            />
            {layout.blocks.filter((o) => o.zone === b.zone).length > 1 && (
              <Label
                text={b.label}
                position={[(b.x0 + b.x1) / 2, 0.45, blockNear - zone.side * 0.55]}
                height={blockText}
                maxWidth={b.x1 - b.x0 + 3.5}
                colour="#1d2733"
                background="rgba(255,255,255,0.7)"
              />
            )}
          </group>
        );
      })}
      <mesh position={[entrance.x, 0.05, entrance.z]}>
        <boxGeometry args={[1.6, 0.1, corridor * 2]} />
        <meshLambertMaterial color="#2eb872" />
      </mesh>
      <Label text="Entrance" position={[entrance.x, 1.6, entrance.z]} height={blockText} background="rgba(255,255,255,0.85)" />
    </group>
  );
});
