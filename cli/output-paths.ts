import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { UsageError } from './exit-codes.js';

/**
 * Checks, before anything runs, that an output file can be put where asked:
 * its folder exists and the path is not a folder. (Whether the disk has room
 * is only known when writing.)
 */
export async function checkOutputFile(path: string, option: string): Promise<void> {
  const full = resolve(path);
  const here = await stat(full).catch(() => undefined);
  if (here?.isDirectory()) throw new UsageError(`${option} ${path}: is a folder; give a file name`);
  const folder = await stat(dirname(full)).catch(() => undefined);
  if (!folder?.isDirectory()) throw new UsageError(`${option} ${path}: the folder ${dirname(full)} does not exist`);
}

/** An output folder: it may not exist yet (it is made when writing), but must not be a file. */
export async function checkOutputFolder(path: string, option: string): Promise<void> {
  const here = await stat(resolve(path)).catch(() => undefined);
  if (here && !here.isDirectory()) throw new UsageError(`${option} ${path}: is a file, not a folder`);
}
