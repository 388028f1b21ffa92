import { checkCaseMixAndTargets } from './case-mix-references.js';
import { checkFollowingAttributes } from './attribute-references.js';
import { hasOwnKey } from './own-key.js';
import { arrivalKindOf, carriedAttributes } from './arrivals/index.js';
import type { ScenarioIssue } from './schema/errors.js';
import type { PathwayStep, Scenario } from './schema/scenario.js';
import type { DurationInput } from './schema/distribution.js';
import { checkResources, declareResources, resourceNouns, type ResourceKindModule } from './kinds/index.js';
import { checkNonNegativeSupport, quoteList, verbOf, type CheckContext } from './verbs/index.js';

/**
 * The checks a schema of independent fields cannot make: that names refer to
 * things that exist, that times are in order, that a pathway cannot loop
 * forever without time passing. Returns every problem, in document order.
 */
export function checkReferences(s: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const problem = (path: string, message: string): void => {
    issues.push({ path, message });
  };

  if (s.warmupDays >= s.horizonDays) problem('warmupDays', `must be shorter than horizonDays (${s.horizonDays}), got ${s.warmupDays}`);

  const kindOf = declareResources(s, problem);
  const resourceList = (): string => quoteList([...kindOf.keys()]);

  const items = new Set<string>();
  s.items.forEach((it, i) => {
    if (items.has(it.id)) problem(`items[${i}].id`, `"${it.id}" is already used by another item`);
    items.add(it.id);
    checkNonNegativeSupport(it.leadTimeDays, `items[${i}].leadTimeDays`, problem);
  });

  checkResources(s, problem);

  // Attribute values each class declares, to check byAttribute and branchOn cases.
  const attributeValues = new Map<string, Set<string>>();
  const classIds = new Set<string>();
  s.patientClasses.forEach((c, i) => {
    if (classIds.has(c.id)) problem(`patientClasses[${i}].id`, `"${c.id}" is already used by another patient class`);
    classIds.add(c.id);
    if (!hasOwnKey(s.pathways, c.pathway)) {
      problem(`patientClasses[${i}].pathway`, `refers to a pathway "${c.pathway}" that is not defined (pathways: ${quoteList(Object.keys(s.pathways))})`);
    }
    for (const [name, mix] of Object.entries(c.attributes)) {
      const values = attributeValues.get(name) ?? new Set<string>();
      mix.values.forEach((v) => values.add(String(v)));
      attributeValues.set(name, values);
    }
    for (const [name, v] of carriedAttributes(c.arrivals)) {
      const values = attributeValues.get(name) ?? new Set<string>();
      values.add(String(v));
      attributeValues.set(name, values);
    }
    const pathway = hasOwnKey(s.pathways, c.pathway) ? s.pathways[c.pathway]! : [];
    arrivalKindOf(c.arrivals).check?.(c.arrivals, `patientClasses[${i}].arrivals`, { cls: c, pathway, kindOf, problem });
  });

  const pathwayNames = new Set(Object.keys(s.pathways));
  const emergencyRooms = new Set(s.operatingRooms.filter((r) => r.emergencyOnly).map((r) => r.id));
  for (const [name, steps] of Object.entries(s.pathways)) {
    const classPriorities = s.patientClasses.filter((c) => c.pathway === name).map((c) => c.priority);
    checkPathway(name, steps, { kindOf, items, attributeValues, resourceList, problem, emergencyRooms, classPriorities, pathwayNames, network: s.network });
  }
  checkCaseMixAndTargets(s, attributeValues, problem);
  checkFollowingAttributes(s, problem);
  return issues;
}

interface PathwayContext {
  kindOf: Map<string, ResourceKindModule>;
  items: Set<string>;
  attributeValues: Map<string, Set<string>>;
  resourceList: () => string;
  problem: (path: string, message: string) => void;
  emergencyRooms: Set<string>;
  /** Priorities of the classes that follow this pathway. */
  classPriorities: number[];
  pathwayNames: ReadonlySet<string>;
  network: Scenario['network'];
}

/** Each step checked by its own verb (verbs/), then the pathway as a whole for loops in which no time passes. */
function checkPathway(name: string, steps: PathwayStep[], ctx: PathwayContext): void {
  const base = `pathways.${name}`;
  const labels = new Map<string, number>();
  steps.forEach((st, k) => {
    if (st.id === undefined) return;
    if (labels.has(st.id)) ctx.problem(`${base}[${k}].id`, `"${st.id}" is already used by step ${labels.get(st.id)} of this pathway`);
    else labels.set(st.id, k);
  });
  const labelList = quoteList([...labels.keys()]);
  const checks: CheckContext = {
    pathway: name,
    kindOf: ctx.kindOf,
    items: ctx.items,
    emergencyRooms: ctx.emergencyRooms,
    classPriorities: ctx.classPriorities,
    pathwayNames: ctx.pathwayNames,
    network: ctx.network,
    problem: ctx.problem,
    checkTarget(label, path) {
      if (!labels.has(label)) {
        ctx.problem(path, `refers to a step "${label}" that is not in pathway ${name}${labels.size ? ` (step ids: ${labelList})` : ' (it has no step ids)'}`);
      }
    },
    checkResource(id, path) {
      if (!ctx.kindOf.has(id)) ctx.problem(path, `refers to "${id}", which is not ${resourceNouns()} (known: ${ctx.resourceList()})`);
    },
    checkAttribute(attribute, cases, path) {
      const values = ctx.attributeValues.get(attribute);
      if (!values) {
        ctx.problem(path, `refers to an attribute "${attribute}" that no patient class has (known: ${quoteList([...ctx.attributeValues.keys()])})`);
        return;
      }
      for (const c of cases) {
        if (!values.has(c))
          ctx.problem(
            `${path.replace(/\.(byAttribute|branchOn)$/, '')}.cases.${c}`,
            `"${c}" is not a value of ${attribute} (values: ${quoteList([...values])})`,
          );
      }
    },
    checkDuration(d: DurationInput, path: string) {
      if ('byAttribute' in d) {
        checks.checkAttribute(d.byAttribute, Object.keys(d.cases), `${path}.byAttribute`);
        for (const [v, dist] of Object.entries(d.cases)) checkNonNegativeSupport(dist, `${path}.cases.${v}`, ctx.problem);
        if (d.otherwise) checkNonNegativeSupport(d.otherwise, `${path}.otherwise`, ctx.problem);
        else {
          const values = ctx.attributeValues.get(d.byAttribute);
          const missing = values ? [...values].filter((v) => !hasOwnKey(d.cases, v)) : [];
          if (missing.length > 0) ctx.problem(`${path}.otherwise`, `is required: no case for ${d.byAttribute} ${quoteList(missing)}`);
        }
      } else checkNonNegativeSupport(d, path, ctx.problem);
    },
    checkSteps(nested, at) {
      nested.forEach((st, k) => {
        checks.steps = nested;
        checks.index = k;
        verbOf(st).check(st as never, `${at}[${k}]`, checks);
      });
    },
    steps,
    index: 0,
  };
  checks.checkSteps(steps, base);

  const loop = zeroTimeLoop(steps, labels);
  if (loop !== null) {
    ctx.problem(
      `${base}[${loop}]`,
      'starts a loop in which no time passes (every way round it lacks a hold or stay with a positive duration), so a patient would never leave',
    );
  }
}

/**
 * The first step of a cycle that can repeat without time passing, or null:
 * a depth-first search for a back edge through steps where no time need
 * pass, with a stack of its own (recursing, a pathway of some thousands of
 * such steps overflowed the call stack).
 */
export function zeroTimeLoop(steps: readonly PathwayStep[], labels: ReadonlyMap<string, number>): number | null {
  const at = (label: string): number => labels.get(label) ?? -1;
  const next = (k: number): number[] => {
    const st = steps[k]!;
    const verb = verbOf(st);
    return verb.next ? verb.next(st as never, k, at) : [k + 1];
  };
  const state = new Uint8Array(steps.length); // 0 unseen, 1 on the path, 2 done
  const stack: { k: number; next: number[]; i: number }[] = [];
  for (let start = 0; start < steps.length; start++) {
    if (state[start] !== 0) continue;
    state[start] = 1;
    stack.push({ k: start, next: next(start), i: 0 });
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.i >= top.next.length) {
        state[top.k] = 2;
        stack.pop();
        continue;
      }
      const j = top.next[top.i++]!;
      if (j < 0 || j >= steps.length) continue;
      if (state[j] === 1) return j;
      if (state[j] === 0) {
        state[j] = 1;
        stack.push({ k: j, next: next(j), i: 0 });
      }
    }
  }
  return null;
}
