/**
 * Where the words on the plan go on screen so that no two overlap: each label,
 * in order of importance, takes the first of its candidate places (at its
 * anchor, then a line above, a line below, ...) that is inside the view and
 * clear of every label placed before it; a label with no such place is not
 * shown (it comes back when the user zooms in). Greedy, as map labelling
 * usually is: n labels, k places each, O(n² k), a few thousand box tests.
 */

/** A label to place: its anchor on screen (px) and its size (px). */
export interface LabelToPlace {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Offsets to try, in label heights (dy) and widths (dx), each with the gap, best first. */
  candidates: readonly (readonly [dx: number, dy: number])[];
  /** Off screen or behind the camera: not shown. */
  hidden?: boolean;
}

/** Top-left corner of a placed label, or null where it is not shown. */
export type Placement = { left: number; top: number } | null;

/** Room kept between two labels, in px. */
export const LABEL_GAP = 2;

/** `top`: a strip at the top of the view kept clear (the scene's title and buttons sit there). */
export function placeLabels(labels: readonly LabelToPlace[], viewWidth: number, viewHeight: number, top = 0): Placement[] {
  const placed: { l: number; t: number; r: number; b: number }[] = [];
  return labels.map((label) => {
    if (label.hidden) return null;
    for (const [dx, dy] of label.candidates) {
      // A step of one line (or one width) clears a label at the same anchor, gap included.
      const l = label.x + dx * (label.width + LABEL_GAP) - label.width / 2;
      const t = label.y + dy * (label.height + LABEL_GAP) - label.height / 2;
      const r = l + label.width;
      const b = t + label.height;
      if (l < 0 || t < top || r > viewWidth || b > viewHeight) continue;
      const clear = placed.every((p) => r + LABEL_GAP <= p.l || p.r + LABEL_GAP <= l || b + LABEL_GAP <= p.t || p.b + LABEL_GAP <= t);
      if (!clear) continue;
      placed.push({ l, t, r, b });
      return { left: l, top: t };
    }
    return null;
  });
}
