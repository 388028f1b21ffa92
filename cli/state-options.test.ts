import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TraceBuffer } from '../sim-core/index.js';
import { builtinScenario, compileScenario, localMinutes, parseScenario, stateFromTrace } from '../scenarios/index.js';
import { runReplication, takeState } from '../workers/index.js';
import { runCli, tempDir } from '../test/run-cli.js';

/** `run --days`, `run --snapshot-at` and `export-state --replication`: the pieces a researcher needs to score a forecast. */

interface TraceFile {
  time: number[];
  entity: number[];
  what: number[];
  where: number[];
  whatNames: string[];
  whereNames: string[];
}

/** The trace's rows before `until`, by name, so two traces compare whatever order their name tables took. */
function rowsBefore(t: TraceFile, until: number): string[] {
  const rows: string[] = [];
  for (let i = 0; i < t.time.length && t.time[i]! < until; i++)
    rows.push(`${t.time[i]} ${t.entity[i]} ${t.whatNames[t.what[i]!]} ${t.whereNames[t.where[i]!]}`);
  return rows;
}

const flu = parseScenario(builtinScenario('flu-season')!.document, 'flu-season');
const AT = '2026-02-14T07:00';

describe('run --days', () => {
  it('--days 30 --trace is the first 30 days (after the warm-up) of a longer run', async () => {
    const dir = await tempDir();
    const [short, long] = [join(dir, 'short.json'), join(dir, 'long.json')];
    const a = await runCli(['run', 'flu-season', '-r', '1', '-s', '5', '--days', '30', '--trace', short]);
    expect(a.code).toBe(0);
    expect(a.stdout).toContain(`30 days measured from ${flu.start} after a ${flu.warmupDays}-day warm-up`);
    const b = await runCli(['run', 'flu-season', '-r', '1', '-s', '5', '--days', '75', '--trace', long, '--json']);
    expect(b.code).toBe(0);
    const [s, l] = [JSON.parse(await readFile(short, 'utf8')) as TraceFile, JSON.parse(await readFile(long, 'utf8')) as TraceFile];
    const end = (flu.warmupDays + 30) * 1440;
    expect(s.time.at(-1)).toBeLessThanOrEqual(end);
    expect(l.time.length).toBeGreaterThan(s.time.length);
    const shortRows = rowsBefore(s, end);
    expect(shortRows.length).toBeGreaterThan(1000);
    expect(rowsBefore(l, end)).toEqual(shortRows);
  });

  it.each([['0'], ['1.5'], ['3661'], ['ten'], ['-3']])('--days %s is refused, the option named (exit 2)', async (days) => {
    const r = await runCli(['run', 'textbook-mmc', '-r', '1', '--days', days]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--days <n>.*must be a whole number of days from 1 to 3660/);
  });

  it('--days no longer than the warm-up is refused (exit 2)', async () => {
    const r = await runCli(['run', 'textbook-mmc', '-r', '1', '--days', '5', '--warmup', '5']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--days 5: must be longer than the warm-up (5 days)');
  });
});

describe('export-state --replication', () => {
  // Sixty days of the flu season after its warm-up: enough to pass AT, and the same first days as the full run.
  const scenario = { ...flu, horizonDays: 60 };
  const at = localMinutes(AT) - localMinutes(flu.start);

  it('replication 2 differs from 1 and is what replication 2 of a run shows at that minute', () => {
    const one = takeState(scenario, at, 9, 1).state;
    const two = takeState(scenario, at, 9, 2).state;
    expect(two.patients.length).toBeGreaterThan(50);
    expect(two).not.toEqual(one);
    const model = compileScenario(scenario);
    const trace = new TraceBuffer();
    runReplication(model, 9, 2, trace);
    expect(stateFromTrace(model, trace.toData(), at, localMinutes(flu.start)).state).toEqual(two);
  });

  it('the command writes that replication, and says which', async () => {
    const dir = await tempDir();
    const file = join(dir, 'now.json');
    const r = await runCli(['export-state', 'flu-season', '--at', AT, '-s', '9', '--replication', '2', '-o', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^Running replication 2 of flu-season/);
    expect(r.stderr).toContain(`State of flu-season at ${AT} (replication 2)`);
    const written = JSON.parse(await readFile(file, 'utf8')) as { patients: unknown[] };
    expect(written.patients).toEqual(JSON.parse(JSON.stringify(takeState(scenario, at, 9, 2).state.patients)));
  });

  it.each([['0'], ['2.5'], ['x']])('--replication %s is refused (exit 2)', async (k) => {
    const r = await runCli(['export-state', 'flu-season', '--at', AT, '--replication', k]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--replication <k>.*must be a whole number from 1 to 100000/);
  });
});

describe('run --snapshot-at', () => {
  it('writes the state export-state gives at that moment, and still prints the report', async () => {
    const dir = await tempDir();
    const [snap, exported] = [join(dir, 'snap.json'), join(dir, 'exported.json')];
    const r = await runCli(['run', 'flu-season', '-r', '2', '-s', '4', '--days', '40', '--snapshot-at', AT, '--snapshot-out', snap]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('40 days measured');
    expect(r.stderr).toContain(`State of flu-season at ${AT} (replication 1)`);
    const e = await runCli(['export-state', 'flu-season', '--at', AT, '-s', '4', '-o', exported]);
    expect(e.code).toBe(0);
    expect(await readFile(snap, 'utf8')).toBe(await readFile(exported, 'utf8'));
  });

  it('refuses a moment outside the run, before running (exit 2)', async () => {
    const dir = await tempDir();
    const r = await runCli(['run', 'flu-season', '-r', '1', '--days', '30', '--snapshot-at', '2026-06-01T00:00', '--snapshot-out', join(dir, 's.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--snapshot-at 2026-06-01T00:00: must fall within the run, from ${flu.start} for ${flu.warmupDays + 30} days`);
    expect(r.stdout).toBe('');
  });

  it('refuses writing the state over the scenario file, or without a file (exit 2)', async () => {
    const dir = await tempDir();
    const scenarioFile = join(dir, 'flu.json');
    await writeFile(scenarioFile, JSON.stringify(builtinScenario('flu-season')!.document));
    const over = await runCli(['run', scenarioFile, '-r', '1', '--days', '30', '--snapshot-at', '5', '--snapshot-out', scenarioFile]);
    expect(over.code).toBe(2);
    expect(over.stderr).toMatch(/--snapshot-out.*the scenario/);
    expect(JSON.parse(await readFile(scenarioFile, 'utf8'))).toEqual(builtinScenario('flu-season')!.document);
    const alone = await runCli(['run', 'flu-season', '-r', '1', '--snapshot-at', '5']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--snapshot-at: needs --snapshot-out');
  });
});
