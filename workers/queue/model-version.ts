import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The version of hospital-twin running here (package.json), from the sources
 * (vitest) or from dist/. Queues are named by it, so a worker never runs a job
 * for another version of the model, whose figures could differ.
 */
export function modelVersion(): string {
  for (const up of ['../../package.json', '../../../package.json']) {
    const path = fileURLToPath(new URL(up, import.meta.url));
    if (!existsSync(path)) continue;
    const pkg = JSON.parse(readFileSync(path, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === 'hospital-twin' && pkg.version) return pkg.version;
  }
  throw new Error('cannot find the hospital-twin package.json to read its version');
}
