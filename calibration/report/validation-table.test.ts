import { describe, expect, it } from 'vitest';
import { formatNumber } from './validation-table.js';

describe('numbers in the calibration report', () => {
  it('a difference of two equal means is 0.000, not "-2.8e-17"', () => {
    expect(formatNumber(-2.8e-17)).toBe('0.000');
    expect(formatNumber(2.2e-16)).toBe('0.000');
    // A small value that is not noise keeps its digits.
    expect(formatNumber(0.0042)).toBe('0.0042');
  });
});
