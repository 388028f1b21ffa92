import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../test/run-cli.js';

interface Scored {
  pooledHours: [number, number];
  series: { name: string; byHour: { hour: number; coverage80: { value: number; n: number }; crps: { value: number } }[]; pitHistogram: number[] }[];
}

/**
 * `score` end to end as a user runs it: a run with its trace and a snapshot,
 * a forecast from the snapshot with --samples, then the forecast scored
 * against the trace, against later states, and from its CSV form.
 */
describe('hospital-twin score', () => {
  // Made once before the tests, with its own time limit: on a loaded machine the runs take minutes.
  const made = (async () => {
    const dir = await tempDir();
    const f = (name: string): string => join(dir, name);
    const run = await runCli([
      'run',
      'general-hospital',
      '-r',
      '1',
      '--days',
      '6',
      '--warmup',
      '0',
      '-w',
      '1',
      '--trace',
      f('trace.json'),
      '--snapshot-at',
      '4.25',
      '--snapshot-out',
      f('now.json'),
    ]);
    expect(run.code).toBe(0);
    // The same replication's event log, as a hospital's own log would come.
    const log = await runCli(['export-log', 'general-hospital', '--days', '6', '--warmup', '0', '-o', f('log.csv')]);
    expect(log.code).toBe(0);
    const later = await runCli(['export-state', 'general-hospital', '--at', `${4.25 + 6 / 24}`, '-o', f('later.json')]);
    expect(later.code).toBe(0);
    for (const out of ['samples.json', 'samples.csv']) {
      const fc = await runCli(['forecast', 'general-hospital', '--state', f('now.json'), '--hours', '12', '-r', '20', '-w', '1', '--samples', f(out)]);
      expect(fc.code).toBe(0);
    }
    return { dir, f };
  })();
  let setup: typeof made;
  beforeAll(async () => {
    await made;
    setup = made;
  }, 900_000);

  it('scores a forecast against the trace: text with plain words, JSON with every hour, HTML with the plots', async () => {
    const { f } = await setup;
    const text = await runCli(['score', f('samples.json'), '--truth', f('trace.json'), '--pooled', '1-12', '--html', f('report.html')]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Scored 1 forecast \(2026-\d\d-\d\dT\d\d:00, 20 replications\) against a trace of 6(\.\d)? days/);
    expect(text.stdout).toContain('80% band held the truth');
    expect(text.stdout).toContain('ED patients waiting (patients)');
    const json = await runCli(['score', f('samples.json'), '--truth', f('trace.json'), '--pooled', '1-12', '--json']);
    const r = JSON.parse(json.stdout) as Scored;
    expect(r.pooledHours).toEqual([1, 12]);
    expect(r.series.map((s) => s.name)).toEqual(['medicalWard', 'surgicalWard', 'stepDown', 'icu', 'edWaiting']);
    for (const s of r.series) {
      expect(s.byHour).toHaveLength(12);
      for (const h of s.byHour) {
        expect(h.coverage80.n).toBe(1);
        expect(h.coverage80.value).toBeGreaterThanOrEqual(0);
        expect(h.coverage80.value).toBeLessThanOrEqual(1);
        expect(h.crps.value).toBeGreaterThanOrEqual(0);
      }
      expect(s.pitHistogram.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    }
    const html = await readFile(f('report.html'), 'utf8');
    expect(html).toContain('<svg');
    expect(html).toContain('PIT histogram');
    expect(html).not.toContain('<script');
  });

  it('the CSV form of the samples scores the same, and a later state scores the wards as the trace does at that hour', async () => {
    const { f } = await setup;
    const fromJson = JSON.parse((await runCli(['score', f('samples.json'), '--truth', f('trace.json'), '--pooled', '1-12', '--json'])).stdout) as Scored;
    const fromCsv = JSON.parse(
      (await runCli(['score', f('samples.csv'), '--scenario', 'general-hospital', '--truth', f('trace.json'), '--pooled', '1-12', '--json'])).stdout,
    ) as Scored;
    expect(fromCsv.series).toEqual(fromJson.series);
    const states = await runCli(['score', f('samples.json'), '--truth', f('later.json'), '--pooled', '6-6', '--json']);
    expect(states.code).toBe(0);
    const r = JSON.parse(states.stdout) as Scored;
    for (const s of r.series.filter((x) => x.name !== 'edWaiting')) {
      const trace = fromJson.series.find((x) => x.name === s.name)!;
      expect(s.byHour[5]!.coverage80).toEqual(trace.byHour[5]!.coverage80);
      // The state says nothing of the other hours.
      expect(s.byHour[4]!.coverage80.n).toBe(0);
    }
  });

  it('scores against an event log read through its mapping: intensive care and step-down as the trace says, ED waiting not in a log', async () => {
    const { f } = await setup;
    const map = join(process.cwd(), 'calibration/maps/export-log.yaml');
    const fromTrace = JSON.parse((await runCli(['score', f('samples.json'), '--truth', f('trace.json'), '--pooled', '1-12', '--json'])).stdout) as Scored;
    const r = await runCli(['score', f('samples.json'), '--truth', f('log.csv'), '--truth-map', map, '--pooled', '1-12', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('ward counts in its first days miss those admitted before it begins');
    const fromLog = JSON.parse(r.stdout) as Scored;
    // Intensive care and step-down patients hold their bed exactly while the log shows their stay; the medical
    // and surgical wards' beds are also held around the stay (a surgical bed through theatre), which a log of stays does not show.
    for (const name of ['icu', 'stepDown']) expect(fromLog.series.find((s) => s.name === name)).toEqual(fromTrace.series.find((s) => s.name === name));
    const ed = fromLog.series.find((s) => s.name === 'edWaiting');
    expect(ed === undefined || ed.byHour.every((h) => h.coverage80.n === 0)).toBe(true);
    expect((fromLog as unknown as { truth: string }).truth).toContain(`the event log ${f('log.csv')}`);
    // A mapping that names no stays is refused by its file, before anything is scored.
    const noStays = join(f('nostays.yaml'));
    await writeFile(noStays, (await readFile(map, 'utf8')).replace(/ {2}stays:\n {4}prefix: "stay:"\n/, ''));
    const bad = await runCli(['score', f('samples.json'), '--truth', f('log.csv'), '--truth-map', noStays]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${f('log.csv')}: cannot be read as the truth`);
    expect(bad.stderr).toContain('names no ward stays');
  }, 600_000);

  it('a file that is not a forecast sample is refused by name before anything is scored (exit 2)', async () => {
    const { dir, f } = await setup;
    const bad = join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify({ scenario: 'general-hospital', forecast: {} }));
    const r = await runCli(['score', bad, '--truth', f('trace.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${bad}: samplesOf: must be "hospital-twin forecast"`);
    const none = await runCli(['score', f('samples.json'), '--truth', join(dir, 'nowhere.json')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('nowhere.json');
  });

  it('forecast --samples past 20 million counts, or not .json/.csv, is refused before anything runs (exit 2), nothing written', async () => {
    const { dir, f } = await setup;
    const big = await runCli(['forecast', 'general-hospital', '--state', f('now.json'), '--hours', '168', '-r', '100000', '--samples', join(dir, 'big.json')]);
    expect(big.code).toBe(2);
    expect(big.stderr).toContain('more than the 20000000 kept');
    const txt = await runCli(['forecast', 'general-hospital', '--state', f('now.json'), '--samples', join(dir, 'samples.txt')]);
    expect(txt.code).toBe(2);
    expect(txt.stderr).toContain('must end in .json or .csv');
    await expect(readFile(join(dir, 'big.json'))).rejects.toThrow();
  });
});
