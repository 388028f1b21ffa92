import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Builds dist/ once before the tests: the CLI tests run the built command as a
 * user would, and worker threads need compiled JavaScript.
 */
export default function setup(): void {
  // The browser tests' own viewer builds from earlier runs.
  rmSync(fileURLToPath(new URL('../dist/viewer-e2e', import.meta.url)), { recursive: true, force: true });
  const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit', cwd: fileURLToPath(new URL('..', import.meta.url)) });
}
