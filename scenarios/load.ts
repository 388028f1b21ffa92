import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { ScenarioSchema, type Scenario } from './schema/scenario.js';
import { ScenarioError, formatPath, type ScenarioIssue } from './schema/errors.js';
import { checkReferences } from './references.js';

/**
 * A scenario document (already parsed from JSON or YAML) validated in full:
 * shape and types by the schema, then the cross-references between its parts.
 * Throws ScenarioError listing every problem; nothing is evaluated.
 */
export function parseScenario(document: unknown, source = 'scenario'): Scenario {
  const result = ScenarioSchema.safeParse(document);
  if (!result.success) throw new ScenarioError(source, zodIssues(result.error));
  const problems = checkReferences(result.data);
  if (problems.length > 0) throw new ScenarioError(source, problems);
  return result.data;
}

/** A scenario from the text of a JSON or YAML file (YAML is a superset of JSON). */
export function parseScenarioText(text: string, source = 'scenario', format: 'json' | 'yaml' = 'yaml'): Scenario {
  let document: unknown;
  try {
    // YAML 1.2 core schema: plain data only, no tags that construct objects.
    document = format === 'json' ? JSON.parse(text) : parseYaml(text, { schema: 'core', maxAliasCount: 100 });
  } catch (e) {
    const where = e instanceof YAMLParseError && e.linePos ? ` at line ${e.linePos[0].line}, column ${e.linePos[0].col}` : '';
    const message = e instanceof Error ? e.message.split('\n')[0]! : String(e);
    throw new ScenarioError(source, [{ path: '', message: `cannot be read as ${format.toUpperCase()}${where}: ${message}` }]);
  }
  return parseScenario(document, source);
}

function zodIssues(error: z.ZodError): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ path: formatPath([...issue.path, key]), message: 'is not a known field' });
    } else if (issue.code === 'invalid_union' && 'errors' in issue && Array.isArray(issue.errors)) {
      // Report the branch that got furthest rather than "invalid input".
      const branches = issue.errors as z.core.$ZodIssue[][];
      const best = [...branches].sort((a, b) => depth(b) - depth(a))[0];
      if (best && best.length > 0 && depth(best) > 0) {
        out.push(...zodIssues({ issues: best.map((i) => ({ ...i, path: [...issue.path, ...i.path] })) } as unknown as z.ZodError));
      } else out.push({ path: formatPath(issue.path), message: describeUnion(issue.path) });
    } else {
      out.push({ path: formatPath(issue.path), message: plain(issue) });
    }
  }
  return out;
}

function depth(issues: readonly z.core.$ZodIssue[]): number {
  return Math.max(0, ...issues.filter((i) => i.code !== 'invalid_type' || i.path.length > 0).map((i) => i.path.length + (i.code === 'invalid_type' ? 0 : 1)));
}

function describeUnion(path: readonly PropertyKey[]): string {
  const last = path[path.length - 1];
  if (typeof last === 'number' && path.includes('pathways')) {
    return 'is not a known step: use one of seize, hold, release, consume, branch, branchOn, goto, stay, leave';
  }
  return 'does not match any of the allowed forms';
}

function plain(issue: z.core.$ZodIssue): string {
  const received = 'input' in issue && issue.input !== undefined ? `, got ${JSON.stringify(issue.input)}` : '';
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? `is required (${issue.expected})` : `must be ${issue.expected}${received}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}${received}`;
    case 'too_small':
      return `${issue.message}${received}`;
    case 'too_big':
      return `${issue.message}${received}`;
    default:
      return `${issue.message}${received}`;
  }
}
