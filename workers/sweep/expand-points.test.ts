import { describe, expect, it } from 'vitest';
import { expandPoints, parameterPaths } from './expand-points.js';

describe('sweep designs', () => {
  it('a grid has every combination, the last parameter varying fastest', () => {
    const points = expandPoints({ parameters: { a: [1, 2], b: ['x', 'y', 'z'] } });
    expect(points.map((p) => p.values)).toEqual([
      { a: 1, b: 'x' },
      { a: 1, b: 'y' },
      { a: 1, b: 'z' },
      { a: 2, b: 'x' },
      { a: 2, b: 'y' },
      { a: 2, b: 'z' },
    ]);
    expect(points.map((p) => p.id)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6']);
    expect(points[4]!.origin).toEqual({ design: 'grid', valueIndex: { a: 1, b: 1 } });
  });

  it('pads point ids so they sort', () => {
    const points = expandPoints({ parameters: { a: Array.from({ length: 12 }, (_, i) => i) } });
    expect(points[0]!.id).toBe('p01');
    expect(points[11]!.id).toBe('p12');
  });

  it('a list has the combinations as written, and its columns are every path named', () => {
    const spec = { combinations: [{ a: 1 }, { a: 2, b: 3 }] };
    expect(expandPoints(spec).map((p) => [p.values, p.origin])).toEqual([
      [{ a: 1 }, { design: 'list', combination: 0 }],
      [
        { a: 2, b: 3 },
        { design: 'list', combination: 1 },
      ],
    ]);
    expect(parameterPaths(spec)).toEqual(['a', 'b']);
  });
});
