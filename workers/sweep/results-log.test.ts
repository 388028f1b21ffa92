import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendRecord, readLog, repairLog, type PointRecord } from './results-log.js';

const record = (key: string, x: number): PointRecord => ({ key, point: 'p1', values: { a: 1 }, seed: 1, replications: 2, figures: { x: [x, Number.NaN] } });

describe('the results log', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sweep-log-'));
    file = join(dir, 'sweep.jsonl');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('is empty when there is no file yet', async () => {
    expect(await readLog(file)).toEqual({ records: [], completeBytes: 0, torn: false, skipped: 0 });
  });

  it('reads back what was appended, one line per record, NaN included', async () => {
    await appendRecord(file, record('a', 1.5));
    await appendRecord(file, record('b', 0.1 + 0.2));
    expect((await readFile(file, 'utf8')).split('\n')).toHaveLength(3);
    const { records, torn } = await readLog(file);
    expect(torn).toBe(false);
    expect(records).toEqual([record('a', 1.5), record('b', 0.1 + 0.2)]);
  });

  it('ignores a torn last line (a crash mid-write), and repair cuts it so the next record starts on its own line', async () => {
    await appendRecord(file, record('a', 1));
    const whole = `${JSON.stringify(record('b', 2))}\n`;
    await writeFile(file, whole.slice(0, 25), { flag: 'a' });
    const read = await readLog(file);
    expect(read.records.map((r) => r.key)).toEqual(['a']);
    expect(read.torn).toBe(true);
    await repairLog(file);
    await appendRecord(file, record('c', 3));
    const after = await readLog(file);
    expect(after.records.map((r) => r.key)).toEqual(['a', 'c']);
    expect(after.torn).toBe(false);
    expect(after.skipped).toBe(0);
  });

  it('skips and counts a complete line that is not a record', async () => {
    await appendRecord(file, record('a', 1));
    await writeFile(file, 'not json\n{"key": 3}\n', { flag: 'a' });
    await appendRecord(file, record('b', 2));
    const read = await readLog(file);
    expect(read.records.map((r) => r.key)).toEqual(['a', 'b']);
    expect(read.skipped).toBe(2);
  });
});
