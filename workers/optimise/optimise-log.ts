/**
 * The optimisation's log: JSON Lines, one line per batch of replications of one
 * solution, appended and synced as each batch finishes. A crash leaves at most a
 * torn last line, which reading ignores and `repairEvaluationLog` cuts off.
 */
import { appendLine, cutTornLine, figureColumns, jsonObject, readCompleteLines } from '../jsonl-log.js';

export interface EvaluationRecord {
  /** pointKey of the solution's scenario and the seed: what a rerun looks replications up by. */
  key: string;
  /** The solution's values by variable name, for people reading the log. */
  values: Record<string, unknown>;
  /** Index of each variable's value. */
  solution: number[];
  /** Number of the first replication in `figures`; the rest follow. */
  from: number;
  /** Figure id → its value in replications from, from + 1, … (null for undefined). */
  figures: Record<string, number[]>;
}

export async function appendEvaluation(file: string, record: EvaluationRecord): Promise<void> {
  await appendLine(file, record);
}

/** Replications in the log: solution key → replication number → figures. */
export async function readEvaluationLog(
  file: string,
): Promise<{ logged: Map<string, Map<number, Record<string, number>>>; completeBytes: number; torn: boolean }> {
  const { lines, completeBytes, torn } = await readCompleteLines(file);
  const logged = new Map<string, Map<number, Record<string, number>>>();
  for (const line of lines) {
    const r = parse(line);
    if (!r) continue;
    let reps = logged.get(r.key);
    if (!reps) logged.set(r.key, (reps = new Map()));
    const ids = Object.keys(r.figures);
    // A record with no figures holds no replication (and would otherwise count to infinity).
    if (ids.length === 0) continue;
    let count = Infinity;
    for (const id of ids) count = Math.min(count, r.figures[id]!.length);
    for (let i = 0; i < count; i++) {
      const row: Record<string, number> = {};
      for (const id of ids) Object.defineProperty(row, id, { value: r.figures[id]![i]!, enumerable: true, writable: true, configurable: true });
      // A row logged twice (a rerun after the log was edited) keeps its first version: both are the same numbers.
      if (!reps.has(r.from + i)) reps.set(r.from + i, row);
    }
  }
  return { logged, completeBytes, torn };
}

export async function repairEvaluationLog(file: string): Promise<void> {
  await cutTornLine(file);
}

function parse(line: string): EvaluationRecord | undefined {
  if (line.trim() === '') return undefined;
  const r = jsonObject(line) as Partial<EvaluationRecord> | undefined;
  if (!r || typeof r.key !== 'string' || typeof r.from !== 'number') return undefined;
  const figures = figureColumns(r.figures);
  if (!figures) return undefined;
  return { key: r.key, values: r.values ?? {}, solution: Array.isArray(r.solution) ? r.solution : [], from: r.from, figures };
}
