import { describe, expect, it } from 'vitest';
import { builtinScenario, parseScenario } from '../../scenarios/index.js';
import { NodeWorkerPool } from './node-pool.js';

describe('one Ctrl-C always stops a run (issue 16, item 7)', () => {
  it('a replication still running after the grace period is stopped, not waited for; the pool still works after', async () => {
    // Ten years of the general hospital: one replication takes far longer than this test allows.
    const long = parseScenario({ ...(builtinScenario('general-hospital')!.document as object), horizonDays: 3650 }, 'long');
    const pool = new NodeWorkerPool(1);
    try {
      const controller = new AbortController();
      const started = Date.now();
      setTimeout(() => controller.abort(), 1000);
      const r = await pool.run({ scenario: long, seed: 1, replications: [1] }, { signal: controller.signal, graceMs: 500 });
      expect(r.cancelled).toBe(true);
      expect(r.results).toEqual([]);
      expect(r.failures).toEqual([]);
      // Abort at 1 s, grace 0.5 s, plus the time to stop a thread: well under the replication's minutes.
      expect(Date.now() - started).toBeLessThan(10_000);
      const mmc = parseScenario(builtinScenario('textbook-mmc')!.document);
      const after = await pool.run({ scenario: mmc, seed: 1, replications: [1, 2] });
      expect(after.results.map((x) => x.replication)).toEqual([1, 2]);
    } finally {
      await pool.close();
    }
  }, 20_000);
});
