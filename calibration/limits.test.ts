import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readText } from './calibrate.js';
import { calibrateText } from './calibrate-text.js';
import { CalibrationError } from './errors.js';
import { parseMapping } from './read/mapping.js';

describe('calibration input limits (issue 16, item 10)', () => {
  it('a gzip that expands past the limit is refused naming it, not decompressed without end', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'limits-'));
    const bomb = join(dir, 'log.csv.gz');
    // 4 MB of zeros in a few KB: past a 1 MB limit (the real limit, 512 MB, is the same code).
    await writeFile(bomb, gzipSync(Buffer.alloc(4 * 1024 * 1024, 0x30)));
    const e = await readText(bomb, 'log', 1024 * 1024).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CalibrationError);
    expect((e as CalibrationError).problems[0]).toBe('decompresses to more than the 1 MB a log file may be');
    const big = join(dir, 'big.csv');
    await writeFile(big, 'x'.repeat(2 * 1024 * 1024));
    await expect(readText(big, 'log', 1024 * 1024)).rejects.toThrow(/is 2 MB, more than the 1 MB a log file may be/);
  });

  it('a log of more than 1000 distinct activities is refused naming the limit and the way round it', async () => {
    const rows = ['case,activity,time'];
    for (let i = 0; i < 1200; i++) rows.push(`c${i},step ${i},2026-02-01T08:${String(i % 60).padStart(2, '0')}:00`, `c${i},end,2026-02-01T09:00:00`);
    const mapping = parseMapping({ columns: { case: 'case', activity: 'activity', timestamp: 'time' }, time: { format: 'iso' }, model: { replications: 2 } });
    const e = await calibrateText(rows.join('\n'), mapping, { logSource: 'many.csv', mapSource: 'map.yaml', scenarioPath: 'out.yaml', validate: false }).catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(CalibrationError);
    expect((e as CalibrationError).problems[0]).toMatch(/has 1201 distinct activities, more than the 1000 calibration takes .*model\.drop, model\.keep/);
  });
});

describe('logs that calibrate asked users to report as a bug are refused or cleaned (issue 16, item 13)', () => {
  const mapping = parseMapping({ columns: { case: 'case', activity: 'activity', timestamp: 'time' }, time: { format: 'iso' }, model: { replications: 2 } });
  const run = (text: string) => calibrateText(text, mapping, { logSource: 'log.csv', mapSource: 'map.yaml', scenarioPath: 'out.yaml', validate: false });

  it('exact duplicate rows are dropped and listed by line, not made into self-loops', async () => {
    const rows = ['case,activity,time'];
    for (let i = 0; i < 60; i++)
      rows.push(
        `c${i},A,2026-02-0${1 + (i % 5)}T08:${String(i % 60).padStart(2, '0')}:00`,
        `c${i},B,2026-02-0${1 + (i % 5)}T09:${String(i % 60).padStart(2, '0')}:00`,
      );
    rows.splice(2, 0, rows[1]!);
    const r = await run(rows.join('\n'));
    expect(r.calibration.flow.log.bad).toContainEqual({ line: 3, reason: 'repeats line 2 exactly: dropped' });
    expect(r.scenarioText).not.toMatch(/goto: A\b/);
  });

  it('a log spanning 40 years is refused naming the ten-year limit', async () => {
    const rows = ['case,activity,time', 'c1,A,1990-01-01T08:00:00', 'c1,B,1990-01-01T09:00:00', 'c2,A,2030-01-01T08:00:00', 'c2,B,2030-01-01T09:00:00'];
    await expect(run(rows.join('\n'))).rejects.toThrow(/arrive over \d+ days, more than the 3660 days \(ten years\)/);
  });

  it('a log whose every event is at the same instant is refused as bad input, not "please report this"', async () => {
    const rows = ['case,activity,time'];
    for (let i = 0; i < 30; i++) rows.push(`c${i},A,2026-02-01T08:00:00`, `c${i},B,2026-02-01T08:00:00`, `c${i},A,2026-02-01T08:00:00`);
    const e = await run(rows.join('\n')).catch((x: unknown) => x);
    if (e instanceof Error && !(e instanceof CalibrationError)) throw e;
    if (e instanceof CalibrationError) expect(e.message).not.toMatch(/please report/);
  });
});
