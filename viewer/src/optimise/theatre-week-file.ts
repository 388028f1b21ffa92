/**
 * A theatre schedule optimisation's result (theatre-schedule.json, written by
 * `hospital-twin optimise` for a file with a `theatreSchedule` section) as the
 * viewer reads it: checked field by field, so a wrong file is refused with
 * every problem by its path. It is told apart from optimise.json by its
 * `problem` with theatres and the chosen's `schedule`.
 */
import { create } from 'zustand';
import { OptimiseFileError } from './optimise-file.js';

export const WEEKDAY_WORDS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'] as const;
const WEEKDAY_IDS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;

export interface Interval {
  mean: number;
  half: number;
}

export interface WeekSchedule {
  name: string;
  /** By theatre, by weekday (Monday to Friday): the list id, or null (no list). */
  schedule: (string | null)[][];
  figures: Record<string, Interval>;
  vsA?: Record<string, Interval>;
}

export interface TheatreWeek {
  fileName: string;
  name: string;
  theatres: string[];
  /** By theatre, by weekday: whether the theatre is open that day. */
  open: boolean[][];
  /** List id -> its cases as [procedure, count], in booked order. */
  lists: Record<string, [string, number][]>;
  chosen: WeekSchedule;
  /** Schedules in use that were simulated beside it (A, B, the scenario's own week). */
  builtins: WeekSchedule[];
  /** The one that runs today, if known. */
  current: WeekSchedule | undefined;
  chosenBuiltin: string | undefined;
  scenario: string | undefined;
  replications: number;
  confidence: number;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Whether a parsed JSON document is a theatre schedule result rather than an optimise.json. */
export function isTheatreWeekDocument(doc: unknown): boolean {
  return isObject(doc) && isObject(doc.problem) && Array.isArray(doc.problem.theatres) && isObject(doc.chosen) && 'schedule' in doc.chosen;
}

function scheduleProblems(path: string, v: unknown, theatres: number): string[] {
  if (!Array.isArray(v) || v.length !== theatres) return [`${path}: must be a row per theatre (${theatres})`];
  return v.flatMap((row: unknown, t) =>
    Array.isArray(row) && row.length === WEEKDAY_IDS.length && row.every((x) => x === null || typeof x === 'string')
      ? []
      : [`${path}[${t}]: must be the five weekdays' lists (a list id or null)`],
  );
}

function readWeekSchedule(path: string, v: unknown, theatres: number, problems: string[]): WeekSchedule | undefined {
  if (!isObject(v)) {
    problems.push(`${path}: must be a schedule { name, schedule, figures }`);
    return undefined;
  }
  const before = problems.length;
  if (typeof v.name !== 'string') problems.push(`${path}.name: must be a name`);
  problems.push(...scheduleProblems(`${path}.schedule`, v.schedule, theatres));
  if (!isObject(v.figures)) problems.push(`${path}.figures: must be the figures by id, each { mean, half }`);
  if (problems.length > before) return undefined;
  return v as unknown as WeekSchedule;
}

export function readTheatreWeek(doc: unknown, fileName: string): TheatreWeek {
  if (!isTheatreWeekDocument(doc)) throw new OptimiseFileError(fileName, ['(document): must have problem.theatres and chosen.schedule']);
  const d = doc as Record<string, unknown> & { problem: Record<string, unknown> };
  const problems: string[] = [];
  const theatres = d.problem.theatres as unknown[];
  if (!theatres.every((t) => typeof t === 'string')) problems.push('problem.theatres: must be theatre names');
  const openDays = d.problem.open;
  if (!Array.isArray(openDays) || openDays.length !== theatres.length) problems.push('problem.open: must be the open weekdays of each theatre');
  if (!Array.isArray(d.problem.lists)) problems.push('problem.lists: must be the kinds of list');
  if (typeof d.name !== 'string') problems.push('name: must be a name');
  const chosen = readWeekSchedule('chosen', d.chosen, theatres.length, problems);
  const builtins = Array.isArray(d.builtins) ? d.builtins.map((b, i) => readWeekSchedule(`builtins[${i}]`, b, theatres.length, problems)) : [];
  if (!Array.isArray(d.builtins)) problems.push('builtins: must be a list (empty when the hospital has no schedules in use)');
  if (problems.length > 0 || !chosen) throw new OptimiseFileError(fileName, problems);
  const known = builtins.filter((b): b is WeekSchedule => b !== undefined);
  const lists: Record<string, [string, number][]> = {};
  for (const l of d.problem.lists as unknown[])
    if (isObject(l) && typeof l.id === 'string' && Array.isArray(l.cases)) lists[l.id] = l.cases as [string, number][];
  // What runs today: the report names it; older reports of the general hospital ran schedule A.
  const currentName = typeof d.current === 'string' ? d.current : 'A';
  return {
    fileName,
    name: d.name as string,
    theatres: theatres as string[],
    open: (openDays as unknown[]).map((days) => WEEKDAY_IDS.map((w) => Array.isArray(days) && days.includes(w))),
    lists,
    chosen,
    builtins: known,
    current: known.find((b) => b.name === currentName),
    chosenBuiltin: typeof d.chosenBuiltin === 'string' ? d.chosenBuiltin : undefined,
    scenario: typeof d.scenario === 'string' ? d.scenario : undefined,
    replications: typeof d.replications === 'number' ? d.replications : NaN,
    confidence: typeof d.confidence === 'number' ? d.confidence : 0.95,
  };
}

interface TheatreWeekState {
  week: TheatreWeek | null;
  open: boolean;
}

export const useTheatreWeek = create<TheatreWeekState>(() => ({ week: null, open: false }));

/** Words for a kind of list: the general hospital's by name, any other from its id ("generalMajor" -> "general major"). */
const LIST_WORDS: Record<string, string> = {
  generalMajor: 'General surgery, major',
  generalMinor: 'General surgery, minor',
  arthroplasty: 'Joint replacement',
  gynae: 'Gynaecology',
  urology: 'Urology',
};

export function listWords(id: string): string {
  const words = LIST_WORDS[id];
  if (words) return words;
  const spaced = id.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return id.length <= 2 ? `List ${id}` : spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** Opens the file's text as a theatre week if it is one (true); false leaves it to optimise.json's reader. */
export function openTheatreWeek(text: string, fileName: string): boolean {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return false;
  }
  if (!isTheatreWeekDocument(doc)) return false;
  useTheatreWeek.setState({ week: readTheatreWeek(doc, fileName), open: true });
  return true;
}
