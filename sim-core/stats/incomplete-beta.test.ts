import { describe, expect, it } from 'vitest';
import { logBeta, logGamma, regularizedIncompleteBeta } from './incomplete-beta.js';

describe('logGamma', () => {
  it('matches factorials and Γ(½) = √π', () => {
    // Γ(n) = (n − 1)!: Γ(10) = 9! = 362880; Γ(1) = Γ(2) = 1.
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(2)).toBeCloseTo(0, 14);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    // Below ½ the reflection formula is used: Γ(0.1) = Γ(1.1)/0.1, and
    // Γ(1.1) = 0.9513507699 to the 10 digits of A&S table 6.1.
    expect(logGamma(0.1)).toBeCloseTo(Math.log(0.9513507699 / 0.1), 9);
  });

  it('refuses x <= 0', () => {
    expect(() => logGamma(0)).toThrow(RangeError);
  });
});

describe('regularizedIncompleteBeta', () => {
  // Closed forms, each exact: I_x(a, 1) = x^a; I_x(1, b) = 1 − (1 − x)^b;
  // I_x(½, ½) = (2/π) arcsin √x; I_½(a, a) = ½.
  it('matches its closed forms', () => {
    for (const x of [0.001, 0.1, 0.37, 0.5, 0.8, 0.999]) {
      expect(regularizedIncompleteBeta(x, 3.5, 1)).toBeCloseTo(x ** 3.5, 13);
      expect(regularizedIncompleteBeta(x, 1, 7)).toBeCloseTo(1 - (1 - x) ** 7, 13);
      expect(regularizedIncompleteBeta(x, 0.5, 0.5)).toBeCloseTo((2 / Math.PI) * Math.asin(Math.sqrt(x)), 13);
    }
    for (const a of [0.5, 2, 17.5, 400]) expect(regularizedIncompleteBeta(0.5, a, a)).toBeCloseTo(0.5, 13);
  });

  it('equals a binomial tail: I_p(k, n − k + 1) = P(Bin(n, p) >= k)', () => {
    // n = 12, p = 0.7, k = 10: C(12,10)·.7^10·.3^2 + C(12,11)·.7^11·.3 + .7^12, by hand.
    const p = 0.7;
    const tail = 66 * p ** 10 * 0.09 + 12 * p ** 11 * 0.3 + p ** 12;
    expect(regularizedIncompleteBeta(p, 10, 3)).toBeCloseTo(tail, 13); // 0.2528153478...
  });

  it('is the complement of its mirror: I_x(a, b) = 1 − I_{1−x}(b, a)', () => {
    for (const [x, a, b] of [
      [0.2, 3, 9],
      [0.9, 0.7, 2.2],
      [0.45, 50, 60],
    ] as const) {
      expect(regularizedIncompleteBeta(x, a, b) + regularizedIncompleteBeta(1 - x, b, a)).toBeCloseTo(1, 13);
    }
  });

  it('has ln B(a, b) consistent with Γ: B(2, 3) = 1/12', () => {
    expect(logBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 14);
  });

  it('keeps ln B(a, b) accurate when a shape is large (huge ln Γ terms that cancel)', () => {
    // scipy.special.betaln; relative tolerance 1e-13.
    const cases: ReadonlyArray<readonly [a: number, b: number, lnB: number]> = [
      [10, 10, -13.736229227036555],
      [400, 400, -556.2476520981065],
      [0.5, 5e6, -7.140109267274488],
      [0.5, 12, -0.6596747231378598],
      [30, 2.5, -8.279463575973434],
      [1e6, 1e6, -1386300.0033629201],
    ];
    for (const [a, b, lnB] of cases) expect(Math.abs(logBeta(a, b) / lnB - 1)).toBeLessThan(1e-13);
  });

  it('refuses x outside [0, 1] and non-positive shapes', () => {
    expect(() => regularizedIncompleteBeta(1.1, 1, 1)).toThrow(RangeError);
    expect(() => regularizedIncompleteBeta(0.5, 0, 1)).toThrow(RangeError);
  });
});
