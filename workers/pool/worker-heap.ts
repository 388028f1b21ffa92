/**
 * The young generation of a worker thread's heap, held at its full size.
 *
 * V8 starts a heap's young generation small (1 MB semi-spaces) and grows it as
 * objects survive; when the isolate allocates slowly for a while (a worker waiting
 * for its next chunk, a pool idle between a sweep's points) it shrinks it back.
 * The next replications then run with a young generation a sixteenth of its size:
 * up to eight times as many scavenges, each promoting what a larger one would have
 * let die, and the old generation marked more often (measured in docs/speed.md,
 * "Where a worker's overhead went"). A replication allocates about as fast as
 * V8 can collect, so it is always worth the full size from the start.
 *
 * `--min-semi-space-size` is read when an isolate is made, so setting it before
 * the first worker starts applies it to every worker thread made afterwards (and
 * to nothing already running: the main thread keeps its own heap). Node accepts
 * no V8 flag in a worker's `execArgv`, and `resourceLimits` has no minimum, so
 * it is set process-wide here; the maximum goes with each worker as a resource
 * limit, so the two agree whatever the machine's memory would make the default.
 */
import { setFlagsFromString } from 'node:v8';

/** MB per semi-space: V8's own maximum on a 64-bit machine with a heap of 2 GB or more. */
const SEMI_SPACE_MB = 16;

/** The young generation as `resourceLimits` counts it: two semi-spaces and the new large-object space. */
export const WORKER_YOUNG_GENERATION_MB = 3 * SEMI_SPACE_MB;

let fixed = false;

/** Makes worker threads started from now on begin with, and keep, full-size semi-spaces. */
export function fixWorkerYoungGeneration(): void {
  if (fixed) return;
  fixed = true;
  setFlagsFromString(`--min-semi-space-size=${SEMI_SPACE_MB}`);
}
