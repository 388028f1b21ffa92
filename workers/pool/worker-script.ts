import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Where the compiled worker entry is. Node runs JavaScript in worker threads, so
 * when this module runs from TypeScript sources (under vitest) the worker comes
 * from the build in dist/ (`npm run build`), which the test setup makes first.
 */
export function workerScriptUrl(): URL {
  const beside = new URL('./node-worker-entry.js', import.meta.url);
  if (existsSync(fileURLToPath(beside))) return beside;
  const built = new URL('../../dist/workers/pool/node-worker-entry.js', import.meta.url);
  if (existsSync(fileURLToPath(built))) return built;
  throw new Error('The worker thread script is not built: run `npm run build` first');
}
