import type { z } from 'zod';
import { ScenarioSchema, type Scenario } from './schema/scenario.js';
import { ScenarioError, formatPath, type ScenarioIssue } from './schema/errors.js';
import { checkReferences } from './references.js';
import { STEP_VERBS } from './verbs/index.js';
import { INPUT_LIMITS, maxOf, shortValue, tooDeep, tooLong } from './limits.js';
import { readDataText } from './read-data.js';
import { didYouMean, knownFieldsAt } from './nearest-name.js';
import { isNetworkDocument, mergedNetworkDocument } from './network/parse-network.js';

/**
 * A scenario document (already parsed from JSON or YAML) validated in full:
 * shape and types by the schema, then the cross-references between its parts.
 * Throws ScenarioError listing every problem; nothing is evaluated.
 */
export function parseScenario(given: unknown, source = 'scenario'): Scenario {
  const deep = tooDeep(given);
  if (deep)
    throw new ScenarioError(source, [
      { path: formatPath(deep.slice(0, 8)), message: `is nested more than ${INPUT_LIMITS.nestingDepth} deep: no scenario needs that` },
    ]);
  // A network (sites) is checked for what it adds, then merged into one hospital scenario and checked as one.
  const document = isNetworkDocument(given) ? mergedNetworkDocument(given, source, zodIssues) : given;
  const tooMany = countsPastLimits(document);
  if (tooMany.length > 0) throw new ScenarioError(source, tooMany);
  // jitless: zod would otherwise compile every object schema into a function
  // (`new Function`) on its first parse, which for one document costs more than
  // the parse (a sixth of the viewer's page load); the checks are the same.
  const result = checkedShape(document, source);
  if (!result.success) throw new ScenarioError(source, shortened(zodIssues(result.error.issues, [], ScenarioSchema)));
  const problems = checkReferences(result.data);
  if (problems.length > 0) throw new ScenarioError(source, shortened(problems));
  return result.data;
}

/**
 * The schema's verdict. Zod gathers a list's problems by spreading them into its
 * parent's, which overflows the stack past about a hundred thousand wrong items
 * in one list: that is refused naming the long list, not as a stack trace.
 */
function checkedShape(document: unknown, source: string): ReturnType<typeof ScenarioSchema.safeParse> {
  try {
    return ScenarioSchema.safeParse(document, { reportInput: true, jitless: true });
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    const long = tooLong(document, WRONG_ITEMS_LISTED);
    throw new ScenarioError(source, [
      {
        path: long ? formatPath(long.path) : '',
        message: `has more wrong values than can be listed${long ? ` (in a list of ${long.items.toLocaleString('en')} items)` : ''}: check the values' type`,
      },
    ]);
  }
}

/** Items past which a list with wrong values in it may be too long to report item by item. */
const WRONG_ITEMS_LISTED = 50_000;

/**
 * The counts past their limits, checked on the document as given before any
 * part of it is validated: a list of millions of items, or hundreds of thousands
 * of classes or steps, would otherwise take minutes and gigabytes to check and
 * compile before being refused or run.
 */
function countsPastLimits(document: unknown): ScenarioIssue[] {
  const long = tooLong(document);
  if (long)
    return [
      {
        path: formatPath(long.path),
        message: `has ${long.items.toLocaleString('en')} items, more than the ${INPUT_LIMITS.listItems.toLocaleString('en')} a list may hold`,
      },
    ];
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return [];
  const { patientClasses, pathways } = document as { patientClasses?: unknown; pathways?: unknown };
  const problems: ScenarioIssue[] = [];
  const most = (n: number): string => n.toLocaleString('en');
  if (Array.isArray(patientClasses) && patientClasses.length > INPUT_LIMITS.patientClasses)
    problems.push({
      path: 'patientClasses',
      message: `has ${most(patientClasses.length)} classes, more than the ${most(INPUT_LIMITS.patientClasses)} a scenario may have`,
    });
  if (pathways !== null && typeof pathways === 'object' && !Array.isArray(pathways)) {
    const names = Object.keys(pathways);
    if (names.length > INPUT_LIMITS.patientClasses)
      problems.push({
        path: 'pathways',
        message: `has ${most(names.length)} pathways, more than the ${most(INPUT_LIMITS.patientClasses)} a scenario may have`,
      });
    else
      for (const name of names) {
        const steps = (pathways as Record<string, unknown>)[name];
        if (Array.isArray(steps) && steps.length > INPUT_LIMITS.pathwaySteps)
          problems.push({
            path: formatPath(['pathways', name]),
            message: `has ${most(steps.length)} steps, more than the ${most(INPUT_LIMITS.pathwaySteps)} a pathway may have`,
          });
      }
  }
  return shortened(problems);
}

/** Problems with every long quoted name in them cut to an excerpt: a 10 MB id is not echoed whole. */
function shortened(issues: ScenarioIssue[]): ScenarioIssue[] {
  const max = INPUT_LIMITS.echoCharacters;
  const cut = (text: string): string => text.replace(new RegExp(`"([^"]{${max}})[^"]{8,}"`, 'g'), (_all, head: string) => `"${head}..."`);
  return issues.map((i) => ({ path: cut(i.path), message: cut(i.message) }));
}

/** A scenario from the text of a JSON or YAML file (YAML is a superset of JSON). */
export function parseScenarioText(text: string, source = 'scenario', format: 'json' | 'yaml' = 'yaml'): Scenario {
  const read = readDataText(text, format);
  if ('problem' in read) throw new ScenarioError(source, [{ path: '', message: read.problem }]);
  return parseScenario(read.document, source);
}

/** Zod's issues by path, in words; with `root` (the schema parsed), an unknown field gets the nearest known one ("did you mean"). */
export function zodIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = [], root?: z.ZodType): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      const known = root ? knownFieldsAt(root, issue.path) : undefined;
      for (const key of issue.keys) out.push({ path: formatPath([...path, key]), message: `is not a known field${known ? didYouMean(key, known) : ''}` });
    } else if (issue.code === 'invalid_union') {
      out.push(...unionIssues(issue, path));
    } else {
      out.push({ path: formatPath(path), message: plain(issue) });
    }
  }
  return out;
}

/** A value that matched none of a union's forms: explain by the form it was closest to. */
function unionIssues(issue: z.core.$ZodIssueInvalidUnion, path: PropertyKey[]): ScenarioIssue[] {
  const input: unknown = issue.input;
  if (input === undefined) return [{ path: formatPath(path), message: 'is required' }];
  const isStep = path.length === 3 && path[0] === 'pathways' && typeof path[2] === 'number';
  if (issue.errors.length === 0) {
    // A discriminated union whose discriminator matched no option.
    const options = (issue as unknown as { options?: unknown[] }).options;
    const key = (issue as unknown as { discriminator?: string }).discriminator ?? 'type';
    const allowed = options && options.length ? options.map((o) => shortValue(o)).join(', ') : '';
    if (input === null || typeof input !== 'object' || Array.isArray(input)) {
      return [{ path: formatPath(path), message: `must be an object with a "${key}" field (${allowed}), got ${shortValue(input)}` }];
    }
    const got = (input as Record<string, unknown>)[key];
    const at = path[path.length - 1] !== key ? [...path, key] : path;
    if (got === undefined) return [{ path: formatPath(at), message: `is required: one of ${allowed}` }];
    return [{ path: formatPath(at), message: `must be one of ${allowed}, got ${shortValue(got)}` }];
  }
  if (isStep && input && typeof input === 'object' && !Array.isArray(input)) {
    const verbs = Object.keys(input).filter((k) => STEP_VERBS.includes(k));
    if (verbs.length !== 1) {
      const found = verbs.length === 0 ? 'it has none' : `it has ${verbs.join(' and ')}`;
      return [{ path: formatPath(path), message: `must have exactly one of ${STEP_VERBS.join(', ')} (${found})` }];
    }
    const verb = verbs[0]!;
    // The branch for this verb is the one that does not complain that the verb is missing or unknown.
    const branch = issue.errors.find(
      (errs) =>
        !errs.some(
          (e) => (e.path[0] === verb && e.code === 'invalid_type' && e.input === undefined) || (e.code === 'unrecognized_keys' && e.keys.includes(verb)),
        ),
    );
    if (branch) return zodIssues(branch, path);
  }
  // Otherwise the form with the fewest complaints, preferring the one that got deepest.
  const ranked = [...issue.errors].sort((a, b) => a.length - b.length || deepest(b) - deepest(a));
  const best = ranked[0]!;
  if (best.every((e) => e.path.length === 0 && e.code === 'invalid_type')) {
    const expected = [...new Set(issue.errors.flatMap((errs) => errs.map((e) => (e.code === 'invalid_type' ? e.expected : 'another form'))))];
    return [{ path: formatPath(path), message: `must be ${expected.join(' or ')}, got ${shortValue(input)}` }];
  }
  return zodIssues(best, path);
}

function deepest(issues: readonly z.core.$ZodIssue[]): number {
  return maxOf(
    issues.map((i) => i.path.length),
    0,
  );
}

function plain(issue: z.core.$ZodIssue): string {
  const received = 'input' in issue && issue.input !== undefined ? `, got ${shortValue(issue.input)}` : '';
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? `is required (${issue.expected})` : `must be ${issue.expected}${received}`;
    case 'invalid_format':
      return `${issue.message}${received}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => shortValue(v)).join(', ')}${received}`;
    case 'too_small':
      return `${issue.message}${received}`;
    case 'too_big':
      return `${issue.message}${received}`;
    default:
      return `${issue.message}${received}`;
  }
}
