/**
 * Minimises f by the Nelder–Mead simplex (Nelder & Mead 1965; coefficients 1, 2,
 * ½, ½ as in Lagarias et al. 1998). Used for censored gamma and lognormal fits,
 * which have no closed form; a few parameters, so a simplex is enough.
 */
export function nelderMead(
  f: (x: number[]) => number,
  start: readonly number[],
  options: { step?: number; tolerance?: number; maxIterations?: number } = {},
): { x: number[]; value: number; iterations: number } {
  const n = start.length;
  const step = options.step ?? 0.1;
  const tol = options.tolerance ?? 1e-10;
  const maxIt = options.maxIterations ?? 2000;
  const safe = (x: number[]): number => {
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  let simplex = [start.slice()];
  for (let i = 0; i < n; i++) {
    const x = start.slice();
    x[i] = x[i]! + (x[i] !== 0 ? step * Math.abs(x[i]!) : step);
    simplex.push(x);
  }
  let values = simplex.map(safe);
  let it = 0;
  for (; it < maxIt; it++) {
    const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
    simplex = order.map((i) => simplex[i]!);
    values = order.map((i) => values[i]!);
    const best = values[0]!;
    const worst = values[n]!;
    if (Math.abs(worst - best) <= tol * (Math.abs(best) + tol)) break;
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j]! += simplex[i]![j]! / n;
    const along = (t: number): number[] => centroid.map((c, j) => c + t * (simplex[n]![j]! - c));
    const reflected = along(-1);
    const fr = safe(reflected);
    if (fr < best) {
      const expanded = along(-2);
      const fe = safe(expanded);
      if (fe < fr) {
        simplex[n] = expanded;
        values[n] = fe;
      } else {
        simplex[n] = reflected;
        values[n] = fr;
      }
      continue;
    }
    if (fr < values[n - 1]!) {
      simplex[n] = reflected;
      values[n] = fr;
      continue;
    }
    const contracted = fr < worst ? along(-0.5) : along(0.5);
    const fc = safe(contracted);
    if (fc < Math.min(fr, worst)) {
      simplex[n] = contracted;
      values[n] = fc;
      continue;
    }
    for (let i = 1; i <= n; i++) {
      simplex[i] = simplex[i]!.map((x, j) => simplex[0]![j]! + 0.5 * (x - simplex[0]![j]!));
      values[i] = safe(simplex[i]!);
    }
  }
  const k = values.indexOf(Math.min(...values));
  return { x: simplex[k]!, value: values[k]!, iterations: it };
}
