/**
 * The sweep's results log: JSON Lines, one line per finished point, appended as
 * each point finishes. A line is written by one append of the complete text and
 * synced to disk, so a crash leaves at most a torn last line, which reading ignores
 * and `repairLog` cuts off before the next append.
 */
import { appendLine, cutTornLine, figureColumns, jsonObject, readCompleteLines } from '../jsonl-log.js';

export interface PointRecord {
  /** pointKey of the point's scenario, seed and replications. */
  key: string;
  /** The point's id when it ran (p01, …): for people reading the log. */
  point: string;
  values: Record<string, unknown>;
  seed: number | string;
  replications: number;
  /** Kept figure → its value in replications 1, 2, … (NaN where the figure was undefined). */
  figures: Record<string, number[]>;
}

export interface LogContents {
  records: PointRecord[];
  /** Bytes up to and including the last complete line. */
  completeBytes: number;
  /** The file ends in a line that was not finished (or cannot be read). */
  torn: boolean;
  /** Complete lines that were not records (edited by hand?) and were skipped. */
  skipped: number;
}

export async function appendRecord(file: string, record: PointRecord): Promise<void> {
  await appendLine(file, record);
}

export async function readLog(file: string): Promise<LogContents> {
  const { lines, completeBytes, torn } = await readCompleteLines(file);
  const records: PointRecord[] = [];
  let skipped = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const record = parseRecord(line);
    if (record) records.push(record);
    else skipped++;
  }
  return { records, completeBytes, torn, skipped };
}

/** Cuts a torn last line off, so the next record starts on a line of its own. */
export async function repairLog(file: string): Promise<void> {
  await cutTornLine(file);
}

function parseRecord(line: string): PointRecord | undefined {
  const r = jsonObject(line) as Partial<PointRecord> | undefined;
  if (!r || typeof r.key !== 'string' || typeof r.replications !== 'number') return undefined;
  const figures = figureColumns(r.figures);
  if (!figures) return undefined;
  return {
    key: r.key,
    point: String(r.point ?? ''),
    values: (r.values ?? {}) as Record<string, unknown>,
    seed: r.seed ?? 1,
    replications: r.replications,
    figures,
  };
}
