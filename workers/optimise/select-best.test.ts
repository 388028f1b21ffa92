/**
 * The selection procedure's guarantee, checked on outputs whose truth is known:
 * a stand-in for the simulation returns normal replication outputs (a part
 * shared by every system in replication j, as common random numbers give, plus
 * a part of its own), so the probability of a correct selection can be counted
 * over many independent macro-replications.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../scenarios/index.js';
import { buildDecisionSpace } from './decision-space.js';
import { Evaluations, type OptimiseRunner } from './evaluations.js';
import { parseOptimiseSpec } from './load-optimise.js';
import { goalOf } from './measure.js';
import { selectBest } from './select-best.js';

const normal = (random: () => number): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

/** System u (the cubicles, 1..k) has objective mean mean(u) and constraint mean level(u); sd 1 each, half shared. */
function syntheticRunner(macro: number, mean: (u: number) => number, level: (u: number) => number): OptimiseRunner {
  return async (scenario, _seed, replications) =>
    replications.map((replication) => {
      const units = scenario.resources[0]!.units as number;
      const shared = seedrandom(`${macro}:${replication}`);
      const own = seedrandom(`${macro}:${replication}:${units}`);
      const z = (normal(shared) + normal(own)) / Math.SQRT2;
      const w = (normal(shared) + normal(own)) / Math.SQRT2;
      return { replication, figures: { 'cost.total': mean(units) + z, 'utilisation.cubicle': level(units) + w } };
    });
}

async function select(macro: number, mean: (u: number) => number, level: (u: number) => number, constraint: boolean) {
  const spec = parseOptimiseSpec({
    name: 'kn',
    base: 'textbook-mmc',
    variables: [{ path: 'resources.cubicle.units', range: { from: 1, to: 5 } }],
    objective: { minimise: 'cost.total' },
    constraints: constraint ? [{ figure: 'utilisation.cubicle', atLeast: 0, tolerance: 0.5, confidence: 0.95 }] : [],
    budget: { replications: 100_000 },
  });
  const { space } = buildDecisionSpace(spec, builtinScenario('textbook-mmc')!.document);
  const goal = goalOf(spec);
  const log = join(mkdtempSync(join(tmpdir(), 'kn-')), 'log.jsonl');
  const evaluations = new Evaluations(
    space,
    1,
    goal.figures,
    syntheticRunner(macro, mean, level),
    log,
    { replications: 100_000, deadline: Number.POSITIVE_INFINITY },
    new Map(),
  );
  const candidates = [0, 1, 2, 3, 4].map((i) => [i]);
  return selectBest(goal, evaluations, candidates, { confidence: 0.95, indifference: 0.5, firstStage: 10 });
}

describe('KN selection with common random numbers', () => {
  it('picks the best of five in the slippage configuration (best 0, others one indifference zone worse) at least 95% of the time', async () => {
    // Kim & Nelson (2001): P(correct selection) >= 1 − α = 0.95 when the best is δ better. Over 100
    // macro-replications, a true rate of 0.95 falls below 0.90 with probability about 1% (binomial, 2.3 sd).
    let correct = 0;
    for (let macro = 1; macro <= 100; macro++) {
      const out = await select(
        macro,
        (u) => (u === 3 ? 0 : 0.5),
        () => 1,
        false,
      );
      if (out.chosen?.[0] === 2) correct++;
      expect(out.finished).toBe(true);
    }
    expect(correct / 100).toBeGreaterThanOrEqual(0.9);
  }, 60_000);

  it('never chooses a system shown infeasible, and chooses the best feasible one when the better ones miss the constraint by two tolerances', async () => {
    // Systems 1 and 2 are cheaper but their constraint mean is −1 (two tolerances below the bound 0).
    let correct = 0;
    for (let macro = 1; macro <= 40; macro++) {
      const out = await select(
        macro,
        (u) => u,
        (u) => (u <= 2 ? -1 : 1),
        true,
      );
      if (out.chosen?.[0] === 2) correct++;
      const chosen = out.candidates.find((c) => c.x[0] === out.chosen?.[0]);
      expect(chosen?.constraints[0]?.decision).toBe('feasible');
    }
    expect(correct / 40).toBeGreaterThanOrEqual(0.9);
  }, 60_000);

  it('says a candidate was shown worse only when its paired interval lies above 0, and "could not be told apart" when it includes 0', async () => {
    // Five systems of equal means: KN drops all but one once W(r) shrinks, most of them not shown worse.
    const reasons: { reason: string; shownWorse: boolean | undefined }[] = [];
    for (let macro = 1; macro <= 5; macro++) {
      const out = await select(
        macro,
        () => 0,
        () => 1,
        false,
      );
      for (const c of out.candidates) if (c.eliminated) reasons.push({ reason: c.eliminated.reason, shownWorse: c.eliminated.shownWorse });
    }
    expect(reasons.length).toBeGreaterThan(0);
    for (const { reason, shownWorse } of reasons) {
      const m = /paired difference (-?[\d.e+-]+) \+\/- ([\d.e+-]+)/.exec(reason);
      expect(m, reason).not.toBeNull();
      const lo = Number(m![1]) - Number(m![2]);
      if (shownWorse) expect(lo, reason).toBeGreaterThan(0);
      else {
        expect(lo, reason).toBeLessThanOrEqual(0);
        expect(reason).toMatch(/^could not be told apart from .* includes 0\); dropped as within the indifference zone \(0\.5\)/);
      }
    }
    expect(reasons.some((r) => r.shownWorse === false)).toBe(true);
  }, 60_000);
});
