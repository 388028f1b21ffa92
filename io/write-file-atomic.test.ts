import { execFileSync } from 'node:child_process';
import { open, readdir, readFile, rm, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli, tempDir } from '../test/run-cli.js';
import { writeFileAtomic } from './write-file-atomic.js';

describe('atomic file output', () => {
  it('replaces a file only once the new one is complete', async () => {
    const dir = await tempDir();
    const file = join(dir, 'figures.csv');
    await writeFile(file, 'old\n');
    await writeFileAtomic(file, ['a\n', 'b\n']);
    expect(await readFile(file, 'utf8')).toBe('a\nb\n');
    expect(await readdir(dir)).toEqual(['figures.csv']);
  });

  it('a failure half-way keeps the earlier file and leaves no partial or temporary file', async () => {
    const dir = await tempDir();
    const file = join(dir, 'log.csv');
    await writeFile(file, 'earlier result\n');
    async function* failing(): AsyncGenerator<string> {
      yield 'case,activity\n';
      yield 'x'.repeat(2 << 20);
      throw new Error('replication 2 failed');
    }
    await expect(writeFileAtomic(file, failing())).rejects.toThrow('replication 2 failed');
    expect(await readFile(file, 'utf8')).toBe('earlier result\n');
    expect(await readdir(dir)).toEqual(['log.csv']);
  });
});

/** The FileHandle class (not exported by node:fs/promises), to inject short writes into. */
async function fileHandlePrototype(dir: string): Promise<FileHandle> {
  const handle = await open(join(dir, 'probe'), 'w');
  await handle.close();
  await rm(join(dir, 'probe'));
  return Object.getPrototypeOf(handle) as FileHandle;
}

type WriteFn = (this: FileHandle, data: unknown, ...rest: unknown[]) => Promise<{ bytesWritten: number }>;

/** Replaces FileHandle#write by one that writes at most `limit(call)` bytes of what it is given (0: nothing). */
async function injectShortWrites(dir: string, limit: (call: number) => number): Promise<() => void> {
  const proto = await fileHandlePrototype(dir);
  const original = proto.write as unknown as WriteFn;
  let call = 0;
  const spy = vi.spyOn(proto, 'write').mockImplementation(async function (this: FileHandle, data: unknown, ...rest: unknown[]) {
    const max = limit(call++);
    // The string form write(text, position, encoding) and the buffer form write(buffer, offset, length, position).
    const bytes =
      typeof data === 'string'
        ? Buffer.from(data, 'utf8')
        : (data as Buffer).subarray(
            (rest[0] as number | undefined) ?? 0,
            ((rest[0] as number | undefined) ?? 0) + ((rest[1] as number | undefined) ?? (data as Buffer).length),
          );
    if (max === 0) return { bytesWritten: 0, buffer: data };
    const r = await original.call(this, bytes.subarray(0, Math.min(max, bytes.length)), 0, Math.min(max, bytes.length), null);
    return { bytesWritten: r.bytesWritten, buffer: data };
  } as never);
  return () => spy.mockRestore();
}

describe('atomic file output on a disk that takes fewer bytes than asked', () => {
  afterEach(() => vi.restoreAllMocks());

  it('a short write is continued until every byte is on disk, not renamed into place cut short', async () => {
    const dir = await tempDir();
    const file = join(dir, 'per-replication.csv');
    const restore = await injectShortWrites(dir, () => 1000);
    const rows = Array.from({ length: 500 }, (_, i) => `${i},row ${i}\n`);
    try {
      await writeFileAtomic(file, rows);
      await writeFileAtomic(join(dir, 'whole.txt'), rows.join(''));
    } finally {
      restore();
    }
    expect(await readFile(file, 'utf8')).toBe(rows.join(''));
    expect(await readFile(join(dir, 'whole.txt'), 'utf8')).toBe(rows.join(''));
  });

  it('a disk that fills part-way (a write takes nothing) fails with ENOSPC and keeps the earlier file whole', async () => {
    const dir = await tempDir();
    const file = join(dir, 'log.csv');
    await writeFile(file, 'earlier result\n');
    const restore = await injectShortWrites(dir, (call) => (call === 0 ? 4096 : 0));
    try {
      await expect(writeFileAtomic(file, ['case,activity\n', 'x'.repeat(100_000)])).rejects.toMatchObject({ code: 'ENOSPC' });
    } finally {
      restore();
    }
    expect(await readFile(file, 'utf8')).toBe('earlier result\n');
    expect(await readdir(dir)).toEqual(['log.csv']);
  });
});

const CLINIC = {
  name: 'clinic',
  start: '2026-03-02T08:00',
  horizonDays: 40,
  resources: [{ id: 'cubicle', department: 'clinic', units: 2 }],
  patientClasses: [{ id: 'walkIn', department: 'clinic', arrivals: { type: 'weekly', perDay: 30 }, pathway: 'visit' }],
  pathways: { visit: [{ seize: ['cubicle'] }, { hold: { type: 'exponential', mean: 30 }, activity: 'treatment' }, { release: 'all' }] },
};

/** Mounts a 64 KiB tmpfs on a new folder (as root); undefined where that cannot be done. */
async function smallTmpfs(): Promise<string | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const dir = await tempDir();
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    return undefined;
  }
}

const canMount = await (async () => {
  const dir = await smallTmpfs();
  if (dir) execFileSync('umount', [dir]);
  return dir !== undefined;
})();

/** Runs `body` on a fresh 64 KiB tmpfs, unmounted after. */
async function onFullDisk(body: (dir: string) => Promise<void>): Promise<void> {
  const dir = (await smallTmpfs())!;
  try {
    await body(dir);
  } finally {
    execFileSync('umount', [dir]);
  }
}

describe('atomic file output on a real full disk (64 KiB tmpfs; skipped where one cannot be mounted)', () => {
  it.skipIf(!canMount)('writing 200 KB fails with ENOSPC, the earlier file is untouched and no temporary file is left', () =>
    onFullDisk(async (dir) => {
      const file = join(dir, 'per-replication.csv');
      await writeFile(file, 'earlier result\n');
      await expect(writeFileAtomic(file, ['header\n', 'y'.repeat(200_000)])).rejects.toMatchObject({ code: 'ENOSPC' });
      await expect(writeFileAtomic(file, 'z'.repeat(200_000))).rejects.toMatchObject({ code: 'ENOSPC' });
      expect(await readFile(file, 'utf8')).toBe('earlier result\n');
      expect(await readdir(dir)).toEqual(['per-replication.csv']);
    }),
  );

  it.skipIf(!canMount)('export-log --out on the full disk exits 1 naming the file, and leaves the earlier log as it was', () =>
    onFullDisk(async (dir) => {
      // A log of about 200 KB: less than the 1 MiB the writer gathers before a write, so one short write.
      const scenario = join(await tempDir(), 'clinic.json');
      await writeFile(scenario, JSON.stringify(CLINIC));
      const out = join(dir, 'log.csv');
      await writeFile(out, 'earlier log\n');
      const r = await runCli(['export-log', scenario, '--out', out]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/no space left/i);
      expect(r.stderr).not.toMatch(/Wrote/);
      expect(await readFile(out, 'utf8')).toBe('earlier log\n');
      expect(await readdir(dir)).toEqual(['log.csv']);
    }),
  );
});
