import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSimpleCsv, runCli, tempDir } from '../test/run-cli.js';

/** Two classes, one with an acuity mix, a warm-up, and stays that run past the end. */
const CLINIC = {
  name: 'clinic-log',
  start: '2026-03-02T08:00',
  horizonDays: 5,
  warmupDays: 1,
  seed: 11,
  resources: [{ id: 'cubicle', department: 'clinic', units: 2 }],
  wards: [{ id: 'ward', type: 'general', beds: 4, costPerBedDay: 100 }],
  patientClasses: [
    {
      id: 'walkIn',
      department: 'clinic',
      arrivals: { type: 'weekly', perDay: 30 },
      attributes: { acuity: { values: [1, 2, 3], weights: [1, 2, 2] } },
      pathway: 'visit',
    },
    { id: 'admitted', department: 'clinic', arrivals: { type: 'weekly', perDay: 2 }, pathway: 'admit' },
  ],
  pathways: {
    visit: [{ seize: ['cubicle'], id: 'cubicle', maxWait: 120 }, { hold: { type: 'exponential', mean: 60 }, activity: 'treatment' }, { release: 'all' }],
    admit: [{ stay: 'ward', lengthOfStay: { type: 'exponential', mean: 2880 } }],
  },
};

describe('hospital-twin export-log', () => {
  it('writes case,activity,start,end,resource,class,<attributes>, one row per activity, counts matching the run', async () => {
    const dir = await tempDir();
    const scenario = join(dir, 'clinic.json');
    await writeFile(scenario, JSON.stringify(CLINIC));
    const out = join(dir, 'log.csv');
    const r = await runCli(['export-log', scenario, '--out', out]);
    expect(r.code).toBe(0);
    const [header, ...rows] = parseSimpleCsv(await readFile(out, 'utf8'));
    expect(header).toEqual(['case', 'activity', 'start', 'end', 'resource', 'class', 'acuity']);

    // The same replication's figures: arrivals and completions after the warm-up.
    const run = await runCli(['run', scenario, '--replications', '1', '--json']);
    const f = (JSON.parse(run.stdout) as { figures: Record<string, { mean: number }> }).figures;
    const count = (activity: string, klass?: string): number => rows.filter((row) => row[1] === activity && (klass === undefined || row[5] === klass)).length;
    for (const klass of ['walkIn', 'admitted']) {
      expect(count('arrive', klass)).toBe(f[`arrivals.${klass}`]!.mean);
      expect(count('leave', klass)).toBe(f[`throughput.${klass}`]!.mean);
    }
    // Every walk-in who was treated left straight after; treatment holds the cubicle.
    const finished = (activity: string): number => rows.filter((row) => row[1] === activity && row[3] !== '').length;
    expect(finished('treatment')).toBe(count('leave', 'walkIn'));
    // An activity still running at the end has no end, and its case no leaving row.
    const leaving = new Set(rows.filter((row) => ['leave', 'left-unseen', 'cancelled', 'turned-away'].includes(row[1]!)).map((row) => row[0]));
    for (const row of rows.filter((x) => x[3] === '')) expect(leaving.has(row[0])).toBe(false);
    for (const row of rows.filter((x) => x[1] === 'treatment')) expect(row[4]).toBe('cubicle');
    for (const row of rows.filter((x) => x[1] === 'stay:ward')) expect(row[4]).toBe('ward');

    const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;
    for (const row of rows) {
      expect(row).toHaveLength(header!.length);
      expect(row[2]).toMatch(iso);
      if (row[3] !== '') {
        expect(row[3]).toMatch(iso);
        expect(row[3]! >= row[2]!).toBe(true);
      }
      // Only patients who arrived after the one-day warm-up, within the 5 measured days.
      expect(row[2]! >= '2026-03-03T08:00:00').toBe(true);
      expect(row[2]! <= '2026-03-08T08:00:00').toBe(true);
    }
    // Rows are in order of start; each case starts with its arrival and has one attribute value throughout.
    const starts = rows.map((row) => row[2]!);
    expect([...starts].sort()).toEqual(starts);
    const byCase = new Map<string, string[][]>();
    for (const row of rows) byCase.set(row[0]!, [...(byCase.get(row[0]!) ?? []), row]);
    for (const caseRows of byCase.values()) {
      expect(caseRows[0]![1]).toBe('arrive');
      expect(new Set(caseRows.map((row) => row[6])).size).toBe(1);
      if (caseRows[0]![5] === 'walkIn') expect(['1', '2', '3']).toContain(caseRows[0]![6]);
      else expect(caseRows[0]![6]).toBe('');
    }
    expect(rows.some((row) => row[1] === 'left-unseen')).toBe(true);
  });

  it('writes to stdout without --out, the same log', async () => {
    const dir = await tempDir();
    const out = join(dir, 'log.csv');
    await runCli(['export-log', 'textbook-mmc', '--out', out]);
    const r = await runCli(['export-log', 'textbook-mmc']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(await readFile(out, 'utf8'));
    expect(r.stdout.split('\n', 1)[0]).toBe('case,activity,start,end,resource,class');
  });
});
