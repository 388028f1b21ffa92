/**
 * From a validated scenario document to the runnable model the kernel
 * interprets: names become indices, clock times become minutes of the week,
 * shifts and sessions become rosters, "stay" becomes seize-hold-release.
 * The document is only read as data.
 */
import type { AttributeModel, ClassModel, HospitalModel, ItemModel, PathwayModel, StepModel } from '../../sim-core/index.js';
import { minutesOfDay } from '../schema/common.js';
import type { PathwayStep, Scenario } from '../schema/scenario.js';
import { compileCaseMix } from './case-mix.js';
import { scaleDistribution } from '../distributions/index.js';
import { toSpec, verbOf, type CompileContext } from '../verbs/index.js';
import { compileResources } from '../kinds/index.js';
import { arrivalKindOf, carriedAttributes } from '../arrivals/index.js';
import { withSiteDepartments } from '../network/site-departments.js';
export { toSpec } from '../verbs/index.js';

export function compileScenario(scenario: Scenario): HospitalModel {
  const resources = withSiteDepartments(compileResources(scenario), scenario.network);
  const resourceIndex = new Map(resources.map((r, i) => [r.name, i]));
  const attributes = collectAttributes(scenario);
  const attributeIndex = new Map(attributes.map((a, i) => [a.name, i]));
  const valueIndex = (attribute: number, value: string | number): number => attributes[attribute]!.values.findIndex((v) => String(v) === String(value));
  const itemIndex = new Map(scenario.items.map((it, i) => [it.id, i]));
  const pathwayNames = Object.keys(scenario.pathways);
  const pathwayIndex = new Map(pathwayNames.map((n, i) => [n, i]));

  const items: ItemModel[] = scenario.items.map((it) => ({
    name: it.id,
    unitCost: it.unitCost,
    initialStock: it.initialStock,
    policy: it.policy.type === 'periodic' ? { type: 'periodic', every: it.policy.everyDays * 1440, upTo: it.policy.upTo } : it.policy,
    leadTime: toSpec(scaleDistribution(it.leadTimeDays, 1440)),
    onStockOut: it.onStockOut,
  }));

  const pathways: PathwayModel[] = pathwayNames.map((name) =>
    compilePathway(name, scenario.pathways[name]!, {
      resources,
      resourceIndex,
      attributeIndex,
      valueIndex,
      itemIndex,
      attributes,
      pathwayIndex,
      network: scenario.network,
    }),
  );

  const classes: ClassModel[] = scenario.patientClasses.map((c) => ({
    name: c.id,
    department: c.department,
    emergencyDepartment: c.emergencyDepartment,
    priority: c.priority,
    arrivals: arrivalKindOf(c.arrivals).compile(c.arrivals, {
      resourceIndex,
      attributeIndex,
      valueIndex,
      attributeCount: attributes.length,
      run: { start: scenario.start, minutes: (scenario.warmupDays + scenario.horizonDays) * 1440 },
    }),
    attributes: Object.entries(c.attributes).map(([name, mix]) => {
      const a = attributeIndex.get(name)!;
      const weights = attributes[a]!.values.map(() => 0);
      mix.values.forEach((v, k) => (weights[valueIndex(a, v)]! += mix.weights[k]!));
      if (mix.byAttribute === undefined || mix.cases === undefined) return { attribute: a, weights };
      const followed = attributeIndex.get(mix.byAttribute)!;
      const cases = mix.cases;
      const valueOf = attributes[followed]!.values.map((v) => (Object.hasOwn(cases, String(v)) ? valueIndex(a, cases[String(v)]!) : -1));
      return { attribute: a, weights, follows: { attribute: followed, valueOf } };
    }),
    pathway: pathwayNames.indexOf(c.pathway),
  }));

  return {
    startMinuteOfWeek: startMinuteOfWeek(scenario.start),
    warmup: scenario.warmupDays * 1440,
    horizon: scenario.horizonDays * 1440,
    resources,
    items,
    attributes,
    classes,
    pathways,
    penalties: scenario.costs.penalties,
    ...(scenario.caseMix ? { caseMix: compileCaseMix(scenario.caseMix, attributes) } : {}),
    ...(scenario.costs.patientTimePerHour !== undefined ? { patientTimePerHour: scenario.costs.patientTimePerHour } : {}),
    ...(scenario.waitTargets ? { waitTargets: { ...scenario.waitTargets } } : {}),
    ...(scenario.network && scenario.network.sites.length > 1 ? { sites: scenario.network.sites.map((s) => ({ id: s.id, prefix: s.prefix })) } : {}),
  };
}

/** Minute of the week (Monday 00:00 = 0) of a "YYYY-MM-DDTHH:MM" start. */
export function startMinuteOfWeek(start: string): number {
  const [date, time] = start.split('T') as [string, string];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  return weekday * 1440 + minutesOfDay(time);
}

/** Every attribute named by any class, with the union of its values in order of first mention. */
function collectAttributes(s: Scenario): AttributeModel[] {
  const byName = new Map<string, (string | number)[]>();
  const note = (name: string, value: string | number): void => {
    const values = byName.get(name) ?? [];
    if (!values.some((v) => String(v) === String(value))) values.push(value);
    byName.set(name, values);
  };
  for (const c of s.patientClasses) {
    for (const [name, mix] of Object.entries(c.attributes)) for (const v of mix.values) note(name, v);
    for (const [name, v] of carriedAttributes(c.arrivals)) note(name, v);
  }
  return [...byName].map(([name, values]) => ({ name, values }));
}

type PathwayContext = Omit<CompileContext, 'pathway' | 'target' | 'steps' | 'index' | 'at' | 'compileSteps'>;

/** Each step compiled by its own verb (verbs/); labels point at the first kernel step of their step. */
function compilePathway(name: string, steps: PathwayStep[], ctx: PathwayContext): PathwayModel {
  const labels = new Map<string, number>();
  let n = 0;
  for (const s of steps) {
    if (s.id !== undefined) labels.set(s.id, n);
    const verb = verbOf(s);
    n += verb.size ? verb.size(s as never) : 1;
  }
  const compileSteps = (list: readonly unknown[], first: number): StepModel[] => {
    const out: StepModel[] = [];
    list.forEach((s, index) => {
      const here: CompileContext = { ...ctx, pathway: name, target: (label) => labels.get(label)!, steps: list, index, at: first + out.length, compileSteps };
      out.push(...verbOf(s).compile(s as never, here));
    });
    return out;
  };
  return { name, steps: compileSteps(steps, 0) };
}
