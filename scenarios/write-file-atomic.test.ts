import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test/run-cli.js';
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
