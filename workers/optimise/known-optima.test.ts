/**
 * The optimiser against problems whose optimum is known in closed form. Each
 * run is deterministic (seed 1), so these are not flaky: they fail if the search
 * or the selection stops finding the optimum that theory gives.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOptimiseSpec, runOptimise, type OptimiseOutcome } from './index.js';
import { inThreadRunner } from './in-thread-runner.js';

async function optimise(example: string): Promise<OptimiseOutcome> {
  const spec = await loadOptimiseSpec(join('workers/optimise/examples', `${example}.yaml`));
  return runOptimise(spec, { runner: inThreadRunner, outDir: mkdtempSync(join(tmpdir(), `optimise-${example}-`)) });
}

/** Erlang C: probability an arrival waits in M/M/c with offered load a = λ/μ (a < c). */
function erlangC(c: number, a: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k < c; k++) {
    term *= a / k;
    sum += term;
  }
  const last = (term * a) / c / (1 - a / c);
  return last / (sum + last);
}

/** Erlang B: share of arrivals turned away by c servers with no queue at offered load a (recursion B(k) = aB(k−1)/(k + aB(k−1))). */
function erlangB(c: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b;
}

function poisson(mean: number, upTo: number): number[] {
  const p = [Math.exp(-mean)];
  for (let k = 1; k <= upTo; k++) p.push((p[k - 1]! * mean) / k);
  return p;
}

describe('optimise finds known optima', () => {
  it('staffs an M/M/c queue at the Erlang C cost minimum (server-hour 1, waiting hour 5, λ = 4/h, mean service 1 h), searching 1-40', async () => {
    const lambda = 4;
    const cost = (c: number): number => (c <= lambda ? Number.POSITIVE_INFINITY : c + 5 * ((erlangC(c, lambda) * lambda) / (c - lambda)));
    const costs = Array.from({ length: 40 }, (_, i) => cost(i + 1));
    const best = costs.indexOf(Math.min(...costs)) + 1;
    expect(best).toBe(7); // Lq(7) = 0.175: 7.88 an hour; 6 servers 8.85, 8 servers 8.26

    const { report } = await optimise('mmc-staffing');
    expect(report.chosen?.values).toEqual({ servers: best });
    // The objective is over 1,440 hours; the 95% CI of the chosen's mean holds Erlang C's expected cost.
    expect(report.chosen!.objective.lo).toBeLessThan(1440 * cost(best));
    expect(report.chosen!.objective.hi).toBeGreaterThan(1440 * cost(best));
    expect(report.selection?.finished).toBe(true);
  });

  it('sets a base-stock level at the newsvendor critical fractile (Poisson lead-time demand of 10, holding 1, backorder 9)', async () => {
    const p = poisson(10, 80);
    const cdf = (s: number): number => p.slice(0, s + 1).reduce((a, b) => a + b, 0);
    const S = p.findIndex((_, s) => cdf(s) >= 9 / (9 + 1));
    expect(S).toBe(14);
    const expectedCost = p.reduce((sum, q, d) => sum + q * (Math.max(0, S - d) + 9 * Math.max(0, d - S)), 0);

    const { report } = await optimise('base-stock');
    // (R, Q = 1) keeps the stock position at R + 1 = S.
    expect(report.chosen?.values).toEqual({ reorderPoint: S - 1 });
    expect(report.chosen!.objective.lo).toBeLessThan(expectedCost);
    expect(report.chosen!.objective.hi).toBeGreaterThan(expectedCost);
  });

  it('opens the fewest beds that turn away at most 4.5% (Erlang B, offered load 10), shown with 95% confidence', async () => {
    const beds = Array.from({ length: 40 }, (_, i) => i + 1).find((c) => erlangB(c, 10) <= 0.045)!;
    expect(beds).toBe(15);

    const { report } = await optimise('bed-loss');
    expect(report.chosen?.values).toEqual({ beds });
    expect(report.chosen?.shownFeasible).toBe(true);
    const constraint = report.chosen!.constraints[0]!;
    expect(constraint.decision).toBe('feasible');
    expect(constraint.confidenceBound).toBeLessThan(0);
    // One bed fewer was tried and found to miss the bound.
    const fewer = report.solutions.find((s) => s.values['beds'] === beds - 1);
    expect(fewer?.meetsConstraintsOnMean).toBe(false);
  });
});
