import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { crpsOfSorted } from './crps.js';

describe('CRPS of a sample', () => {
  it('of a point forecast is its absolute error (closed form: ∫ (1{z ≥ x} − 1{z ≥ y})² dz = |x − y|)', () => {
    expect(crpsOfSorted([7, 7, 7, 7], 7)).toBe(0);
    expect(crpsOfSorted([7, 7, 7, 7], 10)).toBe(3);
    expect(crpsOfSorted([7], 4.5)).toBe(2.5);
  });

  it('of Bernoulli(½) at 0 is 0.25 and of {0, …, 9} at 0 is 2.85, by hand', () => {
    // ∫₀¹ (½ − 1)² dz = 0.25.
    expect(crpsOfSorted([0, 1], 0)).toBeCloseTo(0.25, 12);
    // F steps by 0.1 at 0..9: ∫ (F − 1)² = Σₖ₌₁..₉ (k/10 − 1)² = Σⱼ₌₁..₉ (j/10)² = 2.85.
    expect(crpsOfSorted([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 0)).toBeCloseTo(2.85, 12);
  });

  it('equals the pairwise formula E|X − y| − ½ E|X − X′| on a random sample', () => {
    const rng = seedrandom('crps');
    const xs = Array.from({ length: 57 }, () => Math.floor(rng() * 30)).sort((a, b) => a - b);
    const y = 12;
    let pairs = 0;
    for (const a of xs) for (const b of xs) pairs += Math.abs(a - b);
    const direct = xs.reduce((s, x) => s + Math.abs(x - y), 0) / xs.length - pairs / (2 * xs.length ** 2);
    expect(crpsOfSorted(xs, y)).toBeCloseTo(direct, 10);
  });
});
