/** Dated arrivals: each listed minute of the run once, never repeated, with its entry's index. */
import { describe, expect, it } from 'vitest';
import { dated } from './dated.js';
import { runArrivals } from './test-host.js';

describe('dated arrivals', () => {
  it('come once at each listed minute, count patients each, and not again a week later', () => {
    const model = {
      type: 'dated' as const,
      entries: [
        { at: 5, count: 1, attributes: [0] },
        { at: 90, count: 2, attributes: [-1] },
      ],
    };
    const { arrivals } = runArrivals(model, 3 * 7 * 1440);
    expect(arrivals).toEqual([
      { at: 5, entry: 0 },
      { at: 90, entry: 1 },
      { at: 90, entry: 1 },
    ]);
    expect(dated.fixedAttributes!(model, 0)).toEqual([0]);
  });
});
