/**
 * Schedules proposed by the program, chosen by simulation. Each round the MIP
 * proposes its best few schedules not yet seen (no-good cuts); the simulator
 * runs each with common random numbers (replication i of every schedule shares
 * its random numbers); then what simulation found is fed back: the beds occupied
 * at 08:00 on each weekday beyond the lists' own (emergency patients in the same
 * ward, a bed held from admission, which the program does not model) join the
 * program's peaks as a background, and overtime and cancellations are scaled by
 * the ratio of simulated to predicted over every schedule run so far, so a term
 * the program under-estimates weighs more in the next round. Rounds stop when one brings no schedule better than the best so far,
 * or the budget is spent. The choice among every schedule run is the
 * optimiser's constrained KN selection (select-best.ts), with its guarantee:
 * with the stated confidence, the chosen is within the indifference zone of the
 * best of them.
 */
import type { ScenarioInput } from '../../scenarios/index.js';
import { parseScenario } from '../../scenarios/index.js';
import type { OptimiseRunner } from '../optimise/evaluations.js';
import type { Goal } from '../optimise/measure.js';
import { selectBest, type SelectionOutcome } from '../optimise/select-best.js';
import { scheduleKey, type Schedule, type ScheduleProblem } from './schedule.js';
import { measuredWeeks, SCHEDULE_FIGURES, withScheduleFigures } from './schedule-figures.js';
import { NO_BACKGROUND, NO_SCALE, type Background, type TermScale } from './schedule-mip.js';
import { sampleCoefficients } from './schedule-samples.js';
import { applySchedule, type ScheduleBinding } from './schedule-scenario.js';
import { listBeds, predict, solveSchedule, weighted, type Proposal } from './solve-schedule.js';
import type { CaseModels, ListCoefficients } from './schedule-samples.js';

/** What the program says of a schedule it did not propose (an incumbent). */
function predictedProposal(problem: ScheduleProblem, coefficients: ReadonlyMap<string, ListCoefficients>, schedule: Schedule): Proposal {
  const predicted = predict(problem, coefficients, schedule);
  return { schedule, objective: weighted(problem, predicted), predicted };
}

export interface ProposeOptions {
  seed: number | string;
  /** Draws of each list for the program's sample averages. */
  samples: number;
  /** Schedules proposed per round, and rounds at most. */
  perRound: number;
  rounds: number;
  /** Replications of each schedule before the selection (its first stage), and in all (the budget). */
  firstStage: number;
  budget: number;
  confidence: number;
  /** Indifference zone of the selection, in units of the objective; default 1% of the best. */
  indifference?: number;
  runner: OptimiseRunner;
  /**
   * Schedules in use today (built-ins A and B): simulated first as round 0, kept among the
   * candidates of the selection (so the chosen is never shown worse than them) and cut from
   * the program's proposals.
   */
  incumbents?: readonly { name: string; schedule: Schedule }[];
  /** The cases of each list as the scheduled scenario has them (a user's scenario); absent: the problem's procedures. */
  cases?: CaseModels;
  /** Told after each round: what was proposed and what simulation found. */
  onRound?: (round: RoundReport) => void;
}

export interface Candidate {
  schedule: Schedule;
  key: string;
  round: number;
  proposal: Proposal;
  scenario: ScenarioInput;
}

export interface RoundReport {
  round: number;
  proposed: { key: string; predicted: number; simulated: number }[];
  scale: TermScale;
  /** Beds by weekday the next round adds to the lists' own (what simulation found beyond them). */
  background?: Background;
}

export interface ScheduleOutcome {
  chosen: Candidate | undefined;
  candidates: Candidate[];
  selection: SelectionOutcome;
  rounds: RoundReport[];
  /** Replications of every candidate (with the `theatre.*` figures), by key. */
  rows: Map<string, Record<string, number>[]>;
}

const TERMS = ['overtimeHours', 'cancellations'] as const;
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export async function proposeAndSelect(
  problem: ScheduleProblem,
  binding: ScheduleBinding,
  base: ScenarioInput,
  options: ProposeOptions,
): Promise<ScheduleOutcome> {
  const coefficients = sampleCoefficients(problem, options.samples, options.seed, options.cases);
  const weeks = measuredWeeks(base);
  const candidates: Candidate[] = [];
  const rows = new Map<string, Record<string, number>[]>();
  let used = 0;
  const run = async (c: Candidate, n: number): Promise<void> => {
    const have = rows.get(c.key) ?? [];
    if (have.length >= n) return;
    const reps = Array.from({ length: n - have.length }, (_, i) => have.length + i + 1);
    used += reps.length;
    const out = await options.runner(parseScenario(c.scenario), options.seed, reps);
    for (const r of out.sort((a, b) => a.replication - b.replication)) have.push(withScheduleFigures(problem, binding, r.figures, weeks));
    rows.set(c.key, have);
  };
  const simulatedMean = (c: Candidate, id: string): number => {
    const r = rows.get(c.key)!;
    return r.reduce((s, x) => s + x[id]!, 0) / r.length;
  };

  let scale: TermScale = NO_SCALE;
  let background: Background = NO_BACKGROUND;
  /** Beds found occupied at 08:00 by weekday beyond the lists' own, averaged over every schedule run. */
  const backgroundOf = (): Background => {
    const of = (ward: string | undefined, bed: 'ward' | 'icu'): number[] =>
      DAYS.map((day, w) => {
        if (ward === undefined) return 0;
        const gaps = candidates.map((c) => simulatedMean(c, `census.${ward}.${day}.h08.mean`) - listBeds(coefficients, c.schedule)[bed][w]!);
        return gaps.reduce((a, v) => a + v, 0) / gaps.length;
      });
    return { ward: of(binding.ward, 'ward'), icu: of(binding.icu, 'icu') };
  };
  let best = Infinity;
  const reports: RoundReport[] = [];
  for (const { schedule } of options.incumbents ?? []) {
    const key = scheduleKey(schedule);
    if (candidates.some((c) => c.key === key)) continue;
    const c: Candidate = {
      schedule,
      key,
      round: 0,
      proposal: predictedProposal(problem, coefficients, schedule),
      scenario: applySchedule(base, problem, binding, schedule),
    };
    candidates.push(c);
    await run(c, options.firstStage);
    best = Math.min(best, simulatedMean(c, SCHEDULE_FIGURES.objective));
  }
  // What the incumbents' runs found already shapes the first proposals.
  if (candidates.length > 0) background = backgroundOf();
  for (let round = 1; round <= options.rounds; round++) {
    const fresh: Candidate[] = [];
    for (let i = 0; i < options.perRound; i++) {
      if (used + options.firstStage > options.budget) break;
      const proposal = await solveSchedule(
        problem,
        coefficients,
        candidates.map((c) => c.schedule),
        scale,
        background,
      );
      if (proposal === null) break;
      const c: Candidate = {
        schedule: proposal.schedule,
        key: scheduleKey(proposal.schedule),
        round,
        proposal,
        scenario: applySchedule(base, problem, binding, proposal.schedule),
      };
      candidates.push(c);
      fresh.push(c);
      await run(c, options.firstStage);
    }
    if (fresh.length === 0) break;
    // Feedback: the beds the simulation found beyond the lists' own, by weekday, join the peaks;
    // overtime and cancellations are scaled by simulated over predicted, over every schedule run so far.
    background = backgroundOf();
    const next = { ...NO_SCALE };
    for (const term of TERMS) {
      const predicted = candidates.reduce((s, c) => s + c.proposal.predicted[term], 0);
      const simulated = candidates.reduce((s, c) => s + simulatedMean(c, SCHEDULE_FIGURES[term]), 0);
      next[term] = predicted > 1e-9 ? Math.min(10, Math.max(0.1, simulated / predicted)) : 1;
    }
    scale = next;
    const report: RoundReport = {
      round,
      proposed: fresh.map((c) => ({ key: c.key, predicted: c.proposal.objective, simulated: simulatedMean(c, SCHEDULE_FIGURES.objective) })),
      scale,
    };
    reports.push({ ...report, background });
    options.onRound?.(report);
    const roundBest = Math.min(...fresh.map((c) => simulatedMean(c, SCHEDULE_FIGURES.objective)));
    if (reports.length > 1 && !(roundBest < best)) break;
    best = Math.min(best, roundBest);
  }

  const byIndex = (x: readonly number[]) => candidates[x[0]!]!;
  const goal: Goal = { label: 'schedule objective', measure: SCHEDULE_FIGURES.objective, order: 'min', constraints: [], figures: [SCHEDULE_FIGURES.objective] };
  const selection = await selectBest(
    goal,
    {
      ensure: async (xs, n) => {
        for (const x of xs) if (used + Math.max(0, n - (rows.get(byIndex(x).key)?.length ?? 0)) <= options.budget) await run(byIndex(x), n);
      },
      rows: (x) => rows.get(byIndex(x).key) ?? [],
      remaining: () => Math.max(0, options.budget - used),
    },
    candidates.map((_, i) => [i]),
    {
      confidence: options.confidence,
      firstStage: options.firstStage,
      ...(options.indifference !== undefined ? { indifference: options.indifference } : {}),
      name: (x) => byIndex(x).key,
    },
  );
  return { chosen: selection.chosen ? byIndex(selection.chosen) : undefined, candidates, selection, rounds: reports, rows };
}
