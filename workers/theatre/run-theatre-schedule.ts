/**
 * The theatre schedule optimisation end to end: the hospital's week as a
 * program, proposals chosen by simulation (propose-and-select.ts), then the
 * chosen schedule against the built-in schedules A and B on the same
 * replications (common random numbers), and the chosen written as a scenario
 * file that `run` accepts (never over the input).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { outputProblems, writeFileAtomic } from '../../io/index.js';
import { builtinScenario, parseScenario, type ScenarioInput } from '../../scenarios/index.js';
import { studentTQuantile } from '../../sim-core/index.js';
import type { OptimiseRunner } from '../optimise/evaluations.js';
import { OptimiseSpecError } from '../optimise/optimise-spec.js';
import { BUILTIN_SCHEDULES, GENERAL_HOSPITAL_BINDING, generalHospitalProblem } from './general-hospital-problem.js';
import { proposeAndSelect, type RoundReport } from './propose-and-select.js';
import { mergeWeights, scheduleKey, type Schedule, type ScheduleProblem } from './schedule.js';
import { measuredWeeks, SHOWN, withScheduleFigures } from './schedule-figures.js';
import { applySchedule, type ScheduleBinding } from './schedule-scenario.js';
import { SMALL_BINDING, SMALL_PROBLEM, smallBase } from './small-instance.js';
import { caseTimes, scenarioCases, type CaseTimes } from './scenario-cases.js';
import type { CaseModels } from './schedule-samples.js';
import { loadUserScenario, readSchedule } from './user-scenario.js';
import type { TheatreSpec } from './theatre-spec.js';

export { SHOWN };

export const THEATRE_FILES = { scenario: 'theatre-schedule-scenario.yaml', json: 'theatre-schedule.json' } as const;

export interface Interval {
  mean: number;
  half: number;
}
export interface ShownSchedule {
  name: string;
  schedule: Schedule;
  figures: Record<string, Interval>;
  /** Paired difference from schedule A (this minus A), replication by replication. */
  vsA?: Record<string, Interval>;
}

export interface TheatreReport {
  name: string;
  problem: ScheduleProblem;
  chosen: ShownSchedule;
  builtins: ShownSchedule[];
  rounds: RoundReport[];
  /** Schedules the program proposed (the built-ins, simulated beside them, not counted). */
  candidates: number;
  /** The scenario scheduled, when the user named one (else the hospital's own). */
  scenario?: string;
  /** Which of `builtins` is the scenario's own week (what runs today), when it reads as a schedule. */
  current?: string;
  /** The cases' times the program sampled, when read from the user's scenario (means, by list and procedure). */
  caseTimes?: CaseTimes;
  /** The chosen is one of the built-ins (none proposed was better). */
  chosenBuiltin?: string;
  replications: number;
  confidence: number;
  selectionFinished: boolean;
  files: { scenario: string; json: string };
}

export interface RunTheatreOptions {
  runner: OptimiseRunner;
  outDir: string;
  /** The spec file, never written over. */
  source?: string;
}

interface Setup {
  problem: ScheduleProblem;
  binding: ScheduleBinding;
  base: ScenarioInput;
  /** The cases of each list as the user's scenario has them; absent: the hospital's own procedures. */
  cases?: CaseModels;
  /** Schedules in use, simulated beside the proposals: A and B, and the scenario's own week when it is neither. */
  builtins: [string, Schedule][];
  /** Which of the built-ins is the scenario's own week, if it reads as one. */
  current?: string;
}

async function setup(spec: TheatreSpec, source: string): Promise<Setup> {
  const s = spec.theatreSchedule;
  const options = { weights: s.weights, forbidden: s.forbidden, bounds: s.bounds };
  const small = s.hospital === 'small-instance';
  const problem = small
    ? { ...SMALL_PROBLEM, weights: mergeWeights(SMALL_PROBLEM.weights, s.weights), forbidden: [...SMALL_PROBLEM.forbidden, ...s.forbidden] }
    : generalHospitalProblem(options);
  const binding = small ? SMALL_BINDING : GENERAL_HOSPITAL_BINDING;
  checkNames(spec, problem, source);
  const builtins: [string, Schedule][] = small ? [] : Object.entries(BUILTIN_SCHEDULES);
  if (small && s.scenario === undefined) return { problem, binding, base: smallBase(s.horizonDays ? Math.max(1, Math.round(s.horizonDays / 7)) : 4), builtins };
  const withHorizon = (document: ScenarioInput): ScenarioInput => {
    const d = structuredClone(document);
    // Days measured after the scenario's own warm-up, as a scenario's `horizonDays` are (and, as there, longer than it).
    if (s.horizonDays === undefined) return d;
    if (s.horizonDays <= (d.warmupDays ?? 0))
      throw new OptimiseSpecError(source, [
        { path: 'theatreSchedule.horizonDays', message: `must be longer than the scenario's warm-up (${d.warmupDays} days), got ${s.horizonDays}` },
      ]);
    d.horizonDays = s.horizonDays;
    return d;
  };
  if (s.scenario === undefined) return withCurrent({ problem, binding, base: withHorizon(builtinScenario('general-hospital')!.document), builtins });
  // The user's scenario: the program's operation times, stays, turnover and overrun rule are its own.
  const base = withHorizon(await loadUserScenario(s.scenario, problem, binding, source));
  const { cases, turnoverMinutes, overrun } = scenarioCases(base, problem, binding);
  return withCurrent({ problem: { ...problem, turnoverMinutes, overrun }, binding, base, builtins, cases });
}

/** The scenario's own week, when it reads as a schedule: which built-in it is, or a `current` beside them. */
function withCurrent(setup: Setup): Setup {
  const { problem, binding, base, builtins } = setup;
  const own = readSchedule(base, problem, binding);
  if (own === undefined) return setup;
  const same = builtins.find(([, b]) => scheduleKey(b) === scheduleKey(own));
  if (same) return { ...setup, current: same[0] };
  return { ...setup, builtins: [['current', own], ...builtins], current: 'current' };
}

function checkNames(spec: TheatreSpec, problem: ScheduleProblem, source: string): void {
  const lists = new Set(problem.lists.map((l) => l.id));
  const problems: { path: string; message: string }[] = [];
  const known = [...lists].join(', ');
  spec.theatreSchedule.forbidden.forEach((f, i) => {
    if (!lists.has(f.list))
      problems.push({ path: `theatreSchedule.forbidden[${i}].list`, message: `is not a list of ${spec.theatreSchedule.hospital} (lists: ${known})` });
    if (f.theatre !== undefined && !problem.theatres.includes(f.theatre))
      problems.push({ path: `theatreSchedule.forbidden[${i}].theatre`, message: `is not a theatre (theatres: ${problem.theatres.join(', ')})` });
  });
  for (const id of Object.keys(spec.theatreSchedule.bounds))
    if (!lists.has(id)) problems.push({ path: `theatreSchedule.bounds.${id}`, message: `is not a list of ${spec.theatreSchedule.hospital} (lists: ${known})` });
  if (problems.length > 0) throw new OptimiseSpecError(source, problems);
}

/** Adds the mean utilisation of the schedule's theatres. */
function withUtilisation(problem: ScheduleProblem, f: Record<string, number>): Record<string, number> {
  const u = problem.theatres.map((t) => f[`utilisation.${t}`] ?? NaN);
  return { ...f, 'theatre.utilisation': u.reduce((a, v) => a + v, 0) / u.length };
}

function interval(values: readonly number[], confidence: number): Interval {
  const n = values.length;
  const mean = values.reduce((a, v) => a + v, 0) / n;
  if (n < 2) return { mean, half: NaN };
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1);
  return { mean, half: studentTQuantile(1 - (1 - confidence) / 2, n - 1) * Math.sqrt(variance / n) };
}

function shown(
  name: string,
  schedule: Schedule,
  rows: readonly Record<string, number>[],
  confidence: number,
  a?: readonly Record<string, number>[],
): ShownSchedule {
  const figures: Record<string, Interval> = {};
  const vsA: Record<string, Interval> = {};
  for (const { id } of SHOWN) {
    // A figure the runs do not have (emergencies where no theatre bumps) is left out.
    if (rows.some((r) => r[id] === undefined)) continue;
    figures[id] = interval(
      rows.map((r) => r[id]!),
      confidence,
    );
    if (a)
      vsA[id] = interval(
        rows.map((r, j) => r[id]! - a[j]![id]!),
        confidence,
      );
  }
  return { name, schedule, figures, ...(a ? { vsA } : {}) };
}

export async function runTheatreSchedule(spec: TheatreSpec, options: RunTheatreOptions): Promise<TheatreReport> {
  const source = options.source ?? spec.name;
  const { problem, binding, base, builtins, current, cases } = await setup(spec, source);
  const files = { scenario: join(options.outDir, THEATRE_FILES.scenario), json: join(options.outDir, THEATRE_FILES.json) };
  const own = spec.theatreSchedule.scenario;
  const inputs = [
    ...(options.source ? [{ path: options.source, what: 'the optimisation' }] : []),
    ...(own !== undefined && builtinScenario(own) === undefined ? [{ path: own, what: 'the scenario scheduled' }] : []),
  ];
  const clash = await outputProblems(inputs, [], [{ path: options.outDir, what: 'the output folder', files: [THEATRE_FILES.scenario, THEATRE_FILES.json] }]);
  if (clash.length > 0) throw new Error(clash.join('\n'));

  const outcome = await proposeAndSelect(problem, binding, base, {
    seed: spec.seed,
    samples: spec.samples,
    perRound: spec.perRound,
    rounds: spec.rounds,
    firstStage: spec.replications.firstStage,
    budget: spec.replications.budget,
    confidence: spec.confidence,
    runner: options.runner,
    incumbents: builtins.map(([name, schedule]) => ({ name, schedule })),
    ...(cases ? { cases } : {}),
  });
  const chosen = outcome.chosen;
  if (!chosen) throw new Error('no schedule could be proposed: the lists asked for do not fit the open theatre-days (see the bounds and forbidden pairs)');
  const rows = outcome.rows.get(chosen.key)!.map((r) => withUtilisation(problem, r));
  const n = rows.length;
  const weeks = measuredWeeks(base);
  // The built-ins on the chosen's replications 1..n: common random numbers, so differences are paired.
  const builtinRows = new Map<string, Record<string, number>[]>();
  for (const [name, schedule] of builtins) {
    const known = outcome.rows.get(scheduleKey(schedule));
    const out =
      known && known.length >= n
        ? known.slice(0, n)
        : await runRows(options.runner, applySchedule(base, problem, binding, schedule), spec.seed, n, problem, binding, weeks);
    builtinRows.set(
      name,
      out.map((r) => withUtilisation(problem, r)),
    );
  }
  const a = builtinRows.get('A');
  const report: TheatreReport = {
    name: spec.name,
    problem,
    chosen: shown('chosen', chosen.schedule, rows, spec.confidence, a),
    builtins: builtins.map(([name, schedule]) => shown(name, schedule, builtinRows.get(name)!, spec.confidence, name === 'A' ? undefined : a)),
    rounds: outcome.rounds,
    candidates: outcome.candidates.filter((c) => c.round > 0).length,
    ...(spec.theatreSchedule.scenario !== undefined ? { scenario: spec.theatreSchedule.scenario } : {}),
    ...(current !== undefined ? { current } : {}),
    ...(cases ? { caseTimes: caseTimes(cases, spec.seed) } : {}),
    ...(chosen.round === 0 ? { chosenBuiltin: builtins.find(([, s]) => scheduleKey(s) === chosen.key)?.[0] ?? '?' } : {}),
    replications: n,
    confidence: spec.confidence,
    selectionFinished: outcome.selection.finished,
    files,
  };
  await mkdir(options.outDir, { recursive: true });
  const document = { ...chosen.scenario, name: `${base.name}-${spec.name}`, seed: spec.seed };
  parseScenario(document);
  const header = `# The theatre schedule chosen by hospital-twin optimise ${spec.name}: run it with \`hospital-twin run\`.\n`;
  await writeFileAtomic(files.scenario, header + stringify(document));
  await writeFileAtomic(files.json, `${JSON.stringify(report, null, 2)}\n`);
  return report;
}

async function runRows(
  runner: OptimiseRunner,
  scenario: ScenarioInput,
  seed: number | string,
  n: number,
  problem: ScheduleProblem,
  binding: ScheduleBinding,
  weeks: number,
): Promise<Record<string, number>[]> {
  const out = await runner(
    parseScenario(scenario),
    seed,
    Array.from({ length: n }, (_, i) => i + 1),
  );
  return out.sort((x, y) => x.replication - y.replication).map((r) => withScheduleFigures(problem, binding, r.figures, weeks));
}
