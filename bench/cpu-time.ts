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
