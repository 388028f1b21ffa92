import { compileScenario, type Scenario } from '../scenarios/index.js';
import type { ResourceKind } from '../sim-core/index.js';
import { figureContext, type FigureContext } from './figure-catalogue.js';

/** How to read the figures of one or more scenarios (a comparison reads both). */
export function contextOf(...scenarios: Scenario[]): FigureContext {
  const kindOf = new Map<string, ResourceKind>();
  const surgicalClasses = new Set<string>();
  for (const s of scenarios) {
    const ctx = figureContext(compileScenario(s));
    for (const [name, kind] of ctx.kindOf) if (!kindOf.has(name)) kindOf.set(name, kind);
    for (const c of ctx.surgicalClasses) surgicalClasses.add(c);
  }
  return { kindOf, surgicalClasses };
}
