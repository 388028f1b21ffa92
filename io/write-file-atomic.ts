import { lstat, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Here, in the lowest folder that the CLI, the workers and calibration may all
 * import (Node only; not exported to the browser through scenarios/index.ts).
 *
 * Writes a file so that it is either wholly there or not changed at all: the
 * text goes to a temporary file beside it, which is renamed over the target
 * only once complete. A failure leaves no partial file and keeps the old one.
 * `content` may be a string or chunks (made as they are written), so a large
 * trace or log is never one string.
 *
 * A write may take fewer bytes than it was given (a disk that fills up): the
 * rest is written again until all is on disk, and a write that takes nothing
 * is a full disk (ENOSPC), so a file is never renamed into place cut short.
 * A target that exists and is not a regular file (a device, a FIFO, a
 * symbolic link) is refused, never replaced.
 */
export async function writeFileAtomic(path: string, content: string | Iterable<string> | AsyncIterable<string>): Promise<void> {
  await refuseSpecialFile(path);
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(tmp, 'wx').catch((e: unknown) => {
    throw namingTheFile(path, e);
  });
  try {
    try {
      if (typeof content === 'string') await writeAll(handle, content);
      else {
        let buffered = '';
        for await (const chunk of content) {
          buffered += chunk;
          if (buffered.length >= 1 << 20) {
            await writeAll(handle, buffered);
            buffered = '';
          }
        }
        if (buffered) await writeAll(handle, buffered);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await refuseSpecialFile(path);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e instanceof NotARegularFileError ? e : namingTheFile(path, e);
  }
}

/** The error, its message naming the file that could not be written (its code kept, for callers that test it). */
function namingTheFile(path: string, e: unknown): Error {
  if (!(e instanceof Error) || !('code' in e)) return e instanceof Error ? e : new Error(String(e));
  const code = (e as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOSPC'
      ? 'no space left on the disk'
      : code === 'EROFS'
        ? 'the disk is read-only'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : e.message;
  return Object.assign(new Error(`${path} could not be written (${why}); any earlier file of that name is left as it was`), { code });
}

/** Thrown for an output that exists and is not a regular file. */
export class NotARegularFileError extends Error {
  override readonly name = 'NotARegularFileError';
  constructor(
    readonly path: string,
    readonly what: string,
  ) {
    super(`${path}: is ${what}, not a regular file; it is not replaced (write to a file, or to stdout)`);
  }
}

/** What kind of thing is at `path` if it exists and is not a regular file, else undefined. */
export async function specialFileKind(path: string): Promise<string | undefined> {
  const here = await lstat(path).catch(() => undefined);
  if (!here || here.isFile()) return undefined;
  if (here.isSymbolicLink()) return 'a symbolic link';
  if (here.isDirectory()) return 'a folder';
  if (here.isFIFO()) return 'a named pipe (FIFO)';
  if (here.isSocket()) return 'a socket';
  if (here.isCharacterDevice() || here.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

async function refuseSpecialFile(path: string): Promise<void> {
  const kind = await specialFileKind(path);
  if (kind !== undefined) throw new NotARegularFileError(path, kind);
}

/** Writes every byte of `text`, honouring short writes; a write of nothing is a full disk. */
async function writeAll(handle: FileHandle, text: string): Promise<void> {
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset, null);
    if (!(bytesWritten > 0)) {
      throw Object.assign(new Error(`ENOSPC: no space left on device, wrote ${offset} of ${bytes.length} bytes`), { code: 'ENOSPC' });
    }
    offset += bytesWritten;
  }
}
