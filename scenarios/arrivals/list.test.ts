/** The `list` kind: entries by day and time become minutes of the week, with their fixed attributes carried. */
import { describe, expect, it } from 'vitest';
import { list } from './list.js';
import type { ArrivalCompileContext } from './kind.js';

const ctx: ArrivalCompileContext = {
  resourceIndex: new Map(),
  attributeIndex: new Map([['procedure', 0]]),
  valueIndex: (_a, v) => ['hip', 'knee'].indexOf(String(v)),
  attributeCount: 1,
  run: { start: '2026-01-05T00:00', minutes: 7 * 1440 },
};

describe('list arrivals (scenario)', () => {
  it('an entry on Monday and Wednesday at 08:00 is two weekly minutes, each fixing its attribute', () => {
    const a = list.schema.parse({ type: 'list', entries: [{ days: ['mon', 'wed'], time: '08:00', count: 2, attributes: { procedure: 'knee' } }] });
    expect(list.compile(a, ctx)).toEqual({
      type: 'list',
      entries: [
        { at: 480, count: 2, attributes: [1] },
        { at: 2 * 1440 + 480, count: 2, attributes: [1] },
      ],
    });
    expect(list.carriedAttributes!(a)).toEqual([['procedure', 'knee']]);
  });

  it('refuses an empty list and a count of 0', () => {
    expect(list.schema.safeParse({ type: 'list', entries: [] }).success).toBe(false);
    expect(list.schema.safeParse({ type: 'list', entries: [{ days: 'all', time: '08:00', count: 0 }] }).success).toBe(false);
  });
});
