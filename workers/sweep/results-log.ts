/**
 * The sweep's results log: JSON Lines, one line per finished point, appended as
 * each point finishes. A line is written by one append of the complete text and
 * synced to disk, so a crash leaves at most a torn last line, which reading ignores
 * and `repairLog` cuts off before the next append.
 */
import { open, readFile, truncate } from 'node:fs/promises';

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
  // NaN becomes null in JSON; readLog turns it back.
  const line = `${JSON.stringify(record)}\n`;
  const handle = await open(file, 'a');
  try {
    await handle.write(line, null, 'utf8');
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

export async function readLog(file: string): Promise<LogContents> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], completeBytes: 0, torn: false, skipped: 0 };
    throw e;
  }
  const end = bytes.lastIndexOf(0x0a) + 1;
  const records: PointRecord[] = [];
  let skipped = 0;
  for (const line of bytes.subarray(0, end).toString('utf8').split('\n')) {
    if (line.trim() === '') continue;
    const record = parseRecord(line);
    if (record) records.push(record);
    else skipped++;
  }
  return { records, completeBytes: end, torn: end < bytes.length, skipped };
}

/** Cuts a torn last line off, so the next record starts on a line of its own. */
export async function repairLog(file: string): Promise<void> {
  const { completeBytes, torn } = await readLog(file);
  if (torn) await truncate(file, completeBytes);
}

function parseRecord(line: string): PointRecord | undefined {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof v !== 'object' || v === null) return undefined;
  const r = v as Partial<PointRecord>;
  if (typeof r.key !== 'string' || typeof r.replications !== 'number' || typeof r.figures !== 'object' || r.figures === null) return undefined;
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
  return {
    key: r.key,
    point: String(r.point ?? ''),
    values: (r.values ?? {}) as Record<string, unknown>,
    seed: r.seed ?? 1,
    replications: r.replications,
    figures,
  };
}
