import { describe, expect, it } from 'vitest';
import type { FigureContext } from '../../../scenarios/index.js';
import { boughtFigures, objectiveTerms, objectiveWords } from './objective-words.js';

/** The base of workers/optimise/examples/mmc-staffing.yaml: one staff group, `server`. */
const CTX: FigureContext = { kindOf: new Map([['server', 'staff']]), surgicalClasses: new Set<string>() };

describe("an optimisation's objective in plain words", () => {
  it('reads the weights and ids optimise.json writes', () => {
    expect(objectiveTerms('cost.total + 7200·queue.server.mean')).toEqual([
      { weight: 1, id: 'cost.total' },
      { weight: 7200, id: 'queue.server.mean' },
    ]);
    expect(objectiveTerms('-ed.within4h - 0.5·cost.perPatient')).toEqual([
      { weight: -1, id: 'ed.within4h' },
      { weight: -0.5, id: 'cost.perPatient' },
    ]);
  });
  it("says it with the catalogue's labels, not ids", () => {
    const words = objectiveWords('cost.total + 7200·queue.server.mean', CTX);
    expect(words).toBe('Total cost + 7,200 × patients waiting for server, mean');
    expect(words).not.toMatch(/queue\.|cost\.total|·/);
  });
  it('names what the best buys: the wait behind a queue, then the queue', () => {
    expect(boughtFigures('cost.total + 7200·queue.server.mean')).toEqual(['wait.server.mean', 'queue.server.mean']);
  });
});
