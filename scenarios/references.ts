import { minutesOfDay } from './schema/common.js';
import { hasOwnKey } from './own-key.js';
import { maxOf, minOf } from './limits.js';
import type { ScenarioIssue } from './schema/errors.js';
import type { PathwayStep, Scenario } from './schema/scenario.js';
import type { DistributionInput, DurationInput } from './schema/distribution.js';

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

  // Wards, staff, rooms, devices and pools share one namespace: steps name them alike.
  const kindOf = new Map<string, string>();
  const declare = (list: { id: string }[], field: string, kind: string): void => {
    list.forEach((x, i) => {
      const before = kindOf.get(x.id);
      if (before !== undefined) problem(`${field}[${i}].id`, `"${x.id}" is already used by ${before}`);
      else kindOf.set(x.id, kind);
    });
  };
  declare(s.wards, 'wards', 'a ward');
  declare(s.staff, 'staff', 'a staff group');
  declare(s.operatingRooms, 'operatingRooms', 'an operating room');
  declare(s.imaging, 'imaging', 'an imaging device');
  declare(s.resources, 'resources', 'a resource');
  const resourceList = (): string => quoteList([...kindOf.keys()]);

  const items = new Set<string>();
  s.items.forEach((it, i) => {
    if (items.has(it.id)) problem(`items[${i}].id`, `"${it.id}" is already used by another item`);
    items.add(it.id);
    checkNonNegativeSupport(it.leadTimeDays, `items[${i}].leadTimeDays`, problem);
  });

  s.operatingRooms.forEach((room, r) => {
    room.sessions.forEach((session, k) => {
      const start = minutesOfDay(session.start);
      const end = minutesOfDay(session.end);
      if (end <= start) problem(`operatingRooms[${r}].sessions[${k}].end`, `must be after start (${session.start}), got ${session.end}`);
    });
    checkNonNegativeSupport(room.turnover, `operatingRooms[${r}].turnover`, problem);
  });
  s.imaging.forEach((d, i) => {
    if (d.breakdowns) {
      checkNonNegativeSupport(d.breakdowns.timeBetweenFailures, `imaging[${i}].breakdowns.timeBetweenFailures`, problem);
      checkNonNegativeSupport(d.breakdowns.timeToRepair, `imaging[${i}].breakdowns.timeToRepair`, problem);
      if (meanOf(d.breakdowns.timeBetweenFailures) <= 0) problem(`imaging[${i}].breakdowns.timeBetweenFailures`, 'must have a positive mean');
    }
  });

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
    if (c.arrivals.type === 'list') {
      for (const e of c.arrivals.entries) {
        for (const [name, v] of Object.entries(e.attributes ?? {})) {
          const values = attributeValues.get(name) ?? new Set<string>();
          values.add(String(v));
          attributeValues.set(name, values);
        }
      }
    }
    if (c.arrivals.type === 'appointments') {
      const a = c.arrivals;
      if (minutesOfDay(a.end) <= minutesOfDay(a.start)) problem(`patientClasses[${i}].arrivals.end`, `must be after start (${a.start}), got ${a.end}`);
      else if (a.slotMinutes > minutesOfDay(a.end) - minutesOfDay(a.start)) {
        problem(`patientClasses[${i}].arrivals.slotMinutes`, `must fit between start (${a.start}) and end (${a.end}), got ${a.slotMinutes}`);
      }
    }
    if (c.arrivals.type === 'weekly') {
      const a = c.arrivals;
      if (a.hourOfDay && !a.hourOfDay.some((w) => w > 0)) problem(`patientClasses[${i}].arrivals.hourOfDay`, 'must have at least one positive weight');
      if (a.dayOfWeek && !a.dayOfWeek.some((w) => w > 0)) problem(`patientClasses[${i}].arrivals.dayOfWeek`, 'must have at least one positive weight');
    }
  });

  const emergencyRooms = new Set(s.operatingRooms.filter((r) => r.emergencyOnly).map((r) => r.id));
  for (const [name, steps] of Object.entries(s.pathways)) {
    const classPriorities = s.patientClasses.filter((c) => c.pathway === name).map((c) => c.priority);
    checkPathway(name, steps, { kindOf, items, attributeValues, resourceList, problem, emergencyRooms, classPriorities });
  }
  return issues;
}

interface PathwayContext {
  kindOf: Map<string, string>;
  items: Set<string>;
  attributeValues: Map<string, Set<string>>;
  resourceList: () => string;
  problem: (path: string, message: string) => void;
  emergencyRooms: Set<string>;
  /** Priorities of the classes that follow this pathway. */
  classPriorities: number[];
}

function checkPathway(name: string, steps: PathwayStep[], ctx: PathwayContext): void {
  const base = `pathways.${name}`;
  const labels = new Map<string, number>();
  steps.forEach((st, k) => {
    if (st.id === undefined) return;
    if (labels.has(st.id)) ctx.problem(`${base}[${k}].id`, `"${st.id}" is already used by step ${labels.get(st.id)} of this pathway`);
    else labels.set(st.id, k);
  });
  const labelList = quoteList([...labels.keys()]);
  const checkTarget = (label: string, path: string): void => {
    if (!labels.has(label)) {
      ctx.problem(path, `refers to a step "${label}" that is not in pathway ${name}${labels.size ? ` (step ids: ${labelList})` : ' (it has no step ids)'}`);
    }
  };
  const checkResource = (id: string, path: string): void => {
    if (!ctx.kindOf.has(id)) ctx.problem(path, `refers to "${id}", which is not a ward, staff group, room, device or resource (known: ${ctx.resourceList()})`);
  };
  const checkAttribute = (attribute: string, cases: string[], path: string): void => {
    const values = ctx.attributeValues.get(attribute);
    if (!values) {
      ctx.problem(path, `refers to an attribute "${attribute}" that no patient class has (known: ${quoteList([...ctx.attributeValues.keys()])})`);
      return;
    }
    for (const c of cases) {
      if (!values.has(c)) ctx.problem(`${path.replace(/\.(byAttribute|branchOn)$/, '')}.cases.${c}`, `"${c}" is not a value of ${attribute} (values: ${quoteList([...values])})`);
    }
  };
  const checkDuration = (d: DurationInput, path: string): void => {
    if ('byAttribute' in d) {
      checkAttribute(d.byAttribute, Object.keys(d.cases), `${path}.byAttribute`);
      for (const [v, dist] of Object.entries(d.cases)) checkNonNegativeSupport(dist, `${path}.cases.${v}`, ctx.problem);
      if (d.otherwise) checkNonNegativeSupport(d.otherwise, `${path}.otherwise`, ctx.problem);
      else {
        const values = ctx.attributeValues.get(d.byAttribute);
        const missing = values ? [...values].filter((v) => !hasOwnKey(d.cases, v)) : [];
        if (missing.length > 0) ctx.problem(`${path}.otherwise`, `is required: no case for ${d.byAttribute} ${quoteList(missing)}`);
      }
    } else checkNonNegativeSupport(d, path, ctx.problem);
  };

  steps.forEach((st, k) => {
    const at = `${base}[${k}]`;
    if ('seize' in st) {
      st.seize.forEach((id, j) => checkResource(id, `${at}.seize[${j}]`));
      if (!st.oneOf) {
        const lowest =
          st.priority === undefined
            ? minOf(ctx.classPriorities)
            : typeof st.priority === 'number'
              ? st.priority
              : minOf(Object.values(st.priority.cases), st.priority.otherwise);
        st.seize.forEach((id, j) => {
          if (ctx.emergencyRooms.has(id) && lowest <= 0) {
            ctx.problem(`${at}.seize[${j}]`, `seizes the emergency-only room "${id}" at priority ${lowest}: give the step or its classes a priority above 0, or use oneOf with other rooms`);
          }
        });
      }
      if (st.priority !== undefined && typeof st.priority !== 'number') {
        checkAttribute(st.priority.byAttribute, Object.keys(st.priority.cases), `${at}.priority.byAttribute`);
      }
    } else if ('hold' in st) {
      checkDuration(st.hold, `${at}.hold`);
    } else if ('release' in st) {
      if (st.release !== 'all') st.release.forEach((id, j) => checkResource(id, `${at}.release[${j}]`));
    } else if ('consume' in st) {
      if (!ctx.items.has(st.consume)) ctx.problem(`${at}.consume`, `refers to an item "${st.consume}" that is not in items (known: ${quoteList([...ctx.items])})`);
    } else if ('branch' in st) {
      st.branch.forEach((b, j) => checkTarget(b.goto, `${at}.branch[${j}].goto`));
      const total = st.branch.reduce((sum, b) => sum + b.p, 0);
      if (total > 1 + 1e-9) ctx.problem(`${at}.branch`, `probabilities must sum to at most 1 (the rest go on to the next step), got ${round(total)}`);
    } else if ('branchOn' in st) {
      checkAttribute(st.branchOn, Object.keys(st.cases), `${at}.branchOn`);
      for (const [v, label] of Object.entries(st.cases)) checkTarget(label, `${at}.cases.${v}`);
      if (st.otherwise !== undefined) checkTarget(st.otherwise, `${at}.otherwise`);
    } else if ('goto' in st) {
      checkTarget(st.goto, `${at}.goto`);
    } else if ('stay' in st) {
      const kind = ctx.kindOf.get(st.stay);
      if (kind !== 'a ward') ctx.problem(`${at}.stay`, kind ? `must name a ward, but "${st.stay}" is ${kind}` : `refers to a ward "${st.stay}" that is not in wards`);
      checkDuration(st.lengthOfStay, `${at}.lengthOfStay`);
    }
  });

  const loop = zeroTimeLoop(steps, labels);
  if (loop !== null) {
    ctx.problem(`${base}[${loop}]`, 'starts a loop in which no time passes (every way round it lacks a hold or stay with a positive duration), so a patient would never leave');
  }
}

/** The first step of a cycle that can repeat without time passing, or null. */
function zeroTimeLoop(steps: PathwayStep[], labels: Map<string, number>): number | null {
  const next = (k: number): number[] => {
    const st = steps[k]!;
    const at = (label: string): number => labels.get(label) ?? -1;
    if ('leave' in st) return [];
    if ('goto' in st) return [at(st.goto)];
    if ('branch' in st) return [...st.branch.map((b) => at(b.goto)), k + 1];
    if ('branchOn' in st) return [...Object.values(st.cases).map(at), st.otherwise !== undefined ? at(st.otherwise) : k + 1];
    if ('hold' in st && durationTakesTime(st.hold)) return [];
    if ('stay' in st && durationTakesTime(st.lengthOfStay)) return [];
    return [k + 1];
  };
  // Depth-first search for a back edge through steps where no time need pass.
  const state = new Uint8Array(steps.length); // 0 unseen, 1 on the path, 2 done
  const visit = (k: number): number | null => {
    state[k] = 1;
    for (const j of next(k)) {
      if (j < 0 || j >= steps.length) continue;
      if (state[j] === 1) return j;
      if (state[j] === 0) {
        const found = visit(j);
        if (found !== null) return found;
      }
    }
    state[k] = 2;
    return null;
  };
  for (let k = 0; k < steps.length; k++) {
    if (state[k] === 0) {
      const found = visit(k);
      if (found !== null) return found;
    }
  }
  return null;
}

/** Whether every draw of a hold is positive, in every case. */
function durationTakesTime(d: DurationInput): boolean {
  if ('byAttribute' in d) return Object.values(d.cases).every(positiveMinimum) && (d.otherwise === undefined || positiveMinimum(d.otherwise));
  return positiveMinimum(d);
}

/**
 * Whether every draw is positive, so a loop through it must advance the clock.
 * Exponential, gamma, lognormal and Weibull draws are positive almost surely.
 */
function positiveMinimum(d: DistributionInput): boolean {
  switch (d.type) {
    case 'constant':
      return d.value > 0;
    case 'uniform':
    case 'triangular':
      return d.min > 0;
    case 'truncatedNormal':
      return d.min !== undefined && d.min > 0;
    case 'empirical':
    case 'empiricalContinuous':
      return minOf(d.values) > 0;
    case 'bernoulli':
    case 'poisson':
      return false;
    default:
      return true;
  }
}

/** Durations must not be negative: only truncatedNormal could be, if its bound allows. */
function checkNonNegativeSupport(d: DistributionInput, path: string, problem: (path: string, message: string) => void): void {
  if (d.type === 'truncatedNormal') {
    if (d.min === undefined || d.min < 0) problem(`${path}.min`, `must be set to 0 or more, since a duration cannot be negative${d.min !== undefined ? `, got ${d.min}` : ''}`);
  }
}

function meanOf(d: DistributionInput): number {
  switch (d.type) {
    case 'constant':
      return d.value;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'triangular':
      return (d.min + d.mode + d.max) / 3;
    case 'exponential':
    case 'erlang':
    case 'lognormal':
    case 'poisson':
      return d.mean;
    case 'gamma':
      return d.shape * d.scale;
    case 'weibull':
      return d.scale;
    case 'truncatedNormal':
      return Math.max(d.mean, d.min ?? d.mean);
    case 'empirical':
    case 'empiricalContinuous':
      return maxOf(d.values);
    case 'bernoulli':
      return d.p;
  }
}

function quoteList(xs: readonly string[]): string {
  return xs.length === 0 ? 'none' : xs.map((x) => `"${x}"`).join(', ');
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
