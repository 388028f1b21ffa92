/** Solves the schedule program with HiGHS (WebAssembly) and reads the grid back from its columns. */
import { createRequire } from 'node:module';
import { WEEKDAYS, type Schedule, type ScheduleProblem } from './schedule.js';
import { buildScheduleLp, NO_BACKGROUND, NO_SCALE, type Background, type TermScale } from './schedule-mip.js';
import type { ListCoefficients } from './schedule-samples.js';

interface HighsSolution {
  Status: string;
  ObjectiveValue: number;
  Columns: Record<string, { Primal: number }>;
}
type Highs = { solve(problem: string, options?: Record<string, unknown>): HighsSolution };

let loading: Promise<Highs> | undefined;
/** HiGHS, loaded once per process (its WebAssembly module takes a moment to compile). */
function highs(): Promise<Highs> {
  const require = createRequire(import.meta.url);
  loading ??= (require('highs') as () => Promise<Highs>)();
  return loading;
}

export interface Proposal {
  schedule: Schedule;
  /** The program's objective for it (the sample-average estimate, with the constant). */
  objective: number;
  /** What the program predicts for it, term by term (unscaled). */
  predicted: { overtimeHours: number; cancellations: number; peakWardBeds: number; peakIcuBeds: number };
}

/** The best schedule not among `cuts`, or null when none is left (or none is feasible). */
export async function solveSchedule(
  problem: ScheduleProblem,
  coefficients: ReadonlyMap<string, ListCoefficients>,
  cuts: readonly Schedule[] = [],
  scale: TermScale = NO_SCALE,
  background: Background = NO_BACKGROUND,
): Promise<Proposal | null> {
  const lp = buildScheduleLp(problem, coefficients, cuts, scale, background);
  const solved = (await highs()).solve(lp.text, { mip_rel_gap: 0, output_flag: false });
  if (solved.Status !== 'Optimal') return null;
  const schedule: Schedule = problem.theatres.map(() => WEEKDAYS.map(() => null));
  for (const [name, [k, t, d]] of lp.columns) if ((solved.Columns[name]?.Primal ?? 0) > 0.5) schedule[t]![d] = problem.lists[k]!.id;
  return { schedule, objective: solved.ObjectiveValue + lp.constant, predicted: predict(problem, coefficients, schedule, background) };
}

/** The program's estimate of each term for a schedule (also for one it did not propose, such as A or B). */
export function predict(
  problem: ScheduleProblem,
  coefficients: ReadonlyMap<string, ListCoefficients>,
  schedule: Schedule,
  background: Background = NO_BACKGROUND,
): Proposal['predicted'] {
  let overtimeHours = 0;
  let cancellations = 0;
  const { ward, icu } = listBeds(coefficients, schedule);
  for (let w = 0; w < 7; w++) ((ward[w]! += background.ward[w]!), (icu[w]! += background.icu[w]!));
  const run = new Map<string, number>();
  schedule.forEach((row) =>
    row.forEach((id) => {
      if (id === null) return;
      const c = coefficients.get(id)!;
      overtimeHours += c.overtimeHours;
      cancellations += c.cancellations;
      run.set(id, (run.get(id) ?? 0) + 1);
    }),
  );
  for (const list of problem.lists) cancellations += Math.max(0, list.max - (run.get(list.id) ?? 0)) * list.cases.reduce((s, [, n]) => s + n, 0);
  return { overtimeHours, cancellations, peakWardBeds: Math.max(...ward), peakIcuBeds: Math.max(...icu) };
}

/** The lists' own expected beds at 08:00 by weekday (0 = Monday), ward and ICU. */
export function listBeds(coefficients: ReadonlyMap<string, ListCoefficients>, schedule: Schedule): { ward: number[]; icu: number[] } {
  const ward = new Array<number>(7).fill(0);
  const icu = new Array<number>(7).fill(0);
  schedule.forEach((row) =>
    row.forEach((id, d) => {
      if (id === null) return;
      const c = coefficients.get(id)!;
      for (let w = 0; w < 7; w++) ((ward[w]! += c.ward[d]![w]!), (icu[w]! += c.icu[d]![w]!));
    }),
  );
  return { ward, icu };
}

/** The weighted objective of predicted (or simulated) terms. */
export function weighted(problem: ScheduleProblem, terms: Proposal['predicted']): number {
  const w = problem.weights;
  return (
    w.overtimeHours * terms.overtimeHours + w.cancellations * terms.cancellations + w.peakWardBeds * terms.peakWardBeds + w.peakIcuBeds * terms.peakIcuBeds
  );
}
