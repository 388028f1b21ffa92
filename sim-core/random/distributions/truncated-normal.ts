import type { Distribution } from '../distribution.js';
import { normalCdf, normalPdf, standardNormal } from './normal-sampler.js';

/**
 * Normal(mean, sd) restricted to [min, max] (either bound optional), e.g. a
 * procedure time that cannot be below 10 minutes. Sampled by rejection while the
 * kept mass is large, which is exact; below 5% kept mass it falls back to inverting
 * the CDF numerically so a far-off bound cannot make sampling hang.
 */
export function truncatedNormal(mean: number, sd: number, min?: number, max?: number): Distribution {
  const a = min === undefined ? -Infinity : (min - mean) / sd;
  const b = max === undefined ? Infinity : (max - mean) / sd;
  const fa = a === -Infinity ? 0 : normalCdf(a);
  const fb = b === Infinity ? 1 : normalCdf(b);
  const kept = fb - fa;
  const pa = a === -Infinity ? 0 : normalPdf(a);
  const pb = b === Infinity ? 0 : normalPdf(b);
  const ta = a === -Infinity ? 0 : a * pa;
  const tb = b === Infinity ? 0 : b * pb;
  const shift = (pa - pb) / kept;
  const theoreticalMean = mean + sd * shift;
  const theoreticalVariance = sd * sd * (1 + (ta - tb) / kept - shift * shift);
  const lo = min ?? -Infinity;
  const hi = max ?? Infinity;
  return {
    sample(rng) {
      if (kept > 0.05) {
        for (;;) {
          const x = mean + sd * standardNormal(rng);
          if (x >= lo && x <= hi) return x;
        }
      }
      const target = fa + rng.nextDouble() * kept;
      let left = Number.isFinite(a) ? a : b - 40;
      let right = Number.isFinite(b) ? b : a + 40;
      for (let i = 0; i < 80; i++) {
        const mid = (left + right) / 2;
        if (normalCdf(mid) < target) left = mid;
        else right = mid;
      }
      return Math.min(hi, Math.max(lo, mean + sd * ((left + right) / 2)));
    },
    mean: theoreticalMean,
    variance: theoreticalVariance,
  };
}
