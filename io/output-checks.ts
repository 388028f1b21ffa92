import { open, rm, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { specialFileKind } from './write-file-atomic.js';

/**
 * Beside write-file-atomic (Node only): the checks made on every output before
 * anything runs, so that a long run is never lost to a path that could not be
 * written, and no input or earlier output is overwritten by mistake.
 */

/** A file the command reads or writes, and how to name it to the user (`--out`, `the log`). */
export interface NamedFile {
  path: string;
  what: string;
}

/** A folder the command writes files into, made if missing. */
export interface NamedFolder extends NamedFile {
  /** The file names it will write inside the folder. */
  files: readonly string[];
}

/**
 * Every problem with the outputs, each naming the option and path: a folder
 * given for a file, a file given for a folder, a target that is not a regular
 * file (device, FIFO, symbolic link), a folder that does not exist or cannot be
 * written, and an output that is the same file as an input or another output.
 */
export async function outputProblems(inputs: readonly NamedFile[], files: readonly NamedFile[], folders: readonly NamedFolder[] = []): Promise<string[]> {
  const problems: string[] = [];
  const targets: NamedFile[] = [...files];
  for (const f of files) {
    const here = await stat(resolve(f.path)).catch(() => undefined);
    if (here?.isDirectory()) {
      problems.push(`${f.what} ${f.path}: is a folder; give a file name`);
      continue;
    }
    const kind = await specialFileKind(resolve(f.path));
    if (kind !== undefined) {
      problems.push(
        `${f.what} ${f.path}: is ${kind}, not a regular file, and is not replaced (give a regular file${f.what.startsWith('--') ? `, or leave out ${f.what} to write to stdout where the command can` : ''})`,
      );
      continue;
    }
    const folderProblem = await unwritableFolder(dirname(resolve(f.path)), false);
    if (folderProblem) problems.push(`${f.what} ${f.path}: ${folderProblem}`);
  }
  for (const d of folders) {
    const here = await stat(resolve(d.path)).catch(() => undefined);
    if (here && !here.isDirectory()) {
      problems.push(`${d.what} ${d.path}: is a file, not a folder`);
      continue;
    }
    const folderProblem = await unwritableFolder(resolve(d.path), true);
    if (folderProblem) {
      problems.push(`${d.what} ${d.path}: ${folderProblem}`);
      continue;
    }
    for (const name of d.files) {
      const path = join(d.path, name);
      const kind = await specialFileKind(resolve(path));
      if (kind !== undefined) problems.push(`${d.what} ${d.path}: ${name} there is ${kind}, not a regular file, and is not replaced`);
      targets.push({ path, what: `${d.what} ${d.path} (${name})` });
    }
  }
  const seen: { file: NamedFile; id: string; output: boolean }[] = [];
  for (const file of inputs) seen.push({ file, id: await identity(file.path), output: false });
  for (const file of targets) {
    const id = await identity(file.path);
    const same = seen.find((s) => s.id === id);
    if (same)
      problems.push(`${file.what} ${file.path}: is the same file as ${same.file.what} ${same.file.path}; it would be overwritten. Give another file name`);
    seen.push({ file, id, output: true });
  }
  return problems;
}

/**
 * Why files cannot be made in `folder`, or undefined if they can: it is found
 * out by making (and removing) an empty file there, which also catches a
 * read-only disk. A folder that does not exist yet may be made, if `mayMake`,
 * inside its nearest existing parent.
 */
async function unwritableFolder(folder: string, mayMake: boolean): Promise<string | undefined> {
  let existing = folder;
  let here: Stats | undefined;
  for (;;) {
    here = await stat(existing).catch(() => undefined);
    if (here || !mayMake || dirname(existing) === existing) break;
    existing = dirname(existing);
  }
  if (!here) return `the folder ${folder} does not exist`;
  if (!here.isDirectory()) return `${existing} is a file, so the folder ${folder} cannot be made`;
  const probe = join(existing, `.${basename(folder)}.${process.pid}.${randomBytes(4).toString('hex')}.probe`);
  try {
    const handle = await open(probe, 'wx');
    await handle.close();
    await rm(probe, { force: true });
    return undefined;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    const why =
      code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EROFS'
          ? 'a read-only disk'
          : code === 'ENOSPC'
            ? 'no space left on the disk'
            : code;
    return `files cannot be written in ${existing} (${why})`;
  }
}

/** The same file whatever its name: device and inode where it exists, else its full path. */
async function identity(path: string): Promise<string> {
  const s = await stat(resolve(path)).catch(() => undefined);
  return s ? `inode:${s.dev}:${s.ino}` : `path:${resolve(path)}`;
}
