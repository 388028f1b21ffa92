/**
 * The forecast loop's timing: a burst of messages makes one forecast once they
 * pause for the debounce; a feed that never pauses still gets one at most
 * `maxWaitMs` after the first change not yet forecast (else a busy hospital's
 * forecast would never be renewed). Fake timers: no wall clock is waited on.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseState } from '../../scenarios/index.js';
import { ForecastLoop } from './forecast-loop.js';

const state = parseState({ asOf: '2026-03-02T08:00', patients: [], booked: [] });

function loop(debounceMs: number, maxWaitMs?: number) {
  const started: number[] = [];
  const l = new ForecastLoop<number>({
    debounceMs,
    ...(maxWaitMs !== undefined ? { maxWaitMs } : {}),
    everyMs: 3_600_000,
    current: () => ({ state, messages: 0, warnings: [] }),
    forecast: () => {
      started.push(Date.now());
      return Promise.resolve({ summary: 1, warnings: [] });
    },
    onResult: () => {},
    onError: () => {},
    reason: String,
  });
  return { l, started };
}

describe('the forecast loop', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'] }));
  afterEach(() => vi.useRealTimers());

  it('forecasts once after a burst, when the messages pause for the debounce', async () => {
    const { l, started } = loop(200);
    for (let i = 0; i < 10; i++) {
      l.changed();
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(started).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(started).toEqual([650]);
    await l.stop();
  });

  it('forecasts a feed that never pauses at most maxWait after its first change', async () => {
    const { l, started } = loop(200, 1_000);
    for (let i = 0; i < 50; i++) {
      l.changed();
      await vi.advanceTimersByTimeAsync(100);
    }
    // Changes every 100 ms never leave the 200 ms pause: forecasts come from the 1 s limit, one per second.
    expect(started.length).toBeGreaterThanOrEqual(4);
    expect(started[0]).toBe(1_000);
    for (let k = 1; k < started.length; k++) expect(started[k]! - started[k - 1]!).toBeLessThanOrEqual(1_100);
    await l.stop();
  });
});
