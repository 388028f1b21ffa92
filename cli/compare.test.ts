import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../scenarios/index.js';
import { runCli, tempDir } from '../test/run-cli.js';

interface CompareJson {
  a: string;
  b: string;
  replications: number;
  differences: Record<string, { mean: number; ci95: [number, number]; n: number; significant: boolean; meanA: number; meanB: number }>;
}

const COST_TYPES = ['cost.staff', 'cost.overtime', 'cost.roomsAndDevices', 'cost.beds', 'cost.consumables', 'cost.penalties', 'cost.total'];

/** textbook-mmc with a fourth cubicle, as a scenario file. */
async function fourCubicles(): Promise<string> {
  const doc = structuredClone(builtinScenario('textbook-mmc')!.document) as { name: string; resources: { units: number }[] };
  doc.name = 'mmc-4-cubicles';
  doc.resources[0]!.units = 4;
  const file = join(await tempDir(), 'mmc-4.json');
  await writeFile(file, JSON.stringify(doc));
  return file;
}

describe('hospital-twin compare', () => {
  it('a scenario against itself: common random numbers make every difference exactly 0, none significant', async () => {
    const text = await runCli(['compare', 'textbook-mmc', 'textbook-mmc', '--replications', '5']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('No figure differs significantly');
    expect(text.stdout).not.toContain('significantly higher');
    expect(text.stdout).not.toContain('significantly lower');
    // Costs by type are shown even when they do not change.
    for (const label of ['staff', 'overtime premium', 'rooms and devices', 'beds', 'consumables', 'penalties', 'total']) expect(text.stdout).toContain(label);

    const json = await runCli(['compare', 'textbook-mmc', 'textbook-mmc', '--replications', '5', '--json']);
    const out = JSON.parse(json.stdout) as CompareJson;
    expect(out.replications).toBe(5);
    for (const d of Object.values(out.differences)) {
      expect(d.significant).toBe(false);
      expect(d.mean).toBe(0);
    }
  });

  it('a fourth cubicle gives a significantly lower wait, said in words, with the cost difference by type', async () => {
    const file = await fourCubicles();
    const json = await runCli(['compare', 'textbook-mmc', file, '--replications', '10', '--json']);
    expect(json.code).toBe(0);
    const d = (JSON.parse(json.stdout) as CompareJson).differences;
    const wait = d['wait.cubicle.mean']!;
    expect(wait.significant).toBe(true);
    expect(wait.mean).toBeLessThan(0);
    expect(wait.ci95[1]).toBeLessThan(0);
    expect(wait.meanB).toBeLessThan(wait.meanA);
    for (const id of COST_TYPES) expect(d[id]).toBeDefined();

    const text = await runCli(['compare', 'textbook-mmc', file, '--replications', '10']);
    expect(text.code).toBe(0);
    const waitLine = text.stdout.split('\n').find((l) => l.includes('cubicle') && l.includes('mean') && l.includes('min'))!;
    expect(waitLine).toContain('significantly lower in B');
    expect(text.stdout).toMatch(/\d+ of \d+ figures differ significantly/);
  });

  it('--all shows figures that did not change; by default they are left out and counted', async () => {
    const quiet = await runCli(['compare', 'textbook-mmc', 'textbook-mmc', '--replications', '3']);
    expect(quiet.stdout).toMatch(/figures have the same mean in A and B and are not shown/);
    expect(quiet.stdout).not.toContain('90th percentile');
    const all = await runCli(['compare', 'textbook-mmc', 'textbook-mmc', '--replications', '3', '--all']);
    expect(all.stdout).toContain('90th percentile');
    expect(all.stdout).not.toContain('are not shown');
  });

  it('the outpatient clinic against its booked variant (issue 31): slots cut the wait and the time in clinic, at a cost', async () => {
    const json = await runCli(['compare', 'outpatient-clinic', 'outpatient-clinic-booked', '--replications', '3', '--json']);
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const d = (JSON.parse(json.stdout) as CompareJson).differences;
    for (const id of ['clinic.wait.mean', 'clinic.timeInClinic.mean', 'clinic.patientTime.costPerDay']) {
      expect(d[id]!.significant, id).toBe(true);
      expect(d[id]!.ci95[1], id).toBeLessThan(0);
    }
    // Both hold the same sessions, with patients in them.
    expect(d['clinic.patients']!.meanA).toBeGreaterThan(0);
    expect(d['clinic.sessions']!.meanB).toBe(d['clinic.sessions']!.meanA);
    // The appointments clerk costs money: what the saved patient time is bought with.
    expect(d['cost.total']!.ci95[0]).toBeGreaterThan(0);
  }, 600_000);
});
