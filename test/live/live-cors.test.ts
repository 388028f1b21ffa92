/**
 * A page of another origin (the viewer) may read the twin only if serve named
 * it (--cors): its preflight is answered, and every answer, a refusal too, says
 * that origin may read it; any other origin gets no such header, so its
 * browser keeps the answer from it. /scenario serves the scenario the twin uses.
 */
import { describe, expect, it } from 'vitest';
import { startTwin } from './live-helpers.js';

const VIEWER = 'http://localhost:5173';

describe('a browser page reading the twin', () => {
  it('is allowed from the origin given with --cors, and from no other', async () => {
    const twin = await startTwin({ cors: [VIEWER], token: 'a-long-test-token-0123456789' });
    const url = (p: string) => `http://127.0.0.1:${twin.httpPort}${p}`;
    try {
      const preflight = await fetch(url('/state'), {
        method: 'OPTIONS',
        headers: { origin: VIEWER, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(VIEWER);
      expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization/);

      const scenario = await fetch(url('/scenario'), { headers: { origin: VIEWER } });
      expect(scenario.headers.get('access-control-allow-origin')).toBe(VIEWER);
      expect(((await scenario.json()) as { name: string }).name).toBe('mimic-iv-demo-transfers');

      const refused = await fetch(url('/state'), { headers: { origin: VIEWER, authorization: 'Bearer not-the-token-0000000000' } });
      expect(refused.status).toBe(403);
      expect(refused.headers.get('access-control-allow-origin')).toBe(VIEWER);

      const other = await fetch(url('/state'), { headers: { origin: 'http://elsewhere.example' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await twin.close();
    }
  });
});
