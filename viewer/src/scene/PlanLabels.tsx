/**
 * The words on the plan as HTML over the canvas: sharp at any size, a fixed
 * readable type size however far the camera is, and placed so that no two
 * overlap (label-placement). `PlanLabelLayer` renders the elements once;
 * `PlanLabelPlacer`, inside the canvas, moves them when the camera or the
 * view's size changes and updates counts when the clock does, writing to the
 * elements directly: React is not involved per frame.
 */
import { useFrame, useThree } from '@react-three/fiber';
import { useMemo } from 'react';
import { Vector3 } from 'three';
import { usePlayback } from '../store/playback.js';
import { placeLabels, type LabelToPlace, type Placement } from './label-placement.js';
import type { PlanItem } from './plan-label-items.js';

/**
 * While the replay plays, the counts are rewritten at most this often (ms):
 * each rewrite is a layout and a repaint of the words over the scene, which
 * with software rendering cost more than the scene's own frame; a count that
 * changes sixty times a second cannot be read anyway. Paused, every change shows.
 */
const PLAYING_TEXT_MS = 250;

/** Height of the strip at the top of a scene where its title and buttons sit (styles.css: .scene-title, .scene-tools), in px. */
const TITLE_STRIP = 34;

export interface LabelElements {
  current: (HTMLSpanElement | null)[];
}

export function PlanLabelLayer({ items, elements }: { items: readonly PlanItem[]; elements: LabelElements }) {
  return (
    // The scene's own label describes it for people who cannot see it; these words repeat what it draws.
    <div className="plan-labels" aria-hidden="true" data-testid="plan-labels">
      {items.map((item, i) => (
        <span
          key={item.key}
          ref={(e) => void (elements.current[i] = e)}
          className={`plan-label ${item.kind}`}
          data-key={item.key}
          style={{ ...(item.colour ? { color: item.colour } : {}), ...(item.background ? { background: item.background } : {}) }}
          hidden
        />
      ))}
    </div>
  );
}

/** Whether the camera or the view changed since `seen` was written; writes it (nothing allocated per frame). */
function moved(seen: Float64Array, world: readonly number[], projection: readonly number[], width: number, height: number): boolean {
  let changed = seen[32] !== width || seen[33] !== height;
  for (let i = 0; i < 16; i++) changed ||= seen[i] !== world[i] || seen[16 + i] !== projection[i];
  if (!changed) return false;
  seen.set(world, 0);
  seen.set(projection, 16);
  seen[32] = width;
  seen[33] = height;
  return true;
}

interface PlacerState {
  size: { width: number; height: number }[] | null;
  texts: (string | null)[];
  alarms: boolean[];
  placement: Placement[];
  /** Camera and view the placement was made for: its matrices, then the view's width and height. */
  seen: Float64Array;
  /** When the words were last rewritten (performance.now()), and for what time. */
  writtenAt: number;
  writtenFor: number;
}

export function PlanLabelPlacer({ items, elements, clock }: { items: readonly PlanItem[]; elements: LabelElements; clock: { time: number } }) {
  const camera = useThree((s) => s.camera);
  const view = useThree((s) => s.size);
  const state = useMemo<PlacerState>(
    () => ({ size: null, texts: [], alarms: [], placement: [], seen: new Float64Array(34).fill(NaN), writtenAt: -Infinity, writtenFor: NaN }),
    [items],
  );
  const p = useMemo(() => new Vector3(), []);
  useFrame(() => {
    const els = elements.current;
    if (!state.size) {
      // Each label's room: its widest text, measured once, when the scene is on screen (a kept scene is not).
      if (!els[0]?.parentElement?.offsetParent) return;
      state.size = items.map((item, i) => {
        const el = els[i];
        if (!el) return { width: 0, height: 0 };
        el.hidden = false;
        el.style.minWidth = '';
        el.textContent = item.widest;
        const size = { width: el.offsetWidth, height: el.offsetHeight };
        el.style.minWidth = `${size.width}px`;
        el.hidden = true;
        return size;
      });
      state.texts = items.map(() => null);
    }
    camera.updateMatrixWorld();
    const placed = moved(state.seen, camera.matrixWorld.elements, camera.projectionMatrix.elements, view.width, view.height);
    if (placed) {
      const labels: LabelToPlace[] = items.map((item, i) => {
        p.set(item.anchor[0], item.anchor[1], item.anchor[2]).project(camera);
        const { width, height } = state.size![i]!;
        return {
          x: ((p.x + 1) / 2) * view.width,
          y: ((1 - p.y) / 2) * view.height,
          width,
          height,
          candidates: item.candidates,
          hidden: p.z > 1 || width === 0,
        };
      });
      state.placement = placeLabels(labels, view.width, view.height, TITLE_STRIP);
      state.placement.forEach((at, i) => {
        const el = els[i];
        if (!el) return;
        // Read by the browser tests: a label with no room (not shown) is told apart from a count of 0.
        el.dataset['placed'] = String(at !== null);
        if (at) el.style.transform = `translate(${Math.round(at.left)}px, ${Math.round(at.top)}px)`;
      });
    }
    const now = performance.now();
    if (!placed && clock.time === state.writtenFor) return;
    if (!placed && usePlayback.getState().playing && now - state.writtenAt < PLAYING_TEXT_MS) return;
    state.writtenAt = now;
    state.writtenFor = clock.time;
    items.forEach((item, i) => {
      const el = els[i];
      if (!el) return;
      const text = state.placement[i] ? item.text(clock.time) : null;
      if (text !== state.texts[i]) {
        state.texts[i] = text;
        if (text !== null) el.textContent = text;
        el.hidden = text === null;
      }
      const alarm = item.alarm?.(clock.time) ?? false;
      if (alarm !== state.alarms[i]) {
        state.alarms[i] = alarm;
        el.classList.toggle('alarm', alarm);
      }
    });
  });
  return null;
}
