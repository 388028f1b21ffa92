import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { SweepSpecError } from './sweep-spec.js';

/** The lock file a running sweep holds in its folder. */
export const LOCK_FILE = 'sweep.lock';

/**
 * Runs `body` holding DIR/sweep.lock (made with O_EXCL, holding this process's
 * id), so a second sweep into the same folder is refused (exit 2) instead of
 * interleaving its points with the first's in sweep.jsonl. A lock left by a
 * process that no longer runs (killed with -9) is taken over.
 */
export async function withLock<T>(dir: string, source: string, body: () => Promise<T>): Promise<T> {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw e;
      const pid = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (Number.isSafeInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
        throw new SweepSpecError(source, [
          {
            path: '',
            message: `another sweep (process ${pid}) is writing to ${dir}; wait for it to finish, or give another --out (remove ${path} if that process is gone)`,
          },
        ]);
      }
      await rm(path, { force: true });
    }
  }
  try {
    return await body();
  } finally {
    await rm(path, { force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
