/** Builds the viewer with Vite (as `npm run viewer:build` does) into dist/viewer. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The repository root, whether this runs from source (viewer/node) or compiled (dist/viewer/node). */
export function repoRoot(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  return here.includes('/dist/') ? here.slice(0, here.indexOf('/dist/') + 1) : fileURLToPath(new URL('../../', import.meta.url));
}

export function viewerDist(): string {
  return `${repoRoot()}dist/viewer`;
}

/** Builds into dist/viewer, or into `outDir` (tests running side by side each build and serve their own). */
export async function buildViewer(outDir?: string): Promise<void> {
  const root = repoRoot();
  const vite = `${root}node_modules/vite/bin/vite.js`;
  const out = outDir ? ['--outDir', outDir, '--emptyOutDir'] : [];
  await run(process.execPath, [vite, 'build', '--config', 'viewer/vite.config.ts', '--logLevel', 'warn', ...out], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
}
