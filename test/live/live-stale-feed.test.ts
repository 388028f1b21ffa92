/**
 * A feed gone quiet (no message for the stale time) is said on /health and
 * /forecast, announced on /events when it happens, carried by the next
 * forecast event, and cleared by the next message. The service's wall clock
 * is given by the test, so the quiet is measured on that clock, not waited for;
 * the /events announcement, which a timer makes, is awaited as an event (with a
 * stale time of a fraction of a second), never against a time bound.
 */
import { describe, expect, it } from 'vitest';
import { adtMessage } from '../../live/index.js';
import { exchange, getJson, nextEvent, startTwin } from './live-helpers.js';

const at = (minute: number) => new Date((Date.UTC(2150, 0, 1) / 60_000 + minute) * 60_000).toISOString().slice(0, 16);
const register = (id: string, minute: number) =>
  adtMessage({ controlId: id, trigger: 'A04', eventTime: at(minute), visit: `V-${id}`, patientClass: 'E', location: 'Emergency Department' });
const STALE = /no message for (\d+ (minute|second)\(s\)): is the feed down\?/;
const staleIn = (warnings: string[]) => warnings.find((w) => STALE.test(w));

describe('a stale feed', () => {
  it('is warned of on /health and /forecast once no message came for the stale time, by the service clock, and cleared by the next message', async () => {
    let clock = Date.UTC(2026, 11, 7, 9, 0);
    const twin = await startTwin({ now: () => clock, staleMs: 30 * 60_000 });
    try {
      expect((await getJson(twin.httpPort, '/health')).body.warnings).toContain('no message received yet: is the feed connected?');
      await exchange(twin.mllpPort, [register('S1', 0)]);
      await nextEvent(twin.httpPort, 'forecast', () => twin.loop.start());
      clock += 29 * 60_000;
      expect(staleIn((await getJson(twin.httpPort, '/health')).body.warnings)).toBeUndefined();
      expect(staleIn((await getJson(twin.httpPort, '/forecast')).body.warnings)).toBeUndefined();

      clock += 2 * 60_000;
      const health = (await getJson(twin.httpPort, '/health')).body;
      expect(staleIn(health.warnings)).toBe('no message for 31 minute(s): is the feed down?');
      expect(health.lastMessageAt).toBe(new Date(clock - 31 * 60_000).toISOString());
      const forecast = await getJson(twin.httpPort, '/forecast');
      expect(forecast.status).toBe(200);
      expect(staleIn(forecast.body.warnings)).toBe('no message for 31 minute(s): is the feed down?');

      await exchange(twin.mllpPort, [register('S2', 45)]);
      expect(staleIn((await getJson(twin.httpPort, '/health')).body.warnings)).toBeUndefined();
      expect(staleIn((await getJson(twin.httpPort, '/forecast')).body.warnings)).toBeUndefined();
    } finally {
      await twin.close();
    }
  });

  it('is announced on /events when the feed goes quiet, and the next forecast event carries the warning', async () => {
    const twin = await startTwin({ staleMs: 300 });
    try {
      const stale = (await nextEvent(twin.httpPort, 'stale', () => void exchange(twin.mllpPort, [register('E1', 0)]))) as {
        lastMessageAt: string;
        warnings: string[];
      };
      expect(staleIn(stale.warnings)).toMatch(STALE);
      expect(Date.parse(stale.lastMessageAt)).toBe(twin.twin.lastStoredAt);
      expect(staleIn((await getJson(twin.httpPort, '/health')).body.warnings)).toMatch(STALE);
      const forecast = (await nextEvent(twin.httpPort, 'forecast', () => twin.loop.start())) as { warnings: string[] };
      expect(staleIn(forecast.warnings)).toMatch(STALE);
    } finally {
      await twin.close();
    }
  });
});
