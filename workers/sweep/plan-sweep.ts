/**
 * From a sweep and its base scenario document to the scenarios to run: every
 * parameter path resolved, every point's scenario built and validated, and all
 * problems reported together, by their place in the sweep file, before anything runs.
 */
import { formatPath, parseScenario, ScenarioError, type Scenario, type ScenarioIssue } from '../../scenarios/index.js';
import { expandPoints, parameterPaths, type SweepPoint } from './expand-points.js';
import { parseParameterPath, resolveParameterPath, setAtLocations, type Location } from './parameter-path.js';
import { pointKey } from './point-key.js';
import { SweepSpecError, type RankSpec, type SweepSpec } from './sweep-spec.js';

export interface PlannedPoint extends SweepPoint {
  /** The validated scenario this point runs. */
  scenario: Scenario;
  /** Identifies the finished point in the results log (see pointKey). */
  key: string;
}

export interface SweepPlan {
  name: string;
  /** Parameter paths, in the order of the sweep file: the columns of the results. */
  parameters: string[];
  replications: number;
  seed: number | string;
  /** Figure ids or prefixes to keep; undefined keeps every figure. */
  keep: string[] | undefined;
  rank: RankSpec | undefined;
  points: PlannedPoint[];
}

/** @throws SweepSpecError listing every problem found, each by its path in the sweep file. */
export function planSweep(spec: SweepSpec, baseDocument: unknown, source: string): SweepPlan {
  const issues: ScenarioIssue[] = [];
  let base: Scenario | undefined;
  try {
    base = parseScenario(baseDocument, 'base');
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    for (const i of e.issues) issues.push({ path: 'base', message: `${i.path || '(document)'}: ${i.message}` });
  }

  // Resolve each path once, against the base as written.
  const locations = new Map<string, Location[]>();
  const pathIssue = (path: string, where: readonly PropertyKey[]): void => {
    if (locations.has(path)) return;
    const segments = parseParameterPath(path);
    const resolved = typeof segments === 'string' ? segments : resolveParameterPath(baseDocument, segments);
    if (typeof resolved === 'string') issues.push({ path: formatPath(where), message: resolved });
    else locations.set(path, resolved);
  };
  if (spec.parameters) for (const path of Object.keys(spec.parameters)) pathIssue(path, ['parameters', path]);
  spec.combinations?.forEach((c, i) => Object.keys(c).forEach((path) => pathIssue(path, ['combinations', i, path])));
  issues.push(...overlaps(spec, locations));
  if (issues.length > 0 || !base) throw new SweepSpecError(source, issues);

  const replications = spec.replications ?? base.replications;
  const seed = spec.seed ?? base.seed;
  const points: PlannedPoint[] = [];
  const byKey = new Map<string, SweepPoint>();
  const seen = new Set<string>();
  for (const point of expandPoints(spec)) {
    let document = baseDocument;
    for (const [path, value] of Object.entries(point.values)) document = setAtLocations(document, locations.get(path)!, value);
    let scenario: Scenario;
    try {
      scenario = parseScenario(document, point.id);
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      for (const issue of e.issues) {
        const found = attribute(point, issue, locations);
        const id = `${found.path}\u0000${found.message}`;
        if (!seen.has(id)) issues.push(found);
        seen.add(id);
      }
      continue;
    }
    const key = pointKey(scenario, seed, replications);
    const twin = byKey.get(key);
    if (twin)
      issues.push({
        path: originPath(point),
        message: `${point.origin.design === 'grid' ? `the point ${describeValues(point)} ` : ''}gives the same scenario as ${describePoint(twin)}`,
      });
    byKey.set(key, point);
    points.push({ ...point, scenario, key });
  }
  if (issues.length > 0) throw new SweepSpecError(source, issues);
  return { name: spec.name, parameters: parameterPaths(spec), replications, seed, keep: spec.keep, rank: spec.rank, points };
}

/** Two parameters of one point that write the same place (or one inside the other) would silently fight. */
function overlaps(spec: SweepSpec, locations: Map<string, Location[]>): ScenarioIssue[] {
  const groups: { paths: string[]; where: (path: string) => PropertyKey[] }[] = spec.parameters
    ? [{ paths: Object.keys(spec.parameters), where: (p) => ['parameters', p] }]
    : (spec.combinations ?? []).map((c, i) => ({ paths: Object.keys(c), where: (p) => ['combinations', i, p] }));
  const out: ScenarioIssue[] = [];
  for (const { paths, where } of groups) {
    for (let a = 0; a < paths.length; a++) {
      for (let b = a + 1; b < paths.length; b++) {
        const la = locations.get(paths[a]!);
        const lb = locations.get(paths[b]!);
        const clash = la && lb && la.find((x) => lb.some((y) => within(formatPath(x), formatPath(y)) || within(formatPath(y), formatPath(x))));
        if (clash)
          out.push({
            path: formatPath(where(paths[b]!)),
            message: `sets ${formatPath(clash)}, as ${formatPath(where(paths[a]!))} does: each place may be set by one parameter only`,
          });
      }
    }
  }
  return out;
}

/** A problem in a point's scenario, put at the parameter value that caused it if one did. */
function attribute(point: SweepPoint, issue: ScenarioIssue, locations: Map<string, Location[]>): ScenarioIssue {
  for (const path of Object.keys(point.values)) {
    if (locations.get(path)!.some((l) => within(issue.path, formatPath(l)))) {
      const at = point.origin.design === 'grid' ? ['parameters', path, point.origin.valueIndex[path]!] : ['combinations', point.origin.combination, path];
      return { path: formatPath(at), message: `${issue.path}: ${issue.message}` };
    }
  }
  return {
    path: originPath(point),
    message: `${point.origin.design === 'grid' ? `the point ${describeValues(point)} makes ` : ''}${issue.path || '(document)'}: ${issue.message}`,
  };
}

/** `inner` is `outer` or a place inside it. */
function within(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`);
}

function originPath(point: SweepPoint): string {
  return point.origin.design === 'grid' ? 'parameters' : formatPath(['combinations', point.origin.combination]);
}

function describePoint(point: SweepPoint): string {
  return point.origin.design === 'grid' ? `the point ${describeValues(point)}` : formatPath(['combinations', point.origin.combination]);
}

function describeValues(point: SweepPoint): string {
  return `{ ${Object.entries(point.values)
    .map(([p, v]) => `${p}: ${JSON.stringify(v)}`)
    .join(', ')} }`;
}
