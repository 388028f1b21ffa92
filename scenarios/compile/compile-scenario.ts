/**
 * From a validated scenario document to the runnable model the kernel
 * interprets: names become indices, clock times become minutes of the week,
 * shifts and sessions become rosters, "stay" becomes seize-hold-release.
 * The document is only read as data.
 */
import { ownValue } from '../own-key.js';
import { maxOf } from '../limits.js';
import type {
  ArrivalModel,
  ArrivalSurge,
  AttributeModel,
  ClassModel,
  DistributionSpec,
  DurationModel,
  HospitalModel,
  ItemModel,
  PathwayModel,
  ResourceModel,
  StepModel,
} from '../../sim-core/index.js';
import { makeDistribution } from '../../sim-core/index.js';
import { dayIndices, minutesOfDay } from '../schema/common.js';
import type { DistributionInput, DurationInput } from '../schema/distribution.js';
import type { PathwayStep, Scenario } from '../schema/scenario.js';
import { scaleDistribution } from './scale-distribution.js';
import { WEEK_MINUTES, weeklyRoster, weeklySlots } from './weekly-profile.js';

export function compileScenario(scenario: Scenario): HospitalModel {
  const resources = compileResources(scenario);
  const resourceIndex = new Map(resources.map((r, i) => [r.name, i]));
  const attributes = collectAttributes(scenario);
  const attributeIndex = new Map(attributes.map((a, i) => [a.name, i]));
  const valueIndex = (attribute: number, value: string | number): number =>
    attributes[attribute]!.values.findIndex((v) => String(v) === String(value));
  const itemIndex = new Map(scenario.items.map((it, i) => [it.id, i]));
  const pathwayNames = Object.keys(scenario.pathways);

  const items: ItemModel[] = scenario.items.map((it) => ({
    name: it.id,
    unitCost: it.unitCost,
    initialStock: it.initialStock,
    policy: it.policy.type === 'periodic' ? { type: 'periodic', every: it.policy.everyDays * 1440, upTo: it.policy.upTo } : it.policy,
    leadTime: toSpec(scaleDistribution(it.leadTimeDays, 1440)),
    onStockOut: it.onStockOut,
  }));

  const pathways: PathwayModel[] = pathwayNames.map((name) =>
    compilePathway(name, scenario.pathways[name]!, { resources, resourceIndex, attributeIndex, valueIndex, itemIndex, attributes }),
  );

  const classes: ClassModel[] = scenario.patientClasses.map((c) => ({
    name: c.id,
    department: c.department,
    emergencyDepartment: c.emergencyDepartment,
    priority: c.priority,
    arrivals: compileArrivals(c.arrivals, attributeIndex, valueIndex, attributes.length, { start: scenario.start, minutes: (scenario.warmupDays + scenario.horizonDays) * 1440 }),
    attributes: Object.entries(c.attributes).map(([name, mix]) => {
      const a = attributeIndex.get(name)!;
      const weights = attributes[a]!.values.map(() => 0);
      mix.values.forEach((v, k) => (weights[valueIndex(a, v)]! += mix.weights[k]!));
      return { attribute: a, weights };
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
  };
}

/** Minute of the week (Monday 00:00 = 0) of a "YYYY-MM-DDTHH:MM" start. */
export function startMinuteOfWeek(start: string): number {
  const [date, time] = start.split('T') as [string, string];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  return weekday * 1440 + minutesOfDay(time);
}

function compileResources(s: Scenario): ResourceModel[] {
  const out: ResourceModel[] = [];
  for (const w of s.wards) {
    out.push({
      name: w.id,
      kind: 'ward',
      department: w.department ?? w.id,
      capacity: w.beds,
      ...(w.queueCapacity !== undefined ? { queueCapacity: w.queueCapacity } : {}),
      costPerBusyHour: w.costPerBedDay / 24,
      costPerIdleHour: w.costPerBedDay / 24,
      overtimePremiumPerHour: 0,
      fixedCostPerDay: 0,
    });
  }
  for (const g of s.staff) {
    out.push({
      name: g.id,
      kind: 'staff',
      department: g.department,
      capacity: 0,
      roster: weeklyRoster(g.shifts),
      costPerBusyHour: g.hourlyCost,
      costPerIdleHour: g.hourlyCost,
      overtimePremiumPerHour: g.hourlyCost * g.overtimePremium,
      fixedCostPerDay: 0,
    });
  }
  for (const r of s.operatingRooms) {
    out.push({
      name: r.id,
      kind: 'room',
      department: 'theatres',
      capacity: 0,
      roster: weeklyRoster(r.sessions.map((x) => ({ ...x, count: 1 }))),
      turnover: toSpec(r.turnover),
      overrun: r.overrun,
      emergencyOnly: r.emergencyOnly,
      costPerBusyHour: r.costPerHour,
      costPerIdleHour: 0,
      overtimePremiumPerHour: 0,
      fixedCostPerDay: r.fixedCostPerDay,
    });
  }
  for (const d of s.imaging) {
    out.push({
      name: d.id,
      kind: 'device',
      department: 'imaging',
      capacity: 0,
      roster: weeklyRoster(d.openingHours.map((h) => ({ ...h, count: d.units }))),
      ...(d.breakdowns ? { breakdowns: { timeBetweenFailures: toSpec(d.breakdowns.timeBetweenFailures), timeToRepair: toSpec(d.breakdowns.timeToRepair) } } : {}),
      costPerBusyHour: d.costPerHour,
      costPerIdleHour: 0,
      overtimePremiumPerHour: 0,
      fixedCostPerDay: d.fixedCostPerDay,
    });
  }
  for (const p of s.resources) {
    out.push({
      name: p.id,
      kind: 'pool',
      department: p.department,
      capacity: p.units,
      ...(p.queueCapacity !== undefined ? { queueCapacity: p.queueCapacity } : {}),
      costPerBusyHour: p.costPerHour,
      costPerIdleHour: 0,
      overtimePremiumPerHour: 0,
      fixedCostPerDay: 0,
    });
  }
  return out;
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
    if (c.arrivals.type === 'list') {
      for (const e of c.arrivals.entries) for (const [name, v] of Object.entries(e.attributes ?? {})) note(name, v);
    }
  }
  return [...byName].map(([name, values]) => ({ name, values }));
}

function compileArrivals(
  a: Scenario['patientClasses'][number]['arrivals'],
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
      ...(a.surges && a.surges.length > 0 ? { surges: a.surges.flatMap((s) => surgeEveryYear(s, run)) } : {}),
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
  return { type: 'appointments', slots: weeklySlots(a.days, a.start, a.end, a.slotMinutes), perSlot: a.perSlot, noShow: a.noShow };
}

interface PathwayContext {
  resources: ResourceModel[];
  resourceIndex: Map<string, number>;
  attributeIndex: Map<string, number>;
  valueIndex: (attribute: number, value: string | number) => number;
  itemIndex: Map<string, number>;
  attributes: AttributeModel[];
}

function compilePathway(name: string, steps: PathwayStep[], ctx: PathwayContext): PathwayModel {
  // "stay" expands to three steps; labels point at the first step of their expansion.
  const labels = new Map<string, number>();
  let n = 0;
  for (const s of steps) {
    if (s.id !== undefined) labels.set(s.id, n);
    n += 'stay' in s ? 3 : 1;
  }
  const target = (label: string): number => labels.get(label)!;
  const out: StepModel[] = [];
  steps.forEach((s, k) => {
    if ('seize' in s) {
      const idx = s.seize.map((r) => ctx.resourceIndex.get(r)!);
      const expected = expectedNextHold(steps, k, ctx);
      out.push({
        op: 'seize',
        figure: s.id ?? `${name}.${s.seize.join('+')}`,
        resources: idx,
        oneOf: s.oneOf,
        priority:
          s.priority === undefined
            ? null
            : typeof s.priority === 'number'
              ? s.priority
              : compilePriority(s.priority, ctx),
        maxWait: s.maxWait ?? Infinity,
        onTimeout: s.onTimeout,
        boarding: s.boarding,
        expectedMinutes: expected.minutes,
        ...(expected.byValue ? { expectedMinutesByValue: expected.byValue } : {}),
      });
    } else if ('hold' in s) {
      out.push({ op: 'hold', activity: s.activity, duration: compileDuration(s.hold, ctx) });
    } else if ('release' in s) {
      out.push({ op: 'release', resources: s.release === 'all' ? 'all' : s.release.map((r) => ctx.resourceIndex.get(r)!) });
    } else if ('consume' in s) {
      out.push({ op: 'consume', item: ctx.itemIndex.get(s.consume)!, quantity: s.quantity });
    } else if ('branch' in s) {
      out.push({ op: 'branch', probabilities: s.branch.map((b) => b.p), targets: s.branch.map((b) => target(b.goto)) });
    } else if ('branchOn' in s) {
      const a = ctx.attributeIndex.get(s.branchOn)!;
      const targetByValue = ctx.attributes[a]!.values.map(() => -1);
      for (const [v, label] of Object.entries(s.cases)) {
        const vi = ctx.valueIndex(a, v);
        if (vi >= 0) targetByValue[vi] = target(label);
      }
      out.push({ op: 'branchOn', attribute: a, targetByValue, otherwise: s.otherwise !== undefined ? target(s.otherwise) : out.length + 1 });
    } else if ('goto' in s) {
      out.push({ op: 'goto', target: target(s.goto) });
    } else if ('stay' in s) {
      const ward = ctx.resourceIndex.get(s.stay)!;
      out.push(
        {
          op: 'seize',
          figure: s.id ?? `${name}.${s.stay}`,
          resources: [ward],
          oneOf: false,
          priority: null,
          maxWait: Infinity,
          onTimeout: 'cancelled',
          boarding: s.boarding,
          expectedMinutes: 0,
        },
        { op: 'hold', activity: `stay:${s.stay}`, duration: compileDuration(s.lengthOfStay, ctx) },
        { op: 'release', resources: [ward] },
      );
    } else {
      out.push({ op: 'leave' });
    }
  });
  return { name, steps: out };
}

function compilePriority(p: { byAttribute: string; cases: Record<string, number>; otherwise: number }, ctx: PathwayContext): StepModel & { op: 'seize' } extends { priority: infer P } ? Exclude<P, number | null> : never {
  const a = ctx.attributeIndex.get(p.byAttribute)!;
  const byValue = ctx.attributes[a]!.values.map((v) => ownValue(p.cases, String(v)) ?? p.otherwise);
  return { attribute: a, byValue, otherwise: p.otherwise };
}

function compileDuration(d: DurationInput, ctx: PathwayContext): DurationModel {
  if ('type' in d) return { kind: 'fixed', distribution: toSpec(d) };
  const a = ctx.attributeIndex.get(d.byAttribute)!;
  const byValue = ctx.attributes[a]!.values.map((v) => {
    const c = ownValue(d.cases, String(v));
    return c ? toSpec(c) : null;
  });
  return { kind: 'byAttribute', attribute: a, byValue, otherwise: d.otherwise ? toSpec(d.otherwise) : null };
}

/**
 * Expected minutes of the first hold after step k. When it depends on an
 * attribute, the mean for each value (the patient's own procedure) and, for
 * a patient without a case, the longest mean.
 */
function expectedNextHold(steps: PathwayStep[], k: number, ctx: PathwayContext): { minutes: number; byValue?: { attribute: number; minutes: number[] } } {
  for (let j = k + 1; j < steps.length; j++) {
    const s = steps[j]!;
    if ('hold' in s) {
      const d = compileDuration(s.hold, ctx);
      if (d.kind === 'fixed') return { minutes: makeDistribution(d.distribution).mean };
      const mean = (x: DistributionSpec | null): number => (x === null ? -1 : makeDistribution(x).mean);
      const otherwise = mean(d.otherwise);
      const longest = maxOf(d.byValue.map(mean), otherwise);
      return { minutes: longest, byValue: { attribute: d.attribute, minutes: d.byValue.map((x) => (x === null ? otherwise : mean(x))) } };
    }
  }
  return { minutes: 0 };
}

/** A schema distribution as the kernel's spec (drops absent optional fields). */
export function toSpec(d: DistributionInput): DistributionSpec {
  return JSON.parse(JSON.stringify(d)) as DistributionSpec;
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
