import { describe, expect, it } from 'vitest';
import { breaksRule, leaveOneOutBreaks, leaveOneOutUnseen, orderRules, pathKey, unseenShare } from './fit/path-rules.js';

const path = (s: string): { steps: string[] } => ({ steps: s.split(' ') });

describe('paths a log never shows', () => {
  // 30 admitted cases (registration, admission, release) and 20 sent home from the ER.
  const log = [...Array.from({ length: 30 }, () => path('reg adm rel')), ...Array.from({ length: 20 }, () => path('reg home'))];

  it('finds the orders every logged case keeps, for steps enough cases have', () => {
    const rules = orderRules(log, 20);
    expect(rules).toContainEqual({ before: 'adm', step: 'rel', cases: 30 });
    expect(rules).toContainEqual({ before: 'reg', step: 'rel', cases: 30 });
    expect(rules).toContainEqual({ before: 'reg', step: 'home', cases: 20 });
    // 'home' is not always after 'adm': no such rule.
    expect(rules.find((r) => r.before === 'adm' && r.step === 'home')).toBeUndefined();
    // Too few cases with a step: no rule is drawn from them.
    expect(orderRules(log, 31).filter((r) => r.step === 'rel')).toEqual([]);
  });

  it('a release with no admission breaks one; the same steps in the log’s order do not', () => {
    const rules = orderRules(log, 20);
    expect(breaksRule(path('reg rel'), rules)).toBe(true);
    expect(breaksRule(path('reg rel adm'), rules)).toBe(true);
    expect(breaksRule(path('reg adm adm rel'), rules)).toBe(false);
  });

  it('the log’s own shares are leave-one-out: one case of a kind of its own counts, two alike do not', () => {
    const one = [...log, path('reg rel')];
    // Without it, every other case with rel had adm before: it breaks a rule the others keep.
    expect(leaveOneOutBreaks(one, 20)).toBeCloseTo(1 / 51, 12);
    expect(leaveOneOutBreaks([...one, path('reg rel')], 20)).toBe(0);
    expect(leaveOneOutUnseen(one)).toBeCloseTo(1 / 51, 12);
    expect(leaveOneOutUnseen(log)).toBe(0);
  });

  it('counts simulated cases whose path is not among the log’s', () => {
    const known = new Set(log.map((c) => pathKey(c.steps)));
    expect(unseenShare([path('reg adm rel'), path('reg home'), path('reg adm adm rel'), path('reg home')], known)).toBe(0.25);
  });
});
