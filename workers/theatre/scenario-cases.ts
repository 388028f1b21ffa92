/**
 * The cases of each kind of list as the user's own scenario has them: for a
 * case of a list (its class, its procedure, a theatre it may run in), its path
 * through the class's compiled pathway is drawn ahead of any run, asking each
 * step's verb (the kernel's verb table) what time it takes, what the patient
 * holds after it and which way it goes. Time spent holding a theatre of the
 * week is the operation; after it, each timed step is a stay in the
 * critical-care unit, in the ward (by what the patient holds then, the unit
 * first) or elsewhere (a day-case recovery: not counted). So the program's
 * sampled durations and stays are the scenario's own, branch chances and all.
 *
 * What a path drawn ahead cannot know is left out: time spent waiting (for a
 * bed, a room, stock), a split's branches (the path ends there), and
 * attributes a case's entry does not carry (a branch on one takes its
 * `otherwise` way, as a patient with no value does).
 */
import { compileScenario, parseScenario, type ScenarioInput } from '../../scenarios/index.js';
import { createStream, makeDistribution, stepVerb, type Distribution, type DistributionSpec, type HospitalModel } from '../../sim-core/index.js';
import { allowed, WEEKDAYS, type ScheduleProblem } from './schedule.js';
import type { CaseDraw, CaseModel, CaseModels } from './schedule-samples.js';
import type { ScheduleBinding } from './schedule-scenario.js';

/** Steps a drawn path may take at most (a pathway that loops by chance ends somewhere). */
const MAX_STEPS = 10_000;

type ListArrivals = Extract<ScenarioInput['patientClasses'][number]['arrivals'], { type: 'list' }>;

export interface ScenarioCases {
  /** Each list kind's cases, by procedure. */
  cases: CaseModels;
  /** The mean of the theatres' turnovers, minutes (0 where a room has none). */
  turnoverMinutes: number;
  /** `cancel` when every theatre of the week cancels a case that would overrun its session. */
  overrun: ScheduleProblem['overrun'];
}

/** Each list kind's cases (by procedure) drawn from `base`'s own pathways, durations and stays, and its theatres' turnover and overrun rule. */
export function scenarioCases(base: ScenarioInput, problem: ScheduleProblem, binding: ScheduleBinding): ScenarioCases {
  const model = compileScenario(parseScenario(withEveryCase(base, problem, binding), base.name));
  const rooms = problem.theatres.map((t) => model.resources.find((r) => r.name === t)!);
  return {
    cases: caseModels(model, problem, binding),
    turnoverMinutes: rooms.reduce((sum, r) => sum + (r.turnover ? makeDistribution(r.turnover).mean : 0), 0) / rooms.length,
    overrun: rooms.every((r) => r.overrun === 'cancel') ? 'cancel' : 'startAnyway',
  };
}

function caseModels(model: HospitalModel, problem: ScheduleProblem, binding: ScheduleBinding): CaseModels {
  const index = (name: string) => model.resources.findIndex((r) => r.name === name);
  const theatres = new Set(problem.theatres.map(index));
  const ward = index(binding.ward);
  const icu = binding.icu === undefined ? -1 : index(binding.icu);
  const where = (held: readonly number[]): 'theatre' | 'ward' | 'icu' | null =>
    held.some((r) => theatres.has(r)) ? 'theatre' : icu >= 0 && held.includes(icu) ? 'icu' : held.includes(ward) ? 'ward' : null;
  const out = new Map<string, Map<string, CaseModel>>();
  for (const list of problem.lists) {
    const klass = model.classes.find((c) => c.name === binding.classOf[list.id]);
    if (!klass) throw new Error(`the scenario has no patient class "${binding.classOf[list.id]}"`);
    const steps = model.pathways[klass.pathway]!.steps;
    const byProcedure = new Map<string, CaseModel>();
    for (const [procedure] of list.cases) {
      const values = attributeValues(model, entryAttributes(problem, binding, list.id, procedure));
      byProcedure.set(
        procedure,
        drawPath(steps, (a) => values.get(a) ?? -1, where),
      );
    }
    out.set(list.id, byProcedure);
  }
  return out;
}

/** The attributes a case's entry carries, as applySchedule writes them (in the first theatre the list may use). */
function entryAttributes(problem: ScheduleProblem, binding: ScheduleBinding, list: string, procedure: string): Record<string, string | number> {
  const t = problem.theatres.findIndex((_, i) => WEEKDAYS.some((_d, d) => allowed(problem, list, i, d)));
  return { procedure, theatre: problem.theatres[Math.max(0, t)]!, ...binding.entryAttributes?.(procedure) };
}

function attributeValues(model: HospitalModel, attributes: Record<string, string | number>): Map<number, number> {
  const out = new Map<number, number>();
  model.attributes.forEach((a, i) => {
    const given = attributes[a.name];
    if (given !== undefined)
      out.set(
        i,
        a.values.findIndex((v) => String(v) === String(given)),
      );
  });
  return out;
}

/** `base` with every case of every list among its classes' list arrivals, so that each procedure and theatre is a value the model knows. */
function withEveryCase(base: ScenarioInput, problem: ScheduleProblem, binding: ScheduleBinding): ScenarioInput {
  const d = structuredClone(base);
  for (const list of problem.lists) {
    const c = d.patientClasses.find((x) => x.id === binding.classOf[list.id]);
    if (!c) continue;
    const entries: ListArrivals['entries'] = list.cases.map(([procedure]) => ({
      days: ['mon'],
      time: binding.admission,
      count: 1,
      attributes: entryAttributes(problem, binding, list.id, procedure),
    }));
    c.arrivals = c.arrivals.type === 'list' ? { ...c.arrivals, entries: [...c.arrivals.entries, ...entries] } : { type: 'list', entries };
  }
  return d;
}

/** A case's path through `steps`, drawn: each verb says the time taken, what is held after, and the way on. */
function drawPath(
  steps: HospitalModel['pathways'][number]['steps'],
  attributeValue: (attribute: number) => number,
  where: (held: readonly number[]) => 'theatre' | 'ward' | 'icu' | null,
): CaseModel {
  const distributions = new Map<DistributionSpec, Distribution>();
  const distribution = (spec: DistributionSpec): Distribution => {
    let d = distributions.get(spec);
    if (d === undefined) distributions.set(spec, (d = makeDistribution(spec)));
    return d;
  };
  return (rng) => {
    const draw: CaseDraw & { stays: CaseDraw['stays'][number][] } = { minutes: 0, expectedMinutes: 0, stays: [] };
    let operated = false;
    let held: readonly number[] = [];
    let i = 0;
    for (let n = 0; n < MAX_STEPS && i >= 0 && i < steps.length; n++) {
      const s = steps[i]!;
      const verb = stepVerb(s);
      const spec = verb.duration?.(s, attributeValue) ?? null;
      if (spec !== null) {
        const d = distribution(spec);
        const minutes = d.sample(rng);
        const place = where(held);
        if (place === 'theatre') {
          operated = true;
          draw.minutes += minutes;
          draw.expectedMinutes += d.mean;
        } else if (operated) draw.stays.push({ where: place, minutes });
      }
      held = verb.heldAfter?.(s, held) ?? held;
      i = verb.drawNext ? verb.drawNext(s, i, rng.next()) : (verb.next(s, i, attributeValue)[0] ?? -1);
    }
    return draw;
  };
}

/** What the program was given, for people: by list and procedure, the mean operation minutes and days in the ward and critical care. */
export type CaseTimes = Record<string, Record<string, { operationMinutes: number; wardDays: number; criticalCareDays: number }>>;

/** The means of `draws` draws of each case (their own stream, so the program's draws are not moved). */
export function caseTimes(cases: CaseModels, seed: number | string, draws = 1000): CaseTimes {
  const out: CaseTimes = {};
  for (const [list, byProcedure] of cases) {
    out[list] = {};
    for (const [procedure, draw] of byProcedure) {
      const rng = createStream(seed, `theatre-case-times:${list}/${procedure}`);
      let minutes = 0;
      let ward = 0;
      let icu = 0;
      for (let n = 0; n < draws; n++) {
        const d = draw(rng);
        minutes += d.minutes;
        for (const s of d.stays) if (s.where === 'ward') ward += s.minutes;
        for (const s of d.stays) if (s.where === 'icu') icu += s.minutes;
      }
      out[list][procedure] = { operationMinutes: minutes / draws, wardDays: ward / draws / 1440, criticalCareDays: icu / draws / 1440 };
    }
  }
  return out;
}
