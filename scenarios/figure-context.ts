/** How to read the figures of one or more scenarios (a comparison reads both): resource kinds, surgical classes, plain names. */
import type { ResourceKind } from '../sim-core/index.js';
import { compileScenario } from './compile/compile-scenario.js';
import { figureContext, plainId, type FigureContext } from './figure-catalogue.js';
import { declaredResources, resourceNames } from './kinds/index.js';
import type { Scenario } from './schema/scenario.js';
import { siteLabels } from './network/site-labels.js';

export function scenarioFigureContext(...scenarios: Scenario[]): FigureContext {
  const kindOf = new Map<string, ResourceKind>();
  const surgicalClasses = new Set<string>();
  const names = new Map<string, string>();
  const name = (id: string, text: string | undefined): void => {
    if (text !== undefined && !names.has(id)) names.set(id, text);
  };
  for (const s of scenarios) {
    const ctx = figureContext(compileScenario(s));
    for (const [name, kind] of ctx.kindOf) if (!kindOf.has(name)) kindOf.set(name, kind);
    for (const c of ctx.surgicalClasses) surgicalClasses.add(c);
    // A network's sites by their names, and each site's names with the site in front (before the plain names).
    const own = resourceNames(s);
    const ids = [...declaredIds(s), ...s.patientClasses.map((c) => c.id)];
    for (const [id, text] of siteLabels(s, ids, (id) => own.get(id) ?? s.patientClasses.find((c) => c.id === id)?.name)) name(id, text);
    for (const [id, text] of own) name(id, text);
    for (const c of s.patientClasses) name(c.id, c.name ?? plainId(c.id));
    for (const i of s.items) name(i.id, i.name);
  }
  return { kindOf, surgicalClasses, names };
}

export { plainId };

function declaredIds(s: Scenario): string[] {
  return declaredResources(s).map((r) => r.element.id);
}
