import { open, rename, rm } from 'node:fs/promises';
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
 */
export async function writeFileAtomic(path: string, content: string | Iterable<string> | AsyncIterable<string>): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(tmp, 'wx');
  try {
    try {
      if (typeof content === 'string') await handle.writeFile(content, 'utf8');
      else {
        let buffered = '';
        for await (const chunk of content) {
          buffered += chunk;
          if (buffered.length >= 1 << 20) {
            await handle.write(buffered, null, 'utf8');
            buffered = '';
          }
        }
        if (buffered) await handle.write(buffered, null, 'utf8');
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
