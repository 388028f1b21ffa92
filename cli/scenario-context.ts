import { scenarioFigureContext, type FigureContext, type Scenario } from '../scenarios/index.js';

/**
 * How to read the figures of one or more scenarios (a comparison reads both):
 * the scenarios' own context, without plain names (the CLI's reports name
 * resources and classes by their ids).
 */
export function contextOf(...scenarios: Scenario[]): FigureContext {
  const { kindOf, surgicalClasses } = scenarioFigureContext(...scenarios);
  return { kindOf, surgicalClasses };
}
