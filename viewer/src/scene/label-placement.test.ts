import { describe, expect, it } from 'vitest';
import { LABEL_GAP, placeLabels, type LabelToPlace } from './label-placement.js';

const AT_OR_ABOVE = [
  [0, 0],
  [0, -1],
] as const;

function label(x: number, y: number, width = 60, height = 16): LabelToPlace {
  return { x, y, width, height, candidates: AT_OR_ABOVE };
}

/** Whether two placed boxes of the same size come closer than LABEL_GAP. */
function tooClose(a: { left: number; top: number }, b: { left: number; top: number }, width: number, height: number): boolean {
  return a.left < b.left + width + LABEL_GAP && b.left < a.left + width + LABEL_GAP && a.top < b.top + height + LABEL_GAP && b.top < a.top + height + LABEL_GAP;
}

describe('placing the words of the plan', () => {
  it('puts a label centred on its anchor when nothing is there', () => {
    expect(placeLabels([label(100, 50)], 400, 300)).toEqual([{ left: 70, top: 42 }]);
  });

  it('moves the second of two labels at one height a line up, clear of the first', () => {
    const [a, b] = placeLabels([label(100, 50), label(110, 50)], 400, 300);
    expect(a).toEqual({ left: 70, top: 42 });
    expect(b).toEqual({ left: 80, top: 24 });
    expect(tooClose(a!, b!, 60, 16)).toBe(false);
  });

  it('keeps the strip at the top clear, moving a label there a line down', () => {
    const a = {
      ...label(100, 20),
      candidates: [
        [0, 0],
        [0, 1],
      ] as const,
    };
    expect(placeLabels([a], 400, 300, 30)).toEqual([{ left: 70, top: 30 }]);
    expect(placeLabels([a], 400, 300, 31)).toEqual([null]);
  });

  it('leaves out a label with no free place, and one off screen or hidden', () => {
    const placed = placeLabels([label(100, 50), label(100, 36), label(100, 50), label(390, 50), { ...label(200, 200), hidden: true }], 400, 300);
    expect(placed[0]).not.toBeNull();
    expect(placed[1]).not.toBeNull();
    expect(placed[2]).toBeNull();
    expect(placed[3]).toBeNull();
    expect(placed[4]).toBeNull();
  });

  it('never lets two of forty crowded labels overlap', () => {
    const labels = Array.from({ length: 40 }, (_, i) => ({
      ...label(20 + ((i * 37) % 360), 20 + ((i * 53) % 260), 40 + (i % 5) * 10),
      candidates: [
        [0, 0],
        [0, -1],
        [0, 1],
        [0, -2],
        [0, 2],
      ] as const,
    }));
    const placed = placeLabels(labels, 400, 300);
    const shown = placed.flatMap((p, i) => (p ? [{ ...p, width: labels[i]!.width, height: 16 }] : []));
    expect(shown.length).toBeGreaterThan(15);
    for (let i = 0; i < shown.length; i++)
      for (let j = i + 1; j < shown.length; j++) {
        const [a, b] = [shown[i]!, shown[j]!];
        const overlap = a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
        expect(overlap, `labels ${i} and ${j}`).toBe(false);
      }
  });
});
