/**
 * A count over each waiting line ("12 waiting"), so a long queue reads as a
 * number and not a solid block. Each label is a sprite whose canvas is redrawn
 * only when its count changes; React is not involved per frame.
 */
import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { CanvasTexture, LinearFilter, SRGBColorSpace, type Sprite } from 'three';
import { queueCountAt, type Replay } from '../replay/index.js';
import { clock as playbackClock } from '../store/playback.js';

const PX = 56;

interface Badge {
  canvas: HTMLCanvasElement;
  texture: CanvasTexture;
  shown: number;
}

function draw(badge: Badge, n: number): void {
  const ctx = badge.canvas.getContext('2d')!;
  const { width, height } = badge.canvas;
  ctx.clearRect(0, 0, width, height);
  if (n > 0) {
    ctx.fillStyle = n >= 10 ? '#b03a2e' : '#1d2733';
    ctx.beginPath();
    ctx.roundRect(0, 0, width, height, height / 2);
    ctx.fill();
    ctx.fillStyle = '#fff';
    ctx.font = `700 ${PX}px system-ui, sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(`${n} waiting`, width / 2, height / 2 + 2);
  }
  badge.texture.needsUpdate = true;
  badge.shown = n;
}

export function QueueCounts({ replay, clock = playbackClock }: { replay: Replay; clock?: { time: number } }) {
  const { layout } = replay;
  const span = layout.bounds.x1 - layout.bounds.x0;
  const size = Math.max(1.3, span / 70);
  const badges = useMemo(
    () =>
      layout.blocks.map(() => {
        const canvas = document.createElement('canvas');
        canvas.width = PX * 6;
        canvas.height = Math.round(PX * 1.4);
        const texture = new CanvasTexture(canvas);
        texture.colorSpace = SRGBColorSpace;
        texture.minFilter = LinearFilter;
        texture.generateMipmaps = false;
        return { canvas, texture, shown: -1 } as Badge;
      }),
    [layout],
  );
  useEffect(() => () => badges.forEach((b) => b.texture.dispose()), [badges]);
  const sprites = useRef<(Sprite | null)[]>([]);
  useFrame(() => {
    for (let b = 0; b < badges.length; b++) {
      const n = queueCountAt(replay.queues, b, clock.time);
      const badge = badges[b]!;
      if (n !== badge.shown) draw(badge, n);
      const s = sprites.current[b];
      if (s) s.visible = n > 0;
    }
  });
  const aspect = (PX * 6) / (PX * 1.4);
  return (
    <group>
      {layout.blocks.map((block, b) => {
        const zone = layout.zones[block.zone]!;
        // Above the first spot of the line, a little towards the corridor.
        const z = block.queue.z - zone.side * 1.2;
        return (
          <sprite
            key={block.name}
            ref={(s) => void (sprites.current[b] = s)}
            position={[block.queue.x + size * aspect * 0.35, 2.2, z]}
            scale={[size * aspect, size, 1]}
            renderOrder={12}
            visible={false}
          >
            <spriteMaterial map={badges[b]!.texture} transparent depthTest={false} depthWrite={false} />
          </sprite>
        );
      })}
    </group>
  );
}
