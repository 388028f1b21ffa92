import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../scenarios/index.js';
import { loadOptimiseSpec, OPTIMISE_FILES, OptimiseSpecError, parseOptimiseSpec, runOptimise, type OptimiseRunner } from './index.js';
import { inThreadRunner } from './in-thread-runner.js';

const examples = 'workers/optimise/examples';
const fresh = (): string => mkdtempSync(join(tmpdir(), 'optimise-'));

async function refusal(document: unknown): Promise<string[]> {
  try {
    const spec = parseOptimiseSpec(document, 'spec.yaml');
    await runOptimise(spec, { runner: inThreadRunner, outDir: fresh() });
  } catch (e) {
    if (e instanceof OptimiseSpecError) return e.issues.map((i) => `${i.path}: ${i.message}`);
    throw e;
  }
  return [];
}

describe('optimise refuses a bad specification before anything runs', () => {
  const base = { name: 'x', base: join(process.cwd(), examples, 'mmc-cost.yaml'), budget: { replications: 10 } };

  it('lists an unknown path, a figure that does not exist and a constraint on one, each by its path', async () => {
    const issues = await refusal({
      ...base,
      variables: [
        { path: 'staff.nurse.shifts[0].count', range: { from: 1, to: 3 } },
        { path: 'staff.server.shifts[0].count', range: { from: 1, to: 3 } },
      ],
      objective: { minimise: 'cost.totl' },
      constraints: [{ figure: { 'wait.server.mean': 1, 'ed.within4h': -1 }, atMost: 10 }],
    });
    expect(issues).toEqual([
      expect.stringMatching(/^variables\[0\]\.path: no staff group with id "nurse" \(staff: "server"\)/),
      expect.stringMatching(/^objective\.minimise: is not a figure \(figures starting "cost\.": cost\.total/),
      expect.stringMatching(/^constraints\[0\]\.figure\["ed\.within4h"\]: is not a figure/),
    ]);
  });

  it('refuses an empty range and an empty list of values', async () => {
    const issues = await refusal({
      ...base,
      variables: [
        { path: 'staff.server.shifts[0].count', range: { from: 5, to: 2 } },
        { path: 'seed', values: [] },
      ],
      objective: { minimise: 'cost.total' },
    });
    expect(issues).toEqual(['variables[0].range.to: is empty: "to" is below "from"', 'variables[1].values: is empty: must list at least one value, got []']);
  });

  it('refuses a range whose corner makes an invalid scenario, naming the variable', async () => {
    const issues = await refusal({
      ...base,
      variables: [{ path: 'staff.server.shifts[0].count', range: { from: -2, to: 3 } }],
      objective: { minimise: 'cost.total' },
    });
    expect(issues).toEqual([expect.stringMatching(/^variables\[0\]: with every variable at its lowest value, staff\[0\]\.shifts\[0\]\.count: /)]);
  });

  it('refuses two objectives and a budget of nothing', async () => {
    const issues = await refusal({
      ...base,
      budget: {},
      variables: [{ path: 'staff.server.shifts[0].count', range: { from: 1, to: 3 } }],
      objective: { minimise: 'cost.total', maximize: 'cost.total' },
    });
    expect(issues).toEqual(['objective: must have exactly one of minimise and maximise', 'budget: must give replications, minutes or both']);
  });
});

describe('optimise resumes and stops', () => {
  it('a rerun in the same folder takes every replication from the log and chooses the same solution', async () => {
    const spec = await loadOptimiseSpec(join(examples, 'base-stock.yaml'));
    const dir = fresh();
    const first = await runOptimise(spec, { runner: inThreadRunner, outDir: dir });
    let ran = 0;
    const counting: OptimiseRunner = async (s, seed, reps, signal) => {
      ran += reps.length;
      return inThreadRunner(s, seed, reps, signal);
    };
    const second = await runOptimise(spec, { runner: counting, outDir: dir });
    expect(ran).toBe(0);
    expect(second.report.replications).toEqual({ used: first.report.replications.used, ranNow: 0, fromLog: first.report.replications.used });
    expect(second.report.chosen).toEqual(first.report.chosen);
  });

  it('stopped part way (Ctrl-C), it keeps what ran, writes the best so far as a scenario run accepts, and a rerun continues', async () => {
    const spec = await loadOptimiseSpec(join(examples, 'base-stock.yaml'));
    const dir = fresh();
    const controller = new AbortController();
    let ran = 0;
    const stopping: OptimiseRunner = async (s, seed, reps, signal) => {
      const out = await inThreadRunner(s, seed, reps, signal);
      ran += out.length;
      if (ran >= 20) controller.abort();
      return out;
    };
    const stopped = await runOptimise(spec, { runner: stopping, outDir: dir, signal: controller.signal });
    expect(stopped.stopped).toBe(true);
    expect(stopped.report.chosen).not.toBeNull();
    const best = readFileSync(join(dir, OPTIMISE_FILES.best), 'utf8');
    const scenario = parseScenarioText(best, 'best-scenario.yaml');
    expect(scenario.items[0]!.policy).toMatchObject({ type: 'RQ', R: stopped.report.chosen!.values['reorderPoint'] });
    for (const f of [OPTIMISE_FILES.csv, OPTIMISE_FILES.svg, OPTIMISE_FILES.json]) expect(existsSync(join(dir, f))).toBe(true);

    const resumed = await runOptimise(spec, { runner: inThreadRunner, outDir: dir });
    expect(resumed.report.replications.fromLog).toBe(ran);
    expect(resumed.report.chosen?.values).toEqual({ reorderPoint: 13 });
  });
});

describe('optimise on a small budget', () => {
  it('says the selection did not finish when the budget runs out in it, and still chooses from what ran', async () => {
    const spec = await loadOptimiseSpec(join(examples, 'base-stock.yaml'));
    spec.budget = { replications: 40 };
    const { report } = await runOptimise(spec, { runner: inThreadRunner, outDir: fresh() });
    expect(report.replications.used).toBeLessThanOrEqual(40);
    expect(report.selection?.finished).toBe(false);
    expect(report.stopped).toBe(false);
    expect(report.chosen).not.toBeNull();
  });
});
