/**
 * An append-only JSON Lines log, as sweeps and optimisations keep their
 * finished work: each record is one append of a complete line, synced to disk,
 * so a crash leaves at most a torn last line, which reading ignores and
 * `cutTornLine` removes before the next append. Both logs use this one reader
 * and writer; each parses its own records.
 */
import { open, readFile, truncate } from 'node:fs/promises';

export async function appendLine(file: string, record: unknown): Promise<void> {
  // NaN becomes null in JSON; figureColumns turns it back.
  const line = `${JSON.stringify(record)}\n`;
  const handle = await open(file, 'a');
  try {
    await handle.write(line, null, 'utf8');
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

/** The log's complete lines (none for a missing file), the bytes they take, and whether a torn line follows. */
export async function readCompleteLines(file: string): Promise<{ lines: string[]; completeBytes: number; torn: boolean }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { lines: [], completeBytes: 0, torn: false };
    throw e;
  }
  const end = bytes.lastIndexOf(0x0a) + 1;
  return { lines: bytes.subarray(0, end).toString('utf8').split('\n'), completeBytes: end, torn: end < bytes.length };
}

/** Cuts a torn last line off, so the next record starts on a line of its own. */
export async function cutTornLine(file: string): Promise<void> {
  const { completeBytes, torn } = await readCompleteLines(file);
  if (torn) await truncate(file, completeBytes);
}

/** A line as a JSON object, or undefined for anything else (a line edited by hand). */
export function jsonObject(line: string): Record<string, unknown> | undefined {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return undefined;
  }
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** Figure id → values per replication, null read back as NaN; own keys only, so an id like __proto__ is data. */
export function figureColumns(raw: unknown): Record<string, number[]> | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const figures: Record<string, number[]> = {};
  for (const [id, values] of Object.entries(raw)) {
    if (!Array.isArray(values)) return undefined;
    Object.defineProperty(figures, id, {
      value: values.map((x: unknown) => (typeof x === 'number' ? x : Number.NaN)),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return figures;
}
