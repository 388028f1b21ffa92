import { describe, expect, it } from 'vitest';
import { createStream } from '../random/stream.js';
import { quantileSorted } from './quantile-sorted.js';
import { selectQuantile } from './select-quantile.js';

/** R's type-7 quantile from a full sort: what selection must give to the last bit. */
function bySorting(values: Float64Array, p: number): number {
  return quantileSorted(values.slice().sort(), p);
}

describe('selectQuantile', () => {
  const rng = createStream('select-quantile', 'values');
  const shapes: [string, (i: number) => number][] = [
    ['uniform', () => rng.next()],
    ['heavy ties', () => Math.floor(rng.next() * 4)],
    ['all equal', () => 7],
    ['sorted', (i) => i],
    ['reversed', (i) => -i],
    ['skewed costs', () => Math.exp(6 * rng.next())],
  ];
  for (const [name, draw] of shapes) {
    it(`gives the sorted values' quantiles exactly for ${name} values, taken in increasing p on one array`, () => {
      for (const n of [1, 2, 3, 10, 101, 1000]) {
        const values = Float64Array.from({ length: n }, (_, i) => draw(i));
        const expected = [0.1, 0.5, 0.9].map((p) => bySorting(values, p));
        const work = values.slice();
        const got = [selectQuantile(work, 0.1, 0), selectQuantile(work, 0.5, Math.floor((n - 1) * 0.1)), selectQuantile(work, 0.9, Math.floor((n - 1) * 0.5))];
        expect(got).toEqual(expected);
        // Still the same values, only reordered.
        expect(Array.from(work).sort((a, b) => a - b)).toEqual(Array.from(values).sort((a, b) => a - b));
      }
    });
  }

  it('gives NaN for no values and refuses p outside [0, 1] or a start past the quantile', () => {
    expect(selectQuantile(new Float64Array(0), 0.5)).toBeNaN();
    expect(() => selectQuantile(Float64Array.of(1, 2), 1.5)).toThrow(/p must be in \[0, 1\]/);
    expect(() => selectQuantile(Float64Array.of(1, 2, 3), 0.1, 2)).toThrow(/from must be/);
  });

  it('gives the minimum at p = 0 and the maximum at p = 1', () => {
    const values = Float64Array.of(5, -2, 9, 9, 0);
    expect(selectQuantile(values.slice(), 0)).toBe(-2);
    expect(selectQuantile(values.slice(), 1)).toBe(9);
  });
});
