/**
 * The user's own scenario as the week to schedule (`theatreSchedule.scenario`):
 * their hospital (its beds, staff, emergencies, costs) with the named hospital's
 * kinds of list. It is read and checked before anything runs: a scenario
 * that is not valid is refused with its own problems by path, and one that
 * lacks what the schedule writes into (the theatres, the lists' classes, the
 * ward and critical-care unit whose beds are counted) is refused naming each.
 * Its own theatre week, when it reads as lists of the problem, is the
 * "current" schedule the chosen one is shown against.
 */
import { BUILTIN_SCENARIOS, builtinScenario, caseListOf, parseScenario, ScenarioError, type ScenarioInput, type ScenarioIssue } from '../../scenarios/index.js';
import { byFileLine, readDatedArrivalFiles, type DatedArrivalFiles } from '../dated-arrival-files.js';
import { OptimiseSpecError } from '../optimise/optimise-spec.js';
import { loadBaseDocument, SweepSpecError } from '../sweep/index.js';
import { WEEKDAYS, type Schedule, type ScheduleProblem } from './schedule.js';
import type { ScheduleBinding } from './schedule-scenario.js';

const FIELD = 'theatreSchedule.scenario';

/** The scenario document named by `theatreSchedule.scenario` (a file or a built-in), checked; OptimiseSpecError listing every problem. */
export async function loadUserScenario(scenario: string, problem: ScheduleProblem, binding: ScheduleBinding, source: string): Promise<ScenarioInput> {
  const isFile = builtinScenario(scenario) === undefined;
  if (isFile && !/\.(json|ya?ml)$/i.test(scenario)) {
    const names = BUILTIN_SCENARIOS.map((s) => s.name).join(', ');
    throw new OptimiseSpecError(source, [
      { path: FIELD, message: `is neither a built-in scenario (${names}) nor a .json, .yaml or .yml file, got "${scenario}"` },
    ]);
  }
  let document: unknown;
  try {
    document = await loadBaseDocument(scenario, source);
  } catch (e) {
    if (e instanceof SweepSpecError)
      throw new OptimiseSpecError(
        source,
        e.issues.map((i) => ({ path: FIELD, message: i.message.replace(/^base: /, '') })),
      );
    throw e;
  }
  const asSpecError = (issues: readonly ScenarioIssue[]) =>
    new OptimiseSpecError(
      source,
      issues.map((i) => ({ path: `${FIELD} (${scenario}) ${i.path || '(document)'}`, message: i.message })),
    );
  let files: DatedArrivalFiles = new Map();
  try {
    // A class's dated arrivals come from the CSV file it names, beside the scenario file (as `run` reads them).
    if (isFile) files = await readDatedArrivalFiles(document, scenario);
    parseScenario(document, scenario);
  } catch (e) {
    if (e instanceof ScenarioError) throw asSpecError(byFileLine(e.issues, files));
    throw e;
  }
  const base = document as ScenarioInput;
  const problems = missingParts(base, problem, binding).map((message) => ({ path: `${FIELD} (${scenario})`, message }));
  if (problems.length > 0) throw new OptimiseSpecError(source, problems);
  return base;
}

/** What the schedule writes into or reads from, and the scenario lacks. */
function missingParts(base: ScenarioInput, problem: ScheduleProblem, binding: ScheduleBinding): string[] {
  const out: string[] = [];
  const rooms = new Set((base.operatingRooms ?? []).map((r) => r.id));
  for (const t of problem.theatres) if (!rooms.has(t)) out.push(`has no operating room "${t}" (a theatre of the week to schedule)`);
  const classes = new Set(base.patientClasses.map((c) => c.id));
  for (const [list, klass] of Object.entries(binding.classOf))
    if (!classes.has(klass)) out.push(`has no patient class "${klass}" (the class of the ${list} lists' patients)`);
  const wards = new Set((base.wards ?? []).map((w) => w.id));
  for (const [what, id] of [
    ['ward', binding.ward],
    ['critical-care unit', binding.icu],
  ] as const)
    if (id !== undefined && !wards.has(id)) out.push(`has no ward "${id}" (the ${what} whose beds at 08:00 the schedule is judged by)`);
  return out;
}

type Days = NonNullable<ScenarioInput['operatingRooms']>[number]['sessions'][number]['days'];
const weekdaysOf = (days: Days): readonly string[] => (days === 'all' || days === 'weekdays' ? WEEKDAYS : days === 'weekend' ? [] : days);

/**
 * The scenario's own week as a schedule of the problem: the cases its list
 * arrivals bring to each theatre on each weekday (by their `theatre`
 * attribute) matched to the list kind with those cases. Undefined when some
 * theatre-day's cases are no list of the problem (the week cannot be shown as
 * one of its schedules).
 */
export function readSchedule(base: ScenarioInput, problem: ScheduleProblem, binding: ScheduleBinding): Schedule | undefined {
  const cases = problem.theatres.map(() => WEEKDAYS.map(() => new Map<string, number>()));
  const classOfDay = problem.theatres.map(() => WEEKDAYS.map(() => new Set<string>()));
  const classes = new Set(Object.values(binding.classOf));
  for (const c of base.patientClasses) {
    const entries = classes.has(c.id) ? caseListOf(c.arrivals) : null;
    if (entries === null) continue;
    for (const e of entries) {
      const t = problem.theatres.indexOf(String(e.attributes?.['theatre']));
      const procedure = e.attributes?.['procedure'];
      if (t < 0 || procedure === undefined) return undefined;
      for (const day of weekdaysOf(e.days)) {
        const d = WEEKDAYS.indexOf(day as (typeof WEEKDAYS)[number]);
        if (d < 0) return undefined;
        const m = cases[t]![d]!;
        m.set(String(procedure), (m.get(String(procedure)) ?? 0) + e.count);
        classOfDay[t]![d]!.add(c.id);
      }
    }
  }
  const same = (a: ReadonlyMap<string, number>, b: readonly (readonly [string, number])[]): boolean => {
    const want = new Map<string, number>();
    for (const [p, n] of b) want.set(p, (want.get(p) ?? 0) + n);
    return want.size === a.size && [...want].every(([p, n]) => a.get(p) === n);
  };
  const schedule: Schedule = [];
  for (let t = 0; t < problem.theatres.length; t++) {
    const row: (string | null)[] = [];
    for (let d = 0; d < WEEKDAYS.length; d++) {
      const here = cases[t]![d]!;
      if (here.size === 0) {
        row.push(null);
        continue;
      }
      const [klass, ...more] = [...classOfDay[t]![d]!];
      const list = problem.lists.find((l) => binding.classOf[l.id] === klass && same(here, l.cases));
      if (more.length > 0 || list === undefined) return undefined;
      row.push(list.id);
    }
    schedule.push(row);
  }
  return schedule;
}
