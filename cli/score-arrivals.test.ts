import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../test/run-cli.js';

interface Estimate {
  value: number;
  se: number;
  n: number;
}
interface Scored {
  forecasts: { label: string }[];
  arrivals?: {
    pairs: number;
    series: { name: string; unit: string; modelArrivals: { maeMedian: Estimate }; realArrivals: { maeMedian: Estimate }; maeRatio: Estimate }[];
  };
  patients?: { scored: number; unknown: number; coverage80: Estimate; below: Estimate; above: Estimate; byClass: { class: string }[] };
}

/**
 * `forecast --arrivals-from` and `--patients` with `score`, as a user runs
 * them: a run with its trace and a snapshot; the snapshot forecast with the
 * model's arrivals and with the trace's, each following every patient; both
 * scored against the trace: side by side, and each patient's stay checked.
 */
describe('score: the arrivals that came, and each patient', () => {
  const made = (async () => {
    const dir = await tempDir();
    const f = (name: string): string => join(dir, name);
    const run = await runCli([
      'run',
      'general-hospital',
      ...['-r', '1', '--days', '8', '--warmup', '0', '-w', '1', '--trace', f('trace.json'), '--snapshot-at', '4.25', '--snapshot-out', f('now.json')],
    ]);
    expect(run.code).toBe(0);
    const common = ['forecast', 'general-hospital', '--state', f('now.json'), '--hours', '24', '-r', '20', '-w', '1', '--patients'];
    const model = await runCli([...common, '--samples', f('model.json')]);
    expect(model.code).toBe(0);
    const real = await runCli([...common, '--arrivals-from', f('trace.json'), '--samples', f('real.json')]);
    expect(real.code).toBe(0);
    return { dir, f, real };
  })();
  let setup: typeof made;
  beforeAll(async () => {
    await made;
    setup = made;
  }, 900_000);

  it('a forecast with the real arrivals says which classes it replayed, in its words and its samples', async () => {
    const { f, real } = await setup;
    expect(real.stderr).toMatch(/Arrivals of .*edWalkIn.* replayed from .*trace\.json: \d+ patient\(s\) in the 24 hours/);
    const samples = JSON.parse(await readFile(f('real.json'), 'utf8')) as {
      arrivals: { replayedFrom: string; classes: string[]; patients: number };
      patients: unknown[];
    };
    expect(samples.arrivals.replayedFrom).toBe(f('trace.json'));
    expect(samples.arrivals.patients).toBeGreaterThan(50);
    expect(samples.patients.length).toBeGreaterThan(100);
  });

  it('score puts the two forecasts side by side and checks each patient', async () => {
    const { f } = await setup;
    const json = await runCli(['score', f('model.json'), f('real.json'), '--truth', f('trace.json'), '--pooled', '1-24', '--json']);
    expect(json.code).toBe(0);
    const r = JSON.parse(json.stdout) as Scored;
    // The main tables are the usual forecast's; the replayed one is its twin, not a second forecast pooled in.
    expect(r.forecasts.map((x) => x.label)).toEqual([f('model.json')]);
    expect(r.arrivals!.pairs).toBe(1);
    expect(r.arrivals!.series.map((s) => s.name)).toEqual(['medicalWard', 'surgicalWard', 'stepDown', 'icu', 'edWaiting']);
    for (const s of r.arrivals!.series) expect(s.realArrivals.maeMedian.value).toBeGreaterThanOrEqual(0);
    const p = r.patients!;
    // Every patient of the state is scored, or left out because still in at the trace's end inside its interval.
    const inState = (JSON.parse(await readFile(f('model.json'), 'utf8')) as { patients: unknown[] }).patients.length;
    expect(p.scored + p.unknown).toBe(inState);
    expect(p.scored).toBeGreaterThan(inState / 3);
    expect(p.coverage80.value + p.below.value + p.above.value).toBeCloseTo(1, 9);
    expect(p.coverage80.se).toBeGreaterThan(0);
    expect(p.byClass.length).toBeGreaterThan(1);
    const text = await runCli(['score', f('model.json'), f('real.json'), '--truth', f('trace.json'), '--pooled', '1-24', '--html', f('report.html')]);
    expect(text.stdout).toContain('With the arrivals that really came (1 moment forecast both ways, hours 1–24 ahead)');
    // The HTML page shows the same comparison as the text, for each series.
    const html = await readFile(f('report.html'), 'utf8');
    expect(html).toContain("<h2>The arrivals' share of the error</h2>");
    expect(html).toContain('1 moment forecast both ways');
    // One moment: no standard error, the figures alone.
    const shown = (e: Estimate): string => (typeof e.se !== 'number' || Number.isNaN(e.se) ? e.value.toFixed(2) : `${e.value.toFixed(2)} ± ${e.se.toFixed(2)}`);
    for (const s of r.arrivals!.series)
      expect(html).toMatch(
        new RegExp(`<tr><th scope="row">[^<]*\\(${s.unit}\\)</th><td>${shown(s.modelArrivals.maeMedian)}</td><td>${shown(s.realArrivals.maeMedian)}</td>`),
      );
    expect(text.stdout).toContain("MAE of the median, model's arrivals");
    expect(text.stdout).toMatch(/Each patient's remaining stay \(\d+ patient forecasts scored.*\): the 80% interval held when the patient left in \d+\.\d%/);
  });

  it('--arrivals-from that is not a trace, or with CSV samples, is refused before anything runs (exit 2)', async () => {
    const { f } = await setup;
    const notTrace = await runCli(['forecast', 'general-hospital', '--state', f('now.json'), '--hours', '6', '-r', '2', '--arrivals-from', f('now.json')]);
    expect(notTrace.code).toBe(2);
    expect(notTrace.stderr).toContain(`--arrivals-from ${f('now.json')}: must be a trace written by run --trace`);
    const csv = await runCli([
      ...['forecast', 'general-hospital', '--state', f('now.json'), '--hours', '6', '-r', '2'],
      ...['--arrivals-from', f('trace.json'), '--samples', f('real.csv')],
    ]);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain('with --arrivals-from it must be .json');
    await expect(readFile(f('real.csv'))).rejects.toThrow();
  });
});
