/**
 * Appointment templates as decisions: workers/optimise/examples/clinic-template.yaml tunes the interval,
 * the number booked at the start and an overbooked slot of a Bailey-Welch session. The exact objective
 * of every solution follows from the session's Markov chain (clinic-chain.ts); the optimiser's choice
 * must be within its indifference zone of the exact best (the selection's guarantee, at 95%).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inThreadRunner, loadOptimiseSpec, runOptimise } from '../../workers/optimise/index.js';
import { exactSession } from './clinic-chain.js';

const PATIENTS = 12;
const LENGTH = 180;
const OVERBOOK: Record<string, number | null> = { '[]': null, '[{"slot":6,"extra":1}]': 6, '[{"slot":10,"extra":1}]': 10 };

/** Bailey-Welch: atStart at 0, then one every interval; an overbooked slot gets one more. */
function objective(interval: number, atStart: number, overbookSlot: number | null): number {
  const slots = [{ offset: 0, count: atStart }];
  for (let k = 1; k <= PATIENTS - atStart; k++) slots.push({ offset: k * interval, count: 1 });
  if (overbookSlot !== null) slots[overbookSlot - 1]!.count++;
  const e = exactSession(slots, LENGTH, 12, 0.1);
  return 2.16 * e.wait + 1.25 * e.idle + 1.875 * e.overrun;
}

describe('optimise tunes an appointment template (clinic-template.yaml)', () => {
  it('chooses a template within the indifference zone of the exact best', async () => {
    const spec = await loadOptimiseSpec(join('workers/optimise/examples', 'clinic-template.yaml'));
    const outcome = await runOptimise(spec, { runner: inThreadRunner, outDir: mkdtempSync(join(tmpdir(), 'optimise-clinic-')) });
    const chosen = outcome.report.chosen!;
    const values = chosen.values as { interval: number; atStart: number; overbook: unknown };
    let best = Infinity;
    for (let interval = 10; interval <= 16; interval++) {
      for (let atStart = 1; atStart <= 3; atStart++) for (const slot of Object.values(OVERBOOK)) best = Math.min(best, objective(interval, atStart, slot));
    }
    const mine = objective(values.interval, values.atStart, OVERBOOK[JSON.stringify(values.overbook)]!);
    expect(mine - best, `chosen ${JSON.stringify(values)} costs ${mine.toFixed(2)}, the exact best ${best.toFixed(2)}`).toBeLessThanOrEqual(2);
  }, 300_000);
});
