/**
 * The decision space: each variable's possible values in order, so that a
 * solution is a point of an integer lattice (one index per variable) and the
 * search can measure distances between solutions, whatever the values are.
 */
import { formatPath, parseScenario, ScenarioError, type Scenario, type ScenarioIssue } from '../../scenarios/index.js';
import { canonicalJson, parseParameterPath, resolveParameterPath, setAtLocations, type Location } from '../sweep/index.js';
import type { OptimiseSpec } from './optimise-spec.js';

export interface DecisionVariable {
  name: string;
  paths: string[];
  /** Every value it may take, in order (numbers, names, or whole parts of a scenario such as a theatre's list of sessions). */
  values: unknown[];
  /** Where the value is written, every path resolved against the base. */
  locations: Location[];
}

export interface DecisionSpace {
  variables: DecisionVariable[];
  baseDocument: unknown;
  /** How many solutions there are (may exceed 2^53: a count for people). */
  size: number;
}

/** A solution: an index into each variable's values. */
export type Solution = readonly number[];

/** The variables with their values and places; every problem by its path in the file. */
export function buildDecisionSpace(spec: OptimiseSpec, baseDocument: unknown): { space: DecisionSpace; issues: ScenarioIssue[] } {
  const issues: ScenarioIssue[] = [];
  const variables: DecisionVariable[] = [];
  const owner = new Map<string, string>();
  spec.variables.forEach((v, i) => {
    const paths = Array.isArray(v.path) ? v.path : [v.path];
    const locations: Location[] = [];
    paths.forEach((path, j) => {
      const where = formatPath(Array.isArray(v.path) ? ['variables', i, 'path', j] : ['variables', i, 'path']);
      const segments = parseParameterPath(path);
      const resolved = typeof segments === 'string' ? segments : resolveParameterPath(baseDocument, segments);
      if (typeof resolved === 'string') {
        issues.push({ path: where, message: resolved });
        return;
      }
      for (const at of resolved) {
        const place = formatPath(at);
        const other = owner.get(place);
        if (other !== undefined) issues.push({ path: where, message: `sets ${place}, as ${other} does: each place may be set by one variable only` });
        else owner.set(place, where);
      }
      locations.push(...resolved);
    });
    const values = v.values ?? rangeValues(v.range!);
    variables.push({ name: v.name ?? paths[0]!, paths, values, locations });
  });
  const names = new Set<string>();
  variables.forEach((v, i) => {
    if (names.has(v.name)) issues.push({ path: `variables[${i}].name`, message: `"${v.name}" names another variable too; give each a name of its own` });
    names.add(v.name);
  });
  const size = variables.reduce((n, v) => n * v.values.length, 1);
  return { space: { variables, baseDocument, size }, issues };
}

function rangeValues(r: { from: number; to: number; step: number }): number[] {
  const out: number[] = [];
  for (let x = r.from; x <= r.to; x += r.step) out.push(x);
  return out;
}

/** The values of a solution, by variable name. */
export function valuesOf(space: DecisionSpace, x: Solution): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  space.variables.forEach((v, i) => Object.defineProperty(out, v.name, { value: v.values[x[i]!], enumerable: true, writable: true, configurable: true }));
  return out;
}

/** A value in words: a number or name as it is, anything else as JSON. */
export function valueText(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

/** `name = value, …` for every variable. */
export function valuesText(values: Record<string, unknown>): string {
  return Object.entries(values)
    .map(([k, v]) => `${k} = ${valueText(v)}`)
    .join(', ');
}

/** The scenario document of a solution: the base with every variable's value written in. */
export function documentOf(space: DecisionSpace, x: Solution): unknown {
  let document = space.baseDocument;
  space.variables.forEach((v, i) => (document = setAtLocations(document, v.locations, v.values[x[i]!])));
  return document;
}

/** The validated scenario of a solution, or the scenario's problems. */
export function scenarioOf(space: DecisionSpace, x: Solution): Scenario | ScenarioError {
  try {
    return parseScenario(documentOf(space, x), 'solution');
  } catch (e) {
    if (e instanceof ScenarioError) return e;
    throw e;
  }
}

/** Where the search starts: each variable at the base's own value if it is one of the values, else the middle one. */
export function startingSolution(space: DecisionSpace): number[] {
  return space.variables.map((v) => {
    const at = v.locations[0];
    let node: unknown = space.baseDocument;
    for (const key of at ?? []) node = node === null || typeof node !== 'object' ? undefined : (node as Record<string | number, unknown>)[key];
    const exact = v.values.findIndex((value) => canonicalJson(value) === canonicalJson(node));
    if (exact >= 0) return exact;
    if (typeof node === 'number' && v.values.every((value) => typeof value === 'number')) {
      let best = 0;
      v.values.forEach((value, i) => {
        if (Math.abs((value as number) - node) < Math.abs((v.values[best] as number) - node)) best = i;
      });
      return best;
    }
    return Math.floor((v.values.length - 1) / 2);
  });
}

export function solutionKey(x: Solution): string {
  return x.join(',');
}

/** Problems of the corner solutions (every variable at its lowest, then at its highest), by variable. */
export function cornerIssues(space: DecisionSpace): ScenarioIssue[] {
  const corners = [space.variables.map(() => 0), space.variables.map((v) => v.values.length - 1)];
  const issues: ScenarioIssue[] = [];
  const seen = new Set<string>();
  corners.forEach((x, c) => {
    const result = scenarioOf(space, x);
    if (!(result instanceof ScenarioError)) return;
    for (const issue of result.issues) {
      const i = space.variables.findIndex((v) =>
        v.locations.some((l) => issue.path === formatPath(l) || issue.path.startsWith(`${formatPath(l)}.`) || issue.path.startsWith(`${formatPath(l)}[`)),
      );
      const path = i >= 0 ? `variables[${i}]` : 'variables';
      const message = `with every variable at its ${c === 0 ? 'lowest' : 'highest'} value, ${issue.path || '(document)'}: ${issue.message}`;
      if (!seen.has(path + message)) issues.push({ path, message });
      seen.add(path + message);
    }
  });
  return issues;
}
