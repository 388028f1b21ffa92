import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calibrateText } from './calibrate-text.js';
import { CalibrationError } from './errors.js';
import { parseMapping } from './read/mapping.js';

/** A clean interval log of 40 cases over five days, as export-log writes it. */
const LOG = [
  'case,activity,start,end,resource,class',
  ...Array.from({ length: 40 }, (_, i) => {
    const t = (m: number): string => new Date(Date.UTC(2026, 0, 5 + Math.floor(i / 8), 8 + (i % 8), m)).toISOString().slice(0, 19);
    return [`p${i},arrive,${t(0)},${t(0)},,ed`, `p${i},triage,${t(0)},${t(7 + (i % 5))},nurse,ed`, `p${i},leave,${t(7 + (i % 5))},${t(7 + (i % 5))},,ed`].join(
      '\n',
    );
  }),
].join('\n');
const LINES = LOG.split('\n');
const MAPPING = parseMapping({
  columns: { case: 'case', activity: 'activity', start: 'start', end: 'end', resource: 'resource' },
  time: { format: 'iso' },
  model: { replications: 2 },
});

/** What a broken export leaves in a log. */
const DAMAGE = [
  '"',
  '""',
  ',',
  '\r',
  '\n',
  '',
  '=1+1',
  '__proto__',
  'toString',
  '2026-13-45T99:99:99',
  '9999-12-31T23:59:59',
  '1970-01-01T00:00:00',
  'x'.repeat(3000),
  '\u0000',
  '\uFEFF',
  '-1',
];

function mutateLog(edits: { line: number; kind: number; value: number; at: number }[]): string {
  const lines = [...LINES];
  for (const e of edits) {
    if (lines.length < 2) break;
    const k = 1 + (e.line % (lines.length - 1));
    const line = lines[k] ?? '';
    const cells = line.split(',');
    const d = DAMAGE[e.value % DAMAGE.length]!;
    switch (e.kind % 6) {
      case 0:
        cells[e.at % cells.length] = d; // a cell replaced
        lines[k] = cells.join(',');
        break;
      case 1:
        lines.splice(k, 1); // a row lost
        break;
      case 2:
        lines.splice(k, 0, line); // a row twice
        break;
      case 3:
        lines[k] = line.slice(0, e.at % Math.max(1, line.length)); // a row cut short
        break;
      case 4:
        lines[k] = `${line.slice(0, e.at % Math.max(1, line.length))}${d}${line.slice(e.at % Math.max(1, line.length))}`; // something inserted
        break;
      default:
        lines.length = k; // the file cut short
    }
  }
  return lines.join('\n');
}

describe('hostile event logs, seeded (issue 16): a scenario with figures, or a refusal with its problems, never a crash', () => {
  it('500 mutated logs each calibrate or are refused with a CalibrationError naming what is wrong', async () => {
    const counts = { calibrated: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ line: fc.nat(), kind: fc.nat(), value: fc.nat(), at: fc.nat() }), { minLength: 1, maxLength: 4 }),
        async (edits) => {
          const text = mutateLog(edits);
          try {
            const r = await calibrateText(text, MAPPING, { logSource: 'mutant.csv', mapSource: 'map.yaml', scenarioPath: 'out.yaml', validate: false });
            expect(r.scenarioText.length).toBeGreaterThan(0);
            expect(r.scenario.patientClasses.length).toBeGreaterThan(0);
            counts.calibrated++;
          } catch (e) {
            if (!(e instanceof CalibrationError)) throw new Error(`not a refusal: ${e instanceof Error ? `${e.name}: ${e.message.slice(0, 300)}` : String(e)}`);
            expect(e.problems.length).toBeGreaterThan(0);
            for (const p of e.problems) expect(p.length).toBeLessThan(2000);
            counts.refused++;
          }
        },
      ),
      { numRuns: 500, seed: 20261130 },
    );
    expect(counts.calibrated).toBeGreaterThan(100);
  }, 180_000);
});
