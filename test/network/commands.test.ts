/**
 * A network file through every command a hospital file goes through:
 * export-log, export-state, forecast (from that state), sweep and optimise,
 * on examples/network/referral.json cut to a short horizon and few
 * replications so the file stays quick. Each command reads the network, runs
 * the merged model and writes what it writes for one hospital, with the
 * sites' prefixed names and the transfers in it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSimpleCsv, runCli, tempDir } from '../run-cli.js';

const EXAMPLE = resolve('examples/network/referral.json');

describe('a network through export-log, export-state, forecast, sweep and optimise', () => {
  let dir: string;
  let network: string;
  beforeAll(async () => {
    dir = await tempDir();
    const doc = JSON.parse(await readFile(EXAMPLE, 'utf8')) as Record<string, unknown>;
    network = join(dir, 'referral-short.json');
    await writeFile(network, JSON.stringify({ ...doc, horizonDays: 12, warmupDays: 1, replications: 2 }));
  });

  it('export-log: every activity with its site in its name, and each transfer as a trip on the ambulance', async () => {
    const out = join(dir, 'log.csv');
    const r = await runCli(['export-log', network, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const rows = parseSimpleCsv(await readFile(out, 'utf8'));
    expect(rows[0]).toEqual(['case', 'activity', 'start', 'end', 'resource', 'class']);
    const activities = new Set(rows.slice(1).map((x) => x[1]));
    for (const a of ['east_assessment', 'tertiary_care', 'tertiary_specialist-care', 'transfer:up-referral']) expect(activities).toContain(a);
    const trips = rows.filter((x) => x[1] === 'transfer:up-referral');
    expect(trips.length).toBeGreaterThan(10);
    for (const t of trips) {
      expect(t[4]).toBe('ambulance');
      expect(t[5]).toBe('east_patient');
      // The trip is 35 to 60 minutes (triangular): its end is after its start, and within the hour.
      const minutes = (Date.parse(t[3]!) - Date.parse(t[2]!)) / 60_000;
      expect(minutes).toBeGreaterThanOrEqual(35 - 1 / 60);
      expect(minutes).toBeLessThanOrEqual(60 + 1 / 60);
    }
    // A referred patient's case goes on at the tertiary site after its trip.
    const referred = trips[0]![0]!;
    expect(rows.filter((x) => x[0] === referred).map((x) => x[1])).toEqual(
      expect.arrayContaining(['east_assessment', 'transfer:up-referral', 'tertiary_specialist-care']),
    );
  });

  it('export-state writes both sites\u2019 patients, and forecast runs on from that state', async () => {
    const state = join(dir, 'state.json');
    const r = await runCli(['export-state', network, '--at', '8', '--out', state]);
    expect(r.code, r.stderr).toBe(0);
    // Patients a transfer took to the tertiary site are in it too, on the pathway they went on at there.
    expect(r.stderr).not.toContain('Left out');
    const doc = JSON.parse(await readFile(state, 'utf8')) as {
      asOf: string;
      patients: { class: string; step: string; pathway?: string; holding: string[] }[];
    };
    const referred = doc.patients.filter((p) => p.pathway !== undefined);
    expect(referred.length).toBeGreaterThan(0);
    for (const p of referred) {
      expect([p.class, p.pathway, p.step]).toEqual(['east_patient', 'tertiary_referred', 'tertiary_specialist-care']);
      expect(p.holding).toEqual(['tertiary_bed']);
    }
    expect(doc.asOf).toBe('2026-01-13T00:00');
    expect(doc.patients.length).toBeGreaterThan(5);
    for (const p of doc.patients) expect(['east_patient', 'tertiary_patient']).toContain(p.class);
    for (const p of doc.patients.filter((x) => x.step === 'tertiary_care')) expect(p.holding).toContain('tertiary_bed');
    const f = await runCli(['forecast', network, '--state', state, '--hours', '6', '--replications', '2', '--workers', '1', '--json', '--patients']);
    expect(f.code, f.stderr).toBe(0);
    const out = JSON.parse(f.stdout) as { forecast: { asOf: string; hours: number }; patients: { patient: string; class: string }[] };
    expect(out.forecast.asOf).toBe('2026-01-13T00:00');
    expect(out.forecast.hours).toBe(6);
    // Every patient of the state is forecast, at both sites.
    expect(out.patients.map((p) => p.patient).sort()).toEqual((doc.patients as unknown as { id: string }[]).map((p) => p.id).sort());
  });

  it('sweep: a path inside a site\u2019s hospital is a parameter, and site figures rank the points', async () => {
    const spec = join(dir, 'sweep.yaml');
    await writeFile(
      spec,
      [
        'name: tertiary-beds',
        `base: ${network}`,
        'parameters:',
        '  sites.tertiary.hospital.scenario.resources.bed.units: [20, 45]',
        'replications: 2',
        'keep: [utilisation.tertiary_bed, transfers.up-referral.count]',
        'rank: { by: utilisation.tertiary_bed, order: min }',
      ].join('\n'),
    );
    const r = await runCli(['sweep', spec, '--out', join(dir, 'sweep'), '--workers', '1']);
    expect(r.code, r.stderr).toBe(0);
    const rows = parseSimpleCsv(await readFile(join(dir, 'sweep', 'sweep.csv'), 'utf8'));
    const use = (point: string): number => Number(rows.find((x) => x[0] === point && x[2] === 'utilisation.tertiary_bed')![3]);
    // The same patients on fewer beds: each bed is busier.
    expect(use('p1')).toBeGreaterThan(use('p2'));
    expect(r.stdout).toMatch(/ranking by utilisation\.tertiary_bed \(lowest first\):\n {2}1\. +p2 /);
  });

  it('optimise: its best is a network file that run accepts', async () => {
    const spec = join(dir, 'optimise.yaml');
    await writeFile(
      spec,
      [
        'name: east-beds',
        `base: ${network}`,
        'variables:',
        '  - { path: sites.east.hospital.scenario.resources.bed.units, name: eastBeds, range: { from: 4, to: 8 } }',
        'objective: { minimise: utilisation.east_bed }',
        'budget: { replications: 6 }',
        'seed: 1',
      ].join('\n'),
    );
    const out = join(dir, 'optimise');
    const r = await runCli(['optimise', spec, '--out', out, '--workers', '1']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Best: eastBeds = \d/);
    const best = await readFile(join(out, 'best-scenario.yaml'), 'utf8');
    expect(best).toContain('sites:');
    const run = await runCli(['run', join(out, 'best-scenario.yaml'), '--replications', '1', '--days', '3', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(Object.keys((JSON.parse(run.stdout) as { figures: object }).figures)).toContain('transfers.east.out');
  });
});
