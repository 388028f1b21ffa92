import { scenarioFigureContext, type FigureContext, type Scenario } from '../scenarios/index.js';

/**
 * How to read the figures of one or more scenarios (a comparison reads both):
 * the scenarios' own context, without plain names (the CLI's reports name
 * resources and classes by their ids), except a network's sites and shared
 * services, which are named as the network file names them ("East county").
 */
export function contextOf(...scenarios: Scenario[]): FigureContext {
  const { kindOf, surgicalClasses, names } = scenarioFigureContext(...scenarios);
  const network = new Set(
    scenarios.flatMap((s) => (s.network !== undefined && s.network.sites.length > 1 ? [...s.network.sites, ...s.network.services] : [])).map((x) => x.id),
  );
  if (network.size === 0) return { kindOf, surgicalClasses };
  return { kindOf, surgicalClasses, names: new Map([...(names ?? new Map<string, string>())].filter(([id]) => network.has(id))) };
}
