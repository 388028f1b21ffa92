import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../test/run-cli.js';
import { csvField } from './csv.js';

describe('CSV formula injection is neutralised in every CSV written (issue 16, item 12; OWASP)', () => {
  it.each([
    ['=HYPERLINK("http://x","click")', `"'=HYPERLINK(""http://x"",""click"")"`],
    ['+cmd|calc', "'+cmd|calc"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tleading tab', "'\tleading tab"],
    ['-5', '-5'],
    ['+1.5e3', '+1.5e3'],
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
  ])('%j is written as %s', (text, written) => {
    expect(csvField(text)).toBe(written);
  });

  it('export-log writes an activity and attribute values that start with = + - @ as text, not formulas', async () => {
    const dir = await tempDir();
    const scenario = join(dir, 'inject.json');
    await writeFile(
      scenario,
      JSON.stringify({
        name: 'inject',
        start: '2026-03-02T08:00',
        horizonDays: 1,
        resources: [{ id: 'cubicle', department: 'clinic', units: 2 }],
        patientClasses: [
          {
            id: 'walkIn',
            department: 'clinic',
            arrivals: { type: 'weekly', perDay: 20 },
            attributes: { note: { values: ['=1+1', '@x'], weights: [1, 1] } },
            pathway: 'visit',
          },
        ],
        pathways: { visit: [{ seize: ['cubicle'] }, { hold: { type: 'exponential', mean: 30 }, activity: '=cmd|calc', id: 'treat' }, { release: 'all' }] },
      }),
    );
    const out = join(dir, 'log.csv');
    const r = await runCli(['export-log', scenario, '--out', out]);
    expect(r.code).toBe(0);
    const cells = (await readFile(out, 'utf8'))
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .flatMap((line) => line.split(','));
    expect(cells).toContain("'=cmd|calc");
    expect(cells.some((c) => c === "'=1+1" || c === "'@x")).toBe(true);
    expect(cells.filter((c) => /^[=+@]/.test(c))).toEqual([]);
  });
});
