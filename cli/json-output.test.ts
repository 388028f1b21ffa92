import { describe, expect, it } from 'vitest';
import { withoutFloatNoise } from './json-output.js';
import { timeLeft } from './progress.js';

describe('numbers as people read them', () => {
  it('forecast JSON writes a p90 of 7.1, not 7.099999999999994, and keeps whole numbers, null and 12 significant figures', () => {
    expect(JSON.stringify({ p90: 7.099999999999994, p50: 122, mean: 0.1 + 0.2, tiny: 1.23456789012345e-7, none: null }, withoutFloatNoise)).toBe(
      '{"p90":7.1,"p50":122,"mean":0.3,"tiny":1.23456789012e-7,"none":null}',
    );
  });

  it('the progress line says the time left is not known before the first replication ends, not "~0s left"', () => {
    expect(timeLeft(0, 500, 4000)).toBe('time left known after the first replication');
    expect(timeLeft(1, 500, 50)).toBe('~25s left');
    expect(timeLeft(10, 500, 100)).toBe('~5s left');
    expect(timeLeft(10, 500, 60_000)).toBe('~49 min left');
    expect(timeLeft(500, 500, 60_000)).toBe('finishing');
  });
});
