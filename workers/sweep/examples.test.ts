import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBaseDocument, loadSweepSpec } from './load-sweep.js';
import { planSweep } from './plan-sweep.js';
import { figureIdsOf, figureIssues } from './sweep-figures.js';

const folder = fileURLToPath(new URL('./examples/', import.meta.url));

describe('the example sweeps', async () => {
  const files = (await readdir(folder)).filter((f) => /\.(ya?ml|json)$/.test(f));
  it('exist', () => expect(files.length).toBeGreaterThan(0));
  it.each(files)('%s is a valid sweep whose figures exist', async (file) => {
    const path = join(folder, file);
    const spec = await loadSweepSpec(path);
    const plan = planSweep(spec, await loadBaseDocument(spec.base, path), path);
    expect(plan.points.length).toBeGreaterThan(1);
    expect(figureIssues(plan, figureIdsOf(plan.points[0]!.scenario))).toEqual([]);
  });
});
