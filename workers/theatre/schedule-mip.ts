/**
 * The master surgical schedule as a mixed-integer program, written in CPLEX LP
 * format for HiGHS. x[k,t,d] = 1 when list kind k runs in theatre t on weekday d.
 *
 *   minimise  Σ x[k,t,d]·(w_ot·OT_k + w_c·C_k − w_c·n_k)  + w_ward·P_ward + w_icu·P_icu  (+ w_c·Σ_k n_k·max_k)
 *   s.t.      Σ_k x[k,t,d] ≤ 1                          one list per open theatre-day
 *             min_k ≤ Σ_{t,d} x[k,t,d] ≤ max_k          lists of each kind a week
 *             Σ x[k,t,d]·B_k[d][w] + G[w] ≤ P           for every weekday w (ward and ICU)
 *             no-good cuts that exclude schedules already proposed
 *
 * OT_k, C_k and B_k are the sample-average coefficients (schedule-samples.ts); n_k
 * is the cases of one list, so a list not run counts its cases as cancelled (the
 * constant in brackets), which is what makes a bounded number of lists worth
 * running. `scale` multiplies each term by what simulation found against what
 * the program predicted, and G is the background of beds the simulation found
 * occupied beyond the lists' own (both the feedback of the loop).
 */
import { allowed, WEEKDAYS, type Schedule, type ScheduleProblem } from './schedule.js';
import type { ListCoefficients } from './schedule-samples.js';

export interface TermScale {
  overtimeHours: number;
  cancellations: number;
  peakWardBeds: number;
  peakIcuBeds: number;
}
export const NO_SCALE: TermScale = { overtimeHours: 1, cancellations: 1, peakWardBeds: 1, peakIcuBeds: 1 };

/**
 * Beds the lists do not fill but the simulation found occupied, by weekday (0 = Monday):
 * emergency and other patients in the same ward, and what the program does not model (a
 * bed held from admission). The peak is of the lists' beds plus these.
 */
export interface Background {
  ward: readonly number[];
  icu: readonly number[];
}
export const NO_BACKGROUND: Background = { ward: new Array<number>(7).fill(0), icu: new Array<number>(7).fill(0) };

export interface ScheduleLp {
  text: string;
  /** Column name -> [list index, theatre, day]. */
  columns: Map<string, [number, number, number]>;
  /** The objective's constant (cases of lists not run at all), not in the LP text. */
  constant: number;
}

const num = (x: number): string => (Number.isInteger(x) ? String(x) : x.toPrecision(12).replace(/\.?0+$/, ''));

function terms(pairs: [number, string][]): string {
  const kept = pairs.filter(([c]) => c !== 0);
  return kept.map(([c, name], i) => `${c < 0 ? '- ' : i === 0 ? '' : '+ '}${num(Math.abs(c))} ${name}`).join(' ');
}

/** Lines of at most ~200 characters: the LP reader takes long rows, but people read them too. */
function wrap(prefix: string, body: string): string {
  const words = body.split(' ');
  const lines: string[] = [];
  let line = prefix;
  for (const w of words) {
    if (line.length + w.length > 200) {
      lines.push(line);
      line = '   ';
    }
    line += ` ${w}`;
  }
  lines.push(line);
  return lines.join('\n');
}

export function buildScheduleLp(
  problem: ScheduleProblem,
  coefficients: ReadonlyMap<string, ListCoefficients>,
  cuts: readonly Schedule[] = [],
  scale: TermScale = NO_SCALE,
  background: Background = NO_BACKGROUND,
): ScheduleLp {
  const w = problem.weights;
  const columns = new Map<string, [number, number, number]>();
  const x: string[][][] = problem.lists.map((list, k) =>
    problem.theatres.map((_, t) =>
      WEEKDAYS.map((_, d) => {
        if (!allowed(problem, list.id, t, d)) return '';
        const name = `x_${k}_${t}_${d}`;
        columns.set(name, [k, t, d]);
        return name;
      }),
    ),
  );
  const cases = problem.lists.map((l) => l.cases.reduce((s, [, n]) => s + n, 0));
  const coef = (k: number) => coefficients.get(problem.lists[k]!.id)!;
  const objective: [number, string][] = [];
  let constant = 0;
  problem.lists.forEach((list, k) => {
    constant += w.cancellations * scale.cancellations * cases[k]! * list.max;
    const perList = w.overtimeHours * scale.overtimeHours * coef(k).overtimeHours + w.cancellations * scale.cancellations * (coef(k).cancellations - cases[k]!);
    for (const row of x[k]!) for (const name of row) if (name) objective.push([perList, name]);
  });
  objective.push([w.peakWardBeds * scale.peakWardBeds, 'peakWard'], [w.peakIcuBeds * scale.peakIcuBeds, 'peakIcu']);

  const rows: string[] = [];
  problem.theatres.forEach((_, t) =>
    WEEKDAYS.forEach((_, d) => {
      const here = problem.lists.map((_, k) => x[k]![t]![d]!).filter(Boolean);
      if (here.length > 1) rows.push(wrap(` slot_${t}_${d}:`, `${terms(here.map((n) => [1, n]))} <= 1`));
    }),
  );
  problem.lists.forEach((list, k) => {
    const all = x[k]!.flat().filter(Boolean);
    if (all.length === 0) {
      if (list.min > 0) throw new Error(`list ${list.id}: no open theatre-day allows it, but at least ${list.min} a week are asked for`);
      return;
    }
    const sum = terms(all.map((n) => [1, n]));
    if (list.min === list.max) rows.push(wrap(` lists_${k}:`, `${sum} = ${list.min}`));
    else rows.push(wrap(` listsMin_${k}:`, `${sum} >= ${list.min}`), wrap(` listsMax_${k}:`, `${sum} <= ${list.max}`));
  });
  for (const [bed, peak] of [
    ['ward', 'peakWard'],
    ['icu', 'peakIcu'],
  ] as const) {
    for (let day = 0; day < 7; day++) {
      const load: [number, string][] = [];
      problem.lists.forEach((_, k) => x[k]!.forEach((row) => row.forEach((name, d) => name && load.push([coef(k)[bed][d]![day]!, name]))));
      load.push([-1, peak]);
      rows.push(wrap(` ${bed}_${day}:`, `${terms(load)} <= ${num(-background[bed][day]!)}`));
    }
  }
  cuts.forEach((s, c) => {
    const on: [number, string][] = [];
    let ones = 0;
    for (const [name, [k, t, d]] of columns) {
      const chosen = s[t]![d] === problem.lists[k]!.id;
      on.push([chosen ? 1 : -1, name]);
      if (chosen) ones++;
    }
    rows.push(wrap(` cut_${c}:`, `${terms(on)} <= ${ones - 1}`));
  });

  const text = [
    'Minimize',
    wrap(' obj:', terms(objective)),
    'Subject To',
    ...rows,
    'Bounds',
    ' peakWard >= 0',
    ' peakIcu >= 0',
    'Binary',
    ...[...columns.keys()].map((n) => ` ${n}`),
    'End',
    '',
  ].join('\n');
  return { text, columns, constant };
}
