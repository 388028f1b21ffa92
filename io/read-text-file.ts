/**
 * A data file's text, read with a limit: refused before reading unless it is a
 * regular file (a FIFO would block for ever, a device never end) of at most
 * `limitBytes`, and counted as it is read (a file that grows meanwhile).
 */
import { open, stat } from 'node:fs/promises';

/** Why a file was not read, in words for the person who named it. */
export class FileReadError extends Error {}

export async function readTextFile(path: string, limitBytes: number): Promise<string> {
  const refuse = (message: string): never => {
    throw new FileReadError(message);
  };
  const info = await stat(path).catch((e: NodeJS.ErrnoException) => refuse(e.code === 'ENOENT' ? 'no such file' : `cannot be read (${e.code ?? String(e)})`));
  if (!info.isFile()) refuse('is not a regular file (a device, FIFO or folder cannot be read as data)');
  if (info.size > limitBytes) refuse(`is ${info.size} bytes, more than the ${limitBytes} it may be`);
  const handle = await open(path, 'r').catch((e: NodeJS.ErrnoException) => refuse(`cannot be read (${e.code ?? String(e)})`));
  try {
    const buffer = Buffer.alloc(limitBytes + 1);
    let size = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, size, buffer.length - size, null);
      if (bytesRead === 0) break;
      size += bytesRead;
      if (size > limitBytes) refuse(`is more than the ${limitBytes} bytes it may be`);
    }
    return buffer.subarray(0, size).toString('utf8');
  } catch (e) {
    if (e instanceof FileReadError) throw e;
    return refuse(`cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  } finally {
    await handle.close();
  }
}
