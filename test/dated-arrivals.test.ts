import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../cli/load-scenario-file.js';
import { compileScenario, readDatedArrivalsCsv, ScenarioError } from '../scenarios/index.js';
import { readTrace, runHospital, TraceBuffer } from '../sim-core/index.js';

const example = 'examples/dated-arrivals/clinic.yaml';

/** Each arrival of a replication of `file`: [minute, acuity or "" when drawn]. */
async function arrivals(file: string, replication: number): Promise<[number, string][]> {
  const model = compileScenario(await loadScenarioFile(file));
  const trace = new TraceBuffer();
  runHospital(model, { seed: 1, replication, trace });
  const out: [number, string][] = [];
  readTrace(trace.toData(), (e) => {
    if (e.kind === 'arrived') out.push([e.time, '']);
    else if (e.kind === 'attribute' && e.name === 'acuity') out[out.length - 1]![1] = e.value;
  });
  return out;
}

describe('dated arrivals: a class replays a list of date-times', () => {
  it("brings one patient at each of the CSV's times, minutes from the scenario's start, in every replication alike", async () => {
    // examples/dated-arrivals/arrivals.csv, from 2026-03-02T08:00: 08:05, 08:12 twice, 08:40:30, 09:15, 09:16, 10:02, 11:30.
    const times = [5, 12, 12, 40.5, 75, 76, 122, 210];
    for (const replication of [1, 2, 3]) expect((await arrivals(example, replication)).map(([t]) => t)).toEqual(times);
  });

  it('gives each patient the attributes its row gives; an empty cell is drawn as usual', async () => {
    const [first, second] = [await arrivals(example, 1), await arrivals(example, 2)];
    const given = [0, 2, 3, 4, 5, 7];
    expect(given.map((k) => first[k]![1])).toEqual(['3', '1', '2', '3', '3', '2']);
    expect(given.map((k) => second[k]![1])).toEqual(['3', '1', '2', '3', '3', '2']);
    for (const k of [1, 6]) expect(['1', '2', '3']).toContain(first[k]![1]);
  });

  it('refuses a bad file before anything runs, each problem by file, line and column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dated-'));
    copyFileSync(example, join(dir, 'clinic.yaml'));
    writeFileSync(join(dir, 'arrivals.csv'), 'at,acuity\n2026-03-02T08:05,7\n\n2026-02-30T08:12,\nyesterday,1\n2026-03-02T09:00,x\n');
    const e = await loadScenarioFile(join(dir, 'clinic.yaml')).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ScenarioError);
    expect((e as ScenarioError).issues.map((i) => i.path)).toEqual(['arrivals.csv line 4, at', 'arrivals.csv line 5, at']);
    // Once the dates are right, the values are checked against the class's attributes, by line too.
    writeFileSync(join(dir, 'arrivals.csv'), 'at,acuity\n2026-03-02T08:05,7\n\n2026-03-02T09:00,x\n');
    const f = (await loadScenarioFile(join(dir, 'clinic.yaml')).catch((x: unknown) => x)) as ScenarioError;
    expect(f.issues).toEqual([
      { path: 'arrivals.csv line 2, acuity', message: '7 is not one of its values (1, 2, 3)' },
      { path: 'arrivals.csv line 4, acuity', message: '"x" is not one of its values (1, 2, 3)' },
    ]);
  });

  it('reads a header without "at", an empty file, a file outside the folder, as problems', async () => {
    expect(readDatedArrivalsCsv('when\n2026-03-02T08:00\n', 'a.csv').issues[0]!.message).toMatch(/needs a column "at"/);
    expect(readDatedArrivalsCsv('', 'a.csv').issues[0]!.message).toMatch(/is empty/);
    expect(readDatedArrivalsCsv('at\n', 'a.csv').issues[0]!.message).toMatch(/no arrivals/);
    const dir = mkdtempSync(join(tmpdir(), 'dated-'));
    writeFileSync(join(dir, 'c.yaml'), readFileSync(example, 'utf8').replace('file: arrivals.csv', 'file: ../arrivals.csv'));
    const e = (await loadScenarioFile(join(dir, 'c.yaml')).catch((x: unknown) => x)) as ScenarioError;
    expect(e.issues[0]!.path).toBe('patientClasses[0].arrivals.file');
  });
});
