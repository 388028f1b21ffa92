/**
 * A forecast that fails (here: a feed that puts a patient in a unit the mapping
 * sends to a ward the scenario does not have) is announced on /events and shown
 * in /health and /forecast with its reason, never naming the patient; the last
 * good forecast stays, with its own "as of"; the next good one clears the failure.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adtMessage } from '../../live/index.js';
import { parseFhirMapping } from '../../scenarios/index.js';
import { exchange, getJson, MAP_FILE, nextEvent, startTwin } from './live-helpers.js';

// The demo's mapping plus one unit whose ward is not in the scenario: a state the forecast cannot start from.
const demo = JSON.parse(readFileSync(MAP_FILE, 'utf8')) as { locations: Record<string, unknown> };
const mapping = parseFhirMapping({ ...demo, locations: { ...demo.locations, 'Location/Annex': { ward: 'annex-ward', step: 'Emergency Department' } } });

const at = (minute: number) => new Date((Date.UTC(2150, 0, 1) / 60_000 + minute) * 60_000).toISOString().slice(0, 16);

describe('a forecast that fails', () => {
  it('is announced with its reason on /events and in /health, and the last good forecast is kept with its as-of', async () => {
    const twin = await startTwin({ mapping });
    try {
      await exchange(twin.mllpPort, [
        adtMessage({ controlId: 'F1', trigger: 'A04', eventTime: at(0), visit: 'SECRET-VISIT-1', patientClass: 'E', location: 'Emergency Department' }),
      ]);
      const good = (await nextEvent(twin.httpPort, 'forecast', () => twin.loop.start())) as { asOf: string };
      expect(good.asOf).toBe(at(0));

      await exchange(twin.mllpPort, [
        adtMessage({ controlId: 'F2', trigger: 'A04', eventTime: at(30), visit: 'SECRET-VISIT-2', patientClass: 'E', location: 'Annex' }),
      ]);
      const failed = (await nextEvent(twin.httpPort, 'forecast-failed', () => twin.loop.start())) as Record<string, unknown>;
      expect(failed).toMatchObject({ asOf: at(30), messages: 2, lastGoodAsOf: at(0) });
      expect(failed['reason']).toMatch(/unknown ward "annex-ward"/);

      const health = (await getJson(twin.httpPort, '/health')).body;
      expect(health.forecastAsOf).toBe(at(0));
      expect(health.forecastFailed.reason).toBe(failed['reason']);
      expect(health.warnings.join(' ')).toMatch(new RegExp(`the forecast as of ${at(30)} failed: .*annex-ward.*the last good one, as of ${at(0)}`));
      const forecast = await getJson(twin.httpPort, '/forecast');
      expect(forecast.status).toBe(200);
      expect(forecast.body.asOf).toBe(at(0));
      expect(forecast.body.failed.asOf).toBe(at(30));
      expect(JSON.stringify([failed, health, forecast.body.failed, twin.lines])).not.toMatch(/SECRET/);
      expect(twin.lines.some((l) => /^forecast: failed .*annex-ward/.test(l))).toBe(true);

      // The patient's arrival cancelled: the state fits again, the next forecast succeeds and the failure is gone.
      await exchange(twin.mllpPort, [adtMessage({ controlId: 'F3', trigger: 'A11', eventTime: at(40), visit: 'SECRET-VISIT-2' })]);
      const again = (await nextEvent(twin.httpPort, 'forecast', () => twin.loop.start())) as { asOf: string; failed?: unknown };
      expect(again.asOf).toBe(at(40));
      const after = (await getJson(twin.httpPort, '/health')).body;
      expect(after.forecastFailed).toBeNull();
      expect(after.warnings.join(' ')).not.toMatch(/failed/);
    } finally {
      await twin.close();
    }
  });
});
