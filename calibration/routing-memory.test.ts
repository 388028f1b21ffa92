/**
 * Routing with memory: states are (step, remembered steps behind the case);
 * a log whose cases all have three steps, in two orders, is reproduced only
 * when the routing remembers them; a misspelt name is refused.
 */
import { describe, expect, it } from 'vitest';
import { calibrateText } from './calibrate-text.js';
import { CalibrationError } from './errors.js';
import { END, START } from './fit/observations.js';
import { nextState, observeStates, onceOnlyActivities, stateKey } from './fit/routing-memory.js';
import { fitRouting } from './fit/routing.js';
import type { LogCase } from './read/flow.js';
import { parseMapping } from './read/mapping.js';

const logCase = (id: string, steps: string[], open = false): LogCase => ({
  id,
  cls: 'patients',
  attributes: {},
  arrival: 0,
  arrivalWall: 0,
  endMarker: null,
  open,
  events: steps.map((activity, k) => ({ activity, start: 10 * k, end: 10 * k, wall: 10 * k, resource: null })),
});

describe('routing states', () => {
  it('count each next step by the step and the remembered steps behind the case', () => {
    const cases = [
      logCase('1', ['reg', 'triage', 'fluids']),
      logCase('2', ['fluids', 'reg', 'triage']),
      logCase('3', ['reg', 'triage']),
      logCase('4', ['reg', 'fluids'], true),
    ];
    const s = observeStates(cases, ['reg', 'fluids']);
    const row = (key: string): Record<string, number> => Object.fromEntries(s.transitions.get(key) ?? []);
    expect(row(START)).toEqual({ reg: 3, fluids: 1 });
    // Triage after registration alone, and after both: different states with their own next steps.
    expect(row(stateKey('triage', ['reg']))).toEqual({ fluids: 1, [END]: 1 });
    expect(row(stateKey('triage', ['reg', 'fluids']))).toEqual({ [END]: 1 });
    expect(row(stateKey('fluids', ['fluids']))).toEqual({ reg: 1 });
    expect(row(stateKey('reg', ['reg']))).toEqual({ triage: 2, fluids: 1 });
    expect(row(stateKey('reg', ['reg', 'fluids']))).toEqual({ triage: 1 });
    expect(s.unknownNext.get(stateKey('fluids', ['reg', 'fluids']))).toBe(1);
    expect(s.states.get(stateKey('triage', ['reg']))).toMatchObject({ activity: 'triage', done: ['reg'], visits: 2 });
    // Remembered steps are kept in `remember` order, whatever order the case had them in.
    expect(nextState(['fluids'], 'reg', ['reg', 'fluids']).done).toEqual(['reg', 'fluids']);
  });

  it('without memory are the steps themselves, with the plain directly-follows counts', () => {
    const s = observeStates([logCase('1', ['a', 'b', 'a']), logCase('2', ['b', 'a'])], []);
    expect([...s.states.keys()].sort()).toEqual(['a', 'b']);
    expect(Object.fromEntries(s.transitions.get('a')!)).toEqual({ b: 1, [END]: 2 });
    expect(Object.fromEntries(s.transitions.get('b')!)).toEqual({ a: 2 });
  });

  it('hold a split step’s routes to the pooled count, so memory does not prune a route the log shows often enough', () => {
    // 'x' → 'rare' happens 4 times, but 2 from each of two states: with minTransitions 3 it is kept in both.
    const cases = [
      ...Array.from({ length: 2 }, (_, i) => logCase(`a${i}`, ['a', 'x', 'rare'])),
      ...Array.from({ length: 2 }, (_, i) => logCase(`b${i}`, ['b', 'x', 'rare'])),
      ...Array.from({ length: 20 }, (_, i) => logCase(`c${i}`, ['a', 'x'])),
      ...Array.from({ length: 20 }, (_, i) => logCase(`d${i}`, ['b', 'x'])),
    ];
    const memory = observeStates(cases, ['a', 'b']);
    const plain = observeStates(cases, []);
    const pooled = (state: string, to: string): number => plain.transitions.get(memory.states.get(state)?.activity ?? state)?.get(to) ?? 0;
    const routes = fitRouting(memory.transitions, memory.unknownNext, 3, pooled);
    expect(routes.from.get(stateKey('x', ['a']))!.map((r) => r.to)).toContain('rare');
    expect(routes.from.get(stateKey('x', ['b']))!.map((r) => r.to)).toContain('rare');
    // Held to its own state's count, it was pruned from both.
    expect(fitRouting(memory.transitions, memory.unknownNext, 3).pruned.filter((r) => r.to === 'rare')).toHaveLength(2);
  });

  it('suggest the steps a case has at most once', () => {
    expect(onceOnlyActivities([logCase('1', ['a', 'b', 'b']), logCase('2', ['a', 'c']), logCase('3', ['c', 'a'])])).toEqual(['a', 'c']);
  });
});

/** 300 cases that all have A, B and C once: 80% in that order, 20% as B, A, C. */
function twoOrderLog(): string {
  const rows = ['case,activity,time'];
  for (let i = 0; i < 300; i++) {
    const day = 1 + (i % 28);
    const t0 = `2026-02-${String(day).padStart(2, '0')}T${String(6 + (i % 12)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}`;
    const order = i % 5 === 4 ? ['B', 'A', 'C'] : ['A', 'B', 'C'];
    order.forEach((a, k) => rows.push(`c${i},${a},${t0}:${String(10 * k).padStart(2, '0')}`));
  }
  return rows.join('\n');
}

const twoOrderMapping = (remember: string[]) =>
  parseMapping({ columns: { case: 'case', activity: 'activity', timestamp: 'time' }, time: { format: 'iso' }, model: { remember, replications: 4 } });

async function reach(remember: string[]): Promise<Map<string, number>> {
  const result = await calibrateText(twoOrderLog(), twoOrderMapping(remember), {
    logSource: 'two-orders.csv',
    mapSource: 'map.yaml',
    scenarioPath: 'two-orders.yaml',
  });
  const rows = result.validation!.rows.filter((r) => r.figure.startsWith('cases with '));
  return new Map(rows.map((r) => [r.figure.slice('cases with '.length), r.sim]));
}

describe('calibrating with routing memory', () => {
  it('reproduces a log whose steps come in two orders: every simulated case has all three, as every logged case does', async () => {
    const plain = await reach([]);
    // A first-order chain forgets: a case that started with B goes on to A only as often as B leads to A overall.
    expect(plain.get('A')!).toBeLessThan(0.9);
    expect(plain.get('B')!).toBeLessThan(0.9);
    const remembered = await reach(['A', 'B']);
    for (const a of ['A', 'B', 'C']) expect(remembered.get(a), a).toBe(1);
  });

  it('refuses a remembered activity the log does not have, naming it and listing those it has', async () => {
    const e = await calibrateText(twoOrderLog(), twoOrderMapping(['A', 'Triage']), {
      logSource: 'two-orders.csv',
      mapSource: 'map.yaml',
      scenarioPath: 'x.yaml',
    }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CalibrationError);
    expect((e as CalibrationError).problems).toEqual([
      'model.remember[1]: "Triage" is not an activity of the log once the mapping has dropped what it drops (its activities: A, B, C)',
    ]);
  });
});
