/**
 * Sample average approximation of what one list does, wherever it runs: over
 * `samples` draws of its cases' operation times and stays, the mean overtime
 * and cancellations of a session, and the mean number of its patients in a
 * ward (or the ICU) bed at 08:00 on each weekday of a steady week, by the
 * weekday the list ran. A theatre-day holds one list, so the program's
 * overtime and cancellations are linear in the assignment with these means as
 * coefficients (the SAA objective, exactly), and a weekday's expected beds is
 * a sum over the lists of the week.
 *
 * The list is played as the room plays it: cases in booked order, a turnover
 * after each, and with `overrun: cancel` a case starts only if its mean fits in
 * what is left of the session. A patient goes to the ward (or ICU) when the
 * operation ends, for the sampled stay.
 */
import { createStream, makeDistribution, type RandomStream } from '../../sim-core/index.js';
import { WEEKDAYS, type ListSpec, type ScheduleProblem } from './schedule.js';

const DAY = 1440;
const SESSION_START = 8 * 60;
/** The census moment: 08:00, as the bed meetings (and the simulator's census by weekday) read it. */
const CENSUS = 8 * 60;

export interface ListCoefficients {
  overtimeHours: number;
  cancellations: number;
  /** [day the list runs][weekday 0..6]: mean patients of the list in a ward bed at 08:00. */
  ward: number[][];
  icu: number[][];
}

/** One case drawn: its minutes in theatre, what the room expects it to take, then its stays in order (a stay elsewhere is not counted). */
export interface CaseDraw {
  minutes: number;
  expectedMinutes: number;
  stays: readonly { where: 'ward' | 'icu' | null; minutes: number }[];
}

/** How one kind of case (a list's procedure) is drawn. */
export type CaseModel = (rng: RandomStream) => CaseDraw;

/** Cases by list kind, then by procedure: where given, they replace the problem's own procedures (a user's scenario read). */
export type CaseModels = ReadonlyMap<string, ReadonlyMap<string, CaseModel>>;

/** The coefficients of every list kind of the problem, from `samples` draws with the seed's streams. */
export function sampleCoefficients(problem: ScheduleProblem, samples: number, seed: number | string, cases?: CaseModels): Map<string, ListCoefficients> {
  const out = new Map<string, ListCoefficients>();
  for (const list of problem.lists)
    out.set(list.id, listCoefficients(problem, list, samples, createStream(seed, `theatre-saa:${list.id}`), cases?.get(list.id)));
  return out;
}

/** A procedure of the problem as a case: its minutes, its ward stay and its ICU stay drawn in that order; the ICU first, then the ward. */
function procedureCase(problem: ScheduleProblem, list: ListSpec, name: string): CaseModel {
  const p = problem.procedures[name];
  if (!p) throw new Error(`list ${list.id}: no procedure "${name}" in the problem`);
  const minutes = makeDistribution(p.minutes);
  const ward = p.wardMinutes ? makeDistribution(p.wardMinutes) : null;
  const icu = p.icuMinutes ? makeDistribution(p.icuMinutes) : null;
  return (rng) => {
    const m = minutes.sample(rng);
    const wardStay = ward ? ward.sample(rng) : 0;
    const icuStay = icu ? icu.sample(rng) : 0;
    return {
      minutes: m,
      expectedMinutes: minutes.mean,
      stays: [
        { where: 'icu', minutes: icuStay },
        { where: 'ward', minutes: wardStay },
      ],
    };
  };
}

function listCoefficients(
  problem: ScheduleProblem,
  list: ListSpec,
  samples: number,
  rng: RandomStream,
  models?: ReadonlyMap<string, CaseModel>,
): ListCoefficients {
  const model = (name: string): CaseModel => {
    if (models === undefined) return procedureCase(problem, list, name);
    const m = models.get(name);
    if (!m) throw new Error(`list ${list.id}: no case model for procedure "${name}"`);
    return m;
  };
  const cases = list.cases.flatMap(([name, count]) => Array.from({ length: count }, () => model(name)));
  const days = WEEKDAYS.length;
  const ward = Array.from({ length: days }, () => new Array<number>(7).fill(0));
  const icu = Array.from({ length: days }, () => new Array<number>(7).fill(0));
  let overtime = 0;
  let cancelled = 0;
  for (let s = 0; s < samples; s++) {
    let clock = 0;
    let lastEnd = 0;
    for (const c of cases) {
      const drawn = c(rng);
      if (problem.overrun === 'cancel' && clock + drawn.expectedMinutes > problem.sessionMinutes) {
        cancelled++;
        continue;
      }
      const end = clock + drawn.minutes;
      lastEnd = end;
      clock = end + problem.turnoverMinutes;
      // Each stay counted at 08:00 of every weekday it spans, over the weeks it lasts, one after another from the end of the operation.
      for (let d = 0; d < days; d++) {
        let from = d * DAY + SESSION_START + end;
        for (const stay of drawn.stays) {
          if (stay.where !== null) addCensus((stay.where === 'icu' ? icu : ward)[d]!, from, from + stay.minutes);
          from += stay.minutes;
        }
      }
    }
    overtime += Math.max(0, lastEnd - problem.sessionMinutes) / 60;
  }
  const mean = (rows: number[][]) => rows.map((r) => r.map((v) => v / samples));
  return { overtimeHours: overtime / samples, cancellations: cancelled / samples, ward: mean(ward), icu: mean(icu) };
}

/** Adds 1 to each weekday whose 08:00 falls in [from, to), week after week (a steady weekly pattern). */
function addCensus(byWeekday: number[], from: number, to: number): void {
  if (!(to > from)) return;
  const first = Math.ceil((from - CENSUS) / DAY);
  for (let k = first; k * DAY + CENSUS < to; k++) byWeekday[((k % 7) + 7) % 7]!++;
}
