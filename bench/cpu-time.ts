import { readFileSync } from 'node:fs';

/**
 * CPU seconds this process has used (user + system, all its threads: the
 * model's own, and V8's compiler and garbage-collector helpers). Ratios of two
 * computations that take turns are taken from CPU time rather than wall time:
 * on a shared machine a process gets a varying share of a core, which moves
 * wall time by several times while the work done stays the same.
 */
export function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/**
 * CPU seconds of the main thread alone (Linux: the scheduler's count for the
 * thread whose id is the process's), or null where that cannot be read. With
 * worker threads busy on every core, what the main thread does (taking results
 * in, handing work out) is time taken from them.
 */
export function mainThreadCpuSeconds(): number | null {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e9;
  } catch {
    return null;
  }
}
