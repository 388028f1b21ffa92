import { describe, expect, it } from 'vitest';
import { finiteMean } from './finite-mean.js';

describe('finiteMean', () => {
  it('averages the finite values only', () => {
    expect(finiteMean([2, NaN, 4, Infinity, -Infinity])).toBe(3);
    expect(finiteMean([1, 2, 3, 4])).toBe(2.5);
  });

  it('gives NaN when no value is finite', () => {
    expect(finiteMean([])).toBeNaN();
    expect(finiteMean([NaN, Infinity])).toBeNaN();
  });
});
