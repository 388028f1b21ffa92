import { describe, expect, it } from 'vitest';
import type { FigureContext } from '../../../scenarios/index.js';
import type { FigureDifference } from '../../../workers/compare.js';
import { verdictClauses, verdictSentence } from './verdict.js';

const ctx: FigureContext = { kindOf: new Map(), surgicalClasses: new Set() };
const d = (meanA: number, meanB: number, significant: boolean): FigureDifference => ({
  mean: meanB - meanA,
  ci95: significant ? [meanB - meanA - 1e-6, meanB - meanA + 1e-6] : [-1, 1],
  n: 10,
  significant,
  meanA,
  meanB,
});

describe('the verdict of a comparison, in one sentence', () => {
  it('leads with the cost and the 4-hour share, then says what does not change and what rises (the issue’s example)', () => {
    const diff = {
      'cost.total': d(20_000_000, 20_553_179, true),
      'cost.perPatient': d(500, 527, true),
      'ed.within4h': d(0.747, 0.775, true),
      'ed.los.mean': d(3.1, 3.0, false),
      'boarding.hours': d(10_000, 11_154, true),
    };
    const clauses = verdictClauses(diff, ctx, 365);
    expect(verdictSentence(clauses)).toBe(
      'B costs 553,179 more a year (+27 per patient) and moves 4-hour performance from 74.7% to 77.5%; ED length of stay does not change significantly; boarding rises 1,154 h.',
    );
    // More cost is worse, a higher 4-hour share better, more boarding worse.
    expect(clauses.map((c) => c.tone)).toEqual(['worse', 'better', 'neutral', 'worse']);
  });

  it('says a cost that does not differ significantly, with the period measured', () => {
    const clauses = verdictClauses({ 'cost.total': d(1000, 900, false), cancellations: d(10, 4, true) }, ctx, 28);
    expect(verdictSentence(clauses)).toBe("B's total cost does not differ significantly from A's (-100 over 28 days) and cancellations fall by 6.");
    expect(clauses[1]!.tone).toBe('better');
  });

  it('says what B buys for its money, and rounds money as the table of differences does', () => {
    const staff: FigureContext = { kindOf: new Map([['server', 'staff']]), surgicalClasses: new Set() };
    const diff = {
      'cost.total': d(10_661, 11_333, true),
      'cost.perPatient': d(1.85, 2.35, true),
      'wait.server.mean': d(35.2, 2.2, true),
      'queue.server.mean': d(2.35, 0.15, true),
    };
    const clauses = verdictClauses(diff, staff, 60, ['wait.server.mean', 'queue.server.mean']);
    expect(verdictSentence(clauses)).toBe(
      'B costs 672 more over 60 days (+0.5 per patient) and moves mean wait for server from 35.2 min to 2.2 min; moves mean number of patients waiting for server from 2.4 to 0.15.',
    );
    expect(clauses.map((c) => c.tone)).toEqual(['worse', 'better', 'better']);
  });
});
