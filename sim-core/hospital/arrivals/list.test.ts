/** List arrivals: each entry's patients at its minute of every week, carrying the entry's index and its fixed attributes. */
import { describe, expect, it } from 'vitest';
import { list } from './list.js';
import { runArrivals } from './test-host.js';

const WEEK = 7 * 1440;

describe('list arrivals', () => {
  it('repeat every week at their minute, count patients each, in minute order whatever the list order', () => {
    const model = {
      type: 'list' as const,
      entries: [
        { at: 600, count: 1, attributes: [1] },
        { at: 480, count: 2, attributes: [-1] },
      ],
    };
    const { arrivals } = runArrivals(model, 2 * WEEK - 1);
    expect(arrivals).toEqual([
      { at: 480, entry: 1 },
      { at: 480, entry: 1 },
      { at: 600, entry: 0 },
      { at: WEEK + 480, entry: 1 },
      { at: WEEK + 480, entry: 1 },
      { at: WEEK + 600, entry: 0 },
    ]);
    expect(list.fixedAttributes!(model, 0)).toEqual([1]);
  });

  it('a run that starts mid-week skips the minutes already past', () => {
    // The run starts on Monday at 09:00 (minute 540 of the week): the 08:00 entry first comes the next week.
    const { arrivals } = runArrivals({ type: 'list', entries: [{ at: 480, count: 1, attributes: [] }] }, WEEK, 1, 540);
    expect(arrivals).toEqual([{ at: WEEK - 60, entry: 0 }]);
  });
});
