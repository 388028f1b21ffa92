/**
 * The optimisation's log: JSON Lines, one line per batch of replications of one
 * solution, appended and synced as each batch finishes. A crash leaves at most a
 * torn last line, which reading ignores and `repairEvaluationLog` cuts off.
 */
import { open, readFile, truncate } from 'node:fs/promises';

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
  const handle = await open(file, 'a');
  try {
    await handle.write(`${JSON.stringify(record)}\n`, null, 'utf8');
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

/** Replications in the log: solution key → replication number → figures. */
export async function readEvaluationLog(
  file: string,
): Promise<{ logged: Map<string, Map<number, Record<string, number>>>; completeBytes: number; torn: boolean }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { logged: new Map(), completeBytes: 0, torn: false };
    throw e;
  }
  const end = bytes.lastIndexOf(0x0a) + 1;
  const logged = new Map<string, Map<number, Record<string, number>>>();
  for (const line of bytes.subarray(0, end).toString('utf8').split('\n')) {
    const r = parse(line);
    if (!r) continue;
    let reps = logged.get(r.key);
    if (!reps) logged.set(r.key, (reps = new Map()));
    const ids = Object.keys(r.figures);
    const count = Math.min(...ids.map((id) => r.figures[id]!.length));
    for (let i = 0; i < count; i++) {
      const row: Record<string, number> = {};
      for (const id of ids) Object.defineProperty(row, id, { value: r.figures[id]![i]!, enumerable: true, writable: true, configurable: true });
      // A row logged twice (a rerun after the log was edited) keeps its first version: both are the same numbers.
      if (!reps.has(r.from + i)) reps.set(r.from + i, row);
    }
  }
  return { logged, completeBytes: end, torn: end < bytes.length };
}

export async function repairEvaluationLog(file: string): Promise<void> {
  const { completeBytes, torn } = await readEvaluationLog(file);
  if (torn) await truncate(file, completeBytes);
}

function parse(line: string): EvaluationRecord | undefined {
  if (line.trim() === '') return undefined;
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof v !== 'object' || v === null) return undefined;
  const r = v as Partial<EvaluationRecord>;
  if (typeof r.key !== 'string' || typeof r.from !== 'number' || typeof r.figures !== 'object' || r.figures === null) return undefined;
  const figures: Record<string, number[]> = {};
  for (const [id, values] of Object.entries(r.figures)) {
    if (!Array.isArray(values)) return undefined;
    Object.defineProperty(figures, id, {
      value: values.map((x: unknown) => (typeof x === 'number' ? x : Number.NaN)),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return { key: r.key, values: r.values ?? {}, solution: Array.isArray(r.solution) ? r.solution : [], from: r.from, figures };
}
