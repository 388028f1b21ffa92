import { describe, expect, it } from 'vitest';
import { firstTraceDifference } from '../../sim-core/index.js';
import { builtinScenario, compileScenario, parseScenario, type Scenario } from '../../scenarios/index.js';
import { runReplication, runScenario } from '../run-replications.js';
import { NodeWorkerPool } from './node-pool.js';
import { runScenarioParallel } from './run-parallel.js';
import { smallHospital } from '../../scenarios/fixtures/small-hospital.js';

function small(): Scenario {
  return parseScenario({ ...smallHospital, horizonDays: 10 }, 'small');
}

describe('worker threads', () => {
  it('give the same figures and trace, to the bit, as the main thread, with 1 or 3 workers', async () => {
    const scenario = small();
    const main = await runScenario(scenario, { replications: 7, seed: 5, trace: true });
    for (const workers of [1, 3]) {
      const par = await runScenarioParallel(scenario, { replications: 7, seed: 5, trace: true, workers });
      expect(par.failures).toEqual([]);
      expect(par.perReplication.map((r) => r.replication)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      // Object.is per figure: NaN equals NaN, and -0 differs from 0.
      par.perReplication.forEach((r, i) => {
        for (const [id, v] of Object.entries(main.perReplication[i]!.figures)) expect(Object.is(r.figures[id], v), `${id} rep ${i + 1}`).toBe(true);
      });
      expect(firstTraceDifference(main.trace!, par.trace!)).toBe(-1);
      expect(par.figures).toEqual(main.figures);
    }
  });

  it('report progress for every replication and stop cleanly when cancelled, keeping what finished', async () => {
    const scenario = parseScenario(builtinScenario('textbook-mmc')!.document);
    const pool = new NodeWorkerPool(2);
    try {
      const seen: number[] = [];
      const all = await pool.run({ scenario, seed: 1, replications: [1, 2, 3, 4] }, { onProgress: (done) => seen.push(done) });
      expect(seen).toEqual([1, 2, 3, 4]);
      expect(all.results).toHaveLength(4);

      const controller = new AbortController();
      const partial = await pool.run(
        { scenario, seed: 1, replications: Array.from({ length: 40 }, (_, i) => i + 1) },
        { onProgress: (done) => done === 3 && controller.abort(), signal: controller.signal },
      );
      expect(partial.cancelled).toBe(true);
      expect(partial.results.length).toBeGreaterThanOrEqual(3);
      expect(partial.results.length).toBeLessThan(40);
      // What finished is exactly what the full run would have produced for those replications.
      for (const r of partial.results.filter((x) => x.replication <= 4)) expect(r.figures).toEqual(all.results[r.replication - 1]!.figures);
    } finally {
      await pool.close();
    }
  });

  it('give each scenario its own figures when jobs send a kept scenario by number, also after the worker let it go', async () => {
    // Ten scenarios (more than the 8 a worker keeps), each run twice in one-replication jobs as a queue worker runs them:
    // the second job of each sends only the scenario's number, and the first scenario's has been let go by then.
    const scenarios = Array.from({ length: 10 }, (_, i) => parseScenario({ ...smallHospital, horizonDays: 4 + i, name: `small-${i}` }, `small-${i}`));
    const pool = new NodeWorkerPool(1);
    try {
      for (const round of [1, 2]) {
        for (const s of scenarios) {
          const out = await pool.run({ scenario: s, seed: 3, replications: [round] });
          expect(out.failures).toEqual([]);
          const expected = runReplication(compileScenario(s), 3, round);
          for (const [id, v] of Object.entries(expected.figures)) expect(Object.is(out.results[0]!.figures[id], v), `${s.name} ${id}`).toBe(true);
          expect(out.results[0]!.events).toBe(expected.events);
        }
      }
    } finally {
      await pool.close();
    }
  });

  it('run two jobs at once on one pool (a sweep running points side by side), each as it would alone', async () => {
    const a = small();
    const b = parseScenario({ ...smallHospital, horizonDays: 10, seed: 9, name: 'small-b' }, 'small-b');
    const pool = new NodeWorkerPool(2);
    try {
      // Two jobs of one replication each go to the two workers, not both to the first.
      const one = pool.run({ scenario: a, seed: 5, replications: [1] });
      const other = pool.run({ scenario: b, seed: 9, replications: [1] });
      expect(pool.chunksInHand()).toEqual([1, 1]);
      await Promise.all([one, other]);
      expect(pool.chunksInHand()).toEqual([0, 0]);
      const [together, alsoTogether] = await Promise.all([
        runScenarioParallel(a, { replications: 5, seed: 5, workers: pool }),
        runScenarioParallel(b, { replications: 4, seed: 9, workers: pool }),
      ]);
      const alone = await runScenario(a, { replications: 5, seed: 5 });
      const aloneB = await runScenario(b, { replications: 4, seed: 9 });
      expect(together.figures).toEqual(alone.figures);
      expect(alsoTogether.figures).toEqual(aloneB.figures);
      expect(together.figures).not.toEqual(alsoTogether.figures);
    } finally {
      await pool.close();
    }
  });

  it('report a replication that throws with its scenario, seed and number, keep the others, and replace a dead worker', async () => {
    // Nobody is ever on duty, so every patient waits: the runaway guard stops the replications whose
    // arrivals pass the limit (about half, at a limit equal to the mean arrivals) with an error.
    const scenario = parseScenario({
      name: 'nobody-on-duty',
      start: '2026-01-05T00:00',
      horizonDays: 1,
      staff: [{ id: 'nurse', department: 'ward', hourlyCost: 1, shifts: [{ days: 'all', start: '08:00', end: '16:00', count: 0 }] }],
      patientClasses: [{ id: 'p', department: 'ward', arrivals: { type: 'weekly', perDay: 400 }, pathway: 'v' }],
      pathways: { v: [{ seize: ['nurse'] }, { hold: { type: 'constant', value: 5 }, activity: 'care' }, { release: 'all' }] },
    });
    const pool = new NodeWorkerPool(2);
    try {
      const replications = Array.from({ length: 10 }, (_, i) => i + 1);
      const out = await pool.run({ scenario, seed: 3, replications, maxPatientsInSystem: 400 });
      expect(out.failures.length).toBeGreaterThan(0);
      expect(out.results.length).toBeGreaterThan(0);
      expect(out.results.length + out.failures.length).toBe(10);
      for (const f of out.failures) {
        expect([f.scenario, f.seed]).toEqual(['nobody-on-duty', 3]);
        expect(f.error).toMatch(/more than 400 patients in the hospital at once/);
      }
      // The same replications fail on the main thread: the failure belongs to the replication, not the host.
      const model = compileScenario(scenario);
      for (const f of out.failures) expect(() => runReplication(model, 3, f.replication, undefined, 400)).toThrow(/more than 400 patients/);
      for (const r of out.results) expect(runReplication(model, 3, r.replication, undefined, 400).figures).toEqual(r.figures);

      // A worker that dies mid-job is replaced and its replications run again.
      const victim = (pool as unknown as { slots: { worker: { terminate(): Promise<number> } }[] }).slots[0]!.worker;
      const running = pool.run({ scenario: small(), seed: 3, replications: [1, 2, 3, 4, 5, 6] });
      setTimeout(() => void victim.terminate(), 5);
      const recovered = await running;
      expect(recovered.results.map((r) => r.replication)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(pool.replacedWorkers).toBeGreaterThanOrEqual(1);
    } finally {
      await pool.close();
    }
  });
});
