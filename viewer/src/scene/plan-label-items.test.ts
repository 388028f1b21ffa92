import { describe, expect, it } from 'vitest';
import { bedsText, shortName } from './plan-label-items.js';

describe('the words over the wards of a replay', () => {
  it('says how many beds are occupied, in full where the ward is wide and short where it is not', () => {
    expect(bedsText(120, 148, true)).toBe('120 of 148 beds occupied');
    expect(bedsText(2, 7, false)).toBe('2/7 beds');
  });

  it('names a small ward short enough to sit over its beds', () => {
    expect(shortName('Intensive care unit (level 3)')).toBe('Intensive care');
    expect(shortName('Step-down unit (level 2)')).toBe('Step-down');
    expect(shortName('Medical ward')).toBe('Medical');
    expect(shortName('(level 2)')).toBe('(level 2)');
  });
});
