/** Text in the scene, always facing the camera: a sprite with the text drawn on a canvas. */
import { useEffect, useMemo } from 'react';
import { CanvasTexture, LinearFilter, SRGBColorSpace } from 'three';

export interface LabelProps {
  text: string;
  position: [number, number, number];
  /** Height of the text in metres. */
  height: number;
  colour?: string;
  background?: string;
  /** Shrink the text to fit this width (metres). */
  maxWidth?: number;
}

function drawLabel(text: string, colour: string, background: string | undefined): { texture: CanvasTexture; aspect: number } {
  const px = 64;
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d')!;
  ctx.font = `600 ${px}px system-ui, sans-serif`;
  const w = Math.ceil(ctx.measureText(text).width) + px;
  canvas.width = w;
  canvas.height = Math.ceil(px * 1.5);
  ctx.font = `600 ${px}px system-ui, sans-serif`;
  if (background) {
    ctx.fillStyle = background;
    const r = px * 0.35;
    ctx.beginPath();
    ctx.roundRect(0, 0, canvas.width, canvas.height, r);
    ctx.fill();
  }
  ctx.fillStyle = colour;
  ctx.textBaseline = 'middle';
  ctx.fillText(text, px / 2, canvas.height / 2);
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  texture.minFilter = LinearFilter;
  texture.generateMipmaps = false;
  return { texture, aspect: canvas.width / canvas.height };
}

/** A label to draw on the plan (a ward's census), named by `key`. */
export type PlanLabel = LabelProps & { key: string };

export function Label({ text, position, height, colour = '#1d2733', background, maxWidth = Infinity }: LabelProps) {
  const { texture, aspect } = useMemo(() => drawLabel(text, colour, background), [text, colour, background]);
  useEffect(() => () => texture.dispose(), [texture]);
  const h = Math.min(height * 1.5, maxWidth / aspect);
  return (
    <sprite position={position} scale={[h * aspect, h, 1]} renderOrder={10}>
      <spriteMaterial map={texture} transparent depthWrite={false} />
    </sprite>
  );
}
