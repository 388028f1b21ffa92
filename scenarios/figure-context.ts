/** How to read the figures of one or more scenarios (a comparison reads both): resource kinds, surgical classes, plain names. */
import type { ResourceKind } from '../sim-core/index.js';
import { compileScenario } from './compile/compile-scenario.js';
import { figureContext, plainId, type FigureContext } from './figure-catalogue.js';
import type { Scenario } from './schema/scenario.js';

export function scenarioFigureContext(...scenarios: Scenario[]): FigureContext {
  const kindOf = new Map<string, ResourceKind>();
  const surgicalClasses = new Set<string>();
  const names = new Map<string, string>();
  for (const s of scenarios) {
    const ctx = figureContext(compileScenario(s));
    for (const [name, kind] of ctx.kindOf) if (!kindOf.has(name)) kindOf.set(name, kind);
    for (const c of ctx.surgicalClasses) surgicalClasses.add(c);
    for (const w of s.wards) if (!names.has(w.id)) names.set(w.id, w.name ?? plainId(w.id));
    for (const c of s.patientClasses) if (!names.has(c.id)) names.set(c.id, c.name ?? plainId(c.id));
    for (const i of s.items) if (i.name && !names.has(i.id)) names.set(i.id, i.name);
    for (const g of s.staff) if (g.name && !names.has(g.id)) names.set(g.id, g.name);
    for (const r of [...s.operatingRooms, ...s.imaging, ...s.resources]) if (!names.has(r.id)) names.set(r.id, plainId(r.id));
  }
  return { kindOf, surgicalClasses, names };
}

export { plainId };
