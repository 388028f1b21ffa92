import { describe, expect, it } from 'vitest';
import { runHospital } from '../../sim-core/index.js';
import { compileScenario, parseScenario, type ScenarioInput } from '../../scenarios/index.js';
import { expectTheoryInInterval, replicate } from './replicate.js';

/**
 * M/G/inf: a resource of `units: unlimited` is an infinite-server station. With
 * Poisson arrivals at rate lambda and any service of mean E[S], the number in
 * the station is Poisson with mean rho = lambda E[S] (insensitivity), so
 * P(N = 0) = exp(-rho), and no one ever waits.
 */
describe('a resource of unlimited units against M/G/inf (Poisson number in service, no waiting)', () => {
  // 4 arrivals an hour, lognormal turnaround of mean 30 minutes (sd 45, far from exponential): rho = 2.
  const lambda = 4 / 60;
  const meanService = 30;
  const rho = lambda * meanService;
  const warmupDays = 5;
  const every = 60;
  const document: ScenarioInput = {
    name: 'mginf',
    start: '2026-01-05T00:00',
    horizonDays: 200,
    warmupDays,
    seed: 1,
    resources: [{ id: 'lab', department: 'lab', units: 'unlimited' }],
    patientClasses: [{ id: 'sample', department: 'lab', arrivals: { type: 'weekly', perDay: lambda * 1440 }, pathway: 'test' }],
    pathways: { test: [{ seize: ['lab'], id: 'lab' }, { hold: { type: 'lognormal', mean: meanService, sd: 45 }, activity: 'analysis' }, { release: ['lab'] }] },
  };
  const model = compileScenario(parseScenario(document));
  const runs = replicate(20, (replication) => {
    const r = runHospital(model, { seed: 1, replication, snapshotEvery: every });
    // The hourly census after the warm-up: its share at 0 estimates P(N = 0), unbiased (each a draw of the stationary N).
    const after = r.snapshots!.inSystem.filter((_, k) => k * every >= warmupDays * 1440);
    return { figures: r.figures, empty: after.filter((n) => n === 0).length / after.length, mean: after.reduce((s, n) => s + n, 0) / after.length };
  });

  it('compiles to the kernel’s unlimited kind', () => {
    expect(model.resources.map((r) => r.kind)).toEqual(['unlimited']);
  });

  it('holds on average lambda E[S] patients (tolerance: the replications’ 99.9% t-interval)', () => {
    expectTheoryInInterval(
      runs.map((r) => r.figures['census.lab.mean']!),
      rho,
      `M/G/inf time-average number in service, rho=${rho}`,
    );
    expectTheoryInInterval(
      runs.map((r) => r.mean),
      rho,
      'M/G/inf hourly census, mean',
    );
  });

  it('is empty exp(-rho) of the time, as a Poisson number in service is', () => {
    expectTheoryInInterval(
      runs.map((r) => r.empty),
      Math.exp(-rho),
      `M/G/inf P(N = 0) = exp(-${rho})`,
    );
  });

  it('makes no one wait', () => {
    for (const r of runs) {
      expect(r.figures['wait.lab.pWait']).toBe(0);
      expect(r.figures['wait.lab.mean']).toBe(0);
    }
  });
});
