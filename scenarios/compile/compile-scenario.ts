/**
 * From a validated scenario document to the runnable model the kernel
 * interprets: names become indices, clock times become minutes of the week,
 * shifts and sessions become rosters, "stay" becomes seize-hold-release.
 * The document is only read as data.
 */
import type { ArrivalModel, ArrivalSurge, AttributeModel, ClassModel, HospitalModel, ItemModel, PathwayModel, StepModel } from '../../sim-core/index.js';
import { dayIndices, minutesOfDay } from '../schema/common.js';
import { localMinutes } from '../state/state-schema.js';
import type { PathwayStep, Scenario } from '../schema/scenario.js';
import { compileCaseMix } from './case-mix.js';
import { scaleDistribution } from './scale-distribution.js';
import { WEEK_MINUTES, weeklySlots } from './weekly-profile.js';
import { toSpec, verbOf, type CompileContext } from '../verbs/index.js';
import { compileResources } from '../kinds/index.js';
import { withSiteDepartments } from '../network/site-departments.js';
import { CLINIC_ATTRIBUTES, compileClinic } from '../arrivals/clinic.js';
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
    arrivals:
      c.arrivals.type === 'clinic'
        ? compileClinic(c.arrivals, { resourceIndex, attributeIndex, valueIndex })
        : compileArrivals(c.arrivals, attributeIndex, valueIndex, attributes.length, {
            start: scenario.start,
            minutes: (scenario.warmupDays + scenario.horizonDays) * 1440,
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
    if (c.arrivals.type === 'list' || c.arrivals.type === 'dated') {
      for (const e of c.arrivals.entries) for (const [name, v] of Object.entries(e.attributes ?? {})) note(name, v);
    }
    if (c.arrivals.type === 'clinic') for (const [name, values] of Object.entries(CLINIC_ATTRIBUTES)) values.forEach((v) => note(name, v));
  }
  return [...byName].map(([name, values]) => ({ name, values }));
}

function compileArrivals(
  a: Exclude<Scenario['patientClasses'][number]['arrivals'], { type: 'clinic' }>,
  attributeIndex: Map<string, number>,
  valueIndex: (attribute: number, value: string | number) => number,
  attributeCount: number,
  run: { start: string; minutes: number },
): ArrivalModel {
  if (a.type === 'weekly') {
    const hod = a.hourOfDay ?? new Array<number>(24).fill(1);
    const dow = a.dayOfWeek ?? new Array<number>(7).fill(1);
    const hSum = hod.reduce((x, y) => x + y, 0);
    const dSum = dow.reduce((x, y) => x + y, 0);
    const perWeek = a.perDay * 7 * a.multiplier;
    const ratePerMinute: number[] = [];
    for (let d = 0; d < 7; d++) for (let h = 0; h < 24; h++) ratePerMinute.push((perWeek * (dow[d]! / dSum) * (hod[h]! / hSum)) / 60);
    return {
      type: 'weekly',
      ratePerMinute,
      ...(a.surges && a.surges.length > 0 ? { surges: a.surges.flatMap((s) => surgeEveryYear(s, run)), surgeCeiling: surgeCeiling(a.surges) } : {}),
      ...(a.dayToDayCv !== undefined ? { dayToDayCv: a.dayToDayCv } : {}),
    };
  }
  if (a.type === 'list') {
    const entries = a.entries.flatMap((e) =>
      dayIndices(e.days).map((day) => {
        const attrs = new Array<number>(attributeCount).fill(-1);
        for (const [name, v] of Object.entries(e.attributes ?? {})) {
          const i = attributeIndex.get(name)!;
          attrs[i] = valueIndex(i, v);
        }
        return { at: (day * 1440 + minutesOfDay(e.time)) % WEEK_MINUTES, count: e.count, attributes: attrs };
      }),
    );
    return { type: 'list', entries };
  }
  if (a.type === 'dated') {
    // Minutes from the run's start (warm-up included); times before it or after its end never come. Same-time entries keep their order.
    const origin = localMinutes(run.start);
    const entries = a.entries
      .map((e) => {
        const attrs = new Array<number>(attributeCount).fill(-1);
        for (const [name, v] of Object.entries(e.attributes ?? {})) {
          const i = attributeIndex.get(name)!;
          attrs[i] = valueIndex(i, v);
        }
        return { at: localMinutes(e.at) - origin, count: 1, attributes: attrs };
      })
      .filter((e) => e.at >= 0 && e.at <= run.minutes)
      .sort((x, y) => x.at - y.at);
    return { type: 'dated', entries };
  }
  return { type: 'appointments', slots: weeklySlots(a.days, a.start, a.end, a.slotMinutes), perSlot: a.perSlot, noShow: a.noShow };
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

/**
 * The most the surges can raise the rate at any instant, whatever the horizon: 1 + each surge's extra once.
 * A surge's waves are at most 52 weeks (364 days) wide and their peaks a year (365 or 366 days) apart, so
 * two waves of one surge never overlap; waves of different surges may. The sum over the run's waves would
 * grow with the number of years the horizon touches and change every draw of the arrival process.
 */
function surgeCeiling(surges: readonly { extra: number }[]): number {
  return 1 + surges.reduce((sum, s) => sum + s.extra, 0);
}

/**
 * A yearly surge as one wave per year that touches the run (warm-up included), centred at noon of its
 * peak day; a 29 February peak falls on 1 March in other years, as Date does.
 */
function surgeEveryYear(s: { peak: string; weeks: number; extra: number }, run: { start: string; minutes: number }): ArrivalSurge[] {
  const [date, time] = run.start.split('T') as [string, string];
  const [y0, m0, d0] = date.split('-').map(Number) as [number, number, number];
  const startMs = Date.UTC(y0, m0 - 1, d0) + minutesOfDay(time) * 60_000;
  const [m, d] = s.peak.split('-').map(Number) as [number, number];
  const halfWidth = (s.weeks * 7 * 1440) / 2;
  const out: ArrivalSurge[] = [];
  const lastYear = y0 + Math.ceil(run.minutes / (365 * 1440)) + 1;
  for (let y = y0 - 1; y <= lastYear; y++) {
    const center = (Date.UTC(y, m - 1, d, 12) - startMs) / 60_000;
    if (center + halfWidth > 0 && center - halfWidth < run.minutes) out.push({ center, halfWidth, extra: s.extra });
  }
  return out;
}
