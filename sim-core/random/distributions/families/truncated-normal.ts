import type { DistributionFamily } from '../family.js';
import type { Distribution } from '../../distribution.js';
import { normalCdf, normalPdf, standardNormal } from '../normal-sampler.js';
import { truncatedStandardNormal } from '../truncated-standard-normal.js';

type Spec = { type: 'truncatedNormal'; mean: number; sd: number; min?: number | undefined; max?: number | undefined };

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

export const truncatedNormalFamily: DistributionFamily<Spec> = {
  make: (s) => truncatedNormal(s.mean, s.sd, s.min, s.max),
  mean: (s) => truncatedNormal(s.mean, s.sd, s.min, s.max).mean,
  cdf(s) {
    const fa = s.min === undefined ? 0 : normalCdf((s.min - s.mean) / s.sd);
    const fb = s.max === undefined ? 1 : normalCdf((s.max - s.mean) / s.sd);
    return (x) => {
      if (s.min !== undefined && x <= s.min) return 0;
      if (s.max !== undefined && x >= s.max) return 1;
      return (normalCdf((x - s.mean) / s.sd) - fa) / (fb - fa);
    };
  },
  remaining(s, _d, rng, t) {
    const lower = Math.max(s.min ?? -Infinity, t);
    const upper = s.max ?? Infinity;
    if (lower >= upper) return 0;
    const z = truncatedStandardNormal(rng, (lower - s.mean) / s.sd, (upper - s.mean) / s.sd);
    return Math.min(upper, Math.max(lower, s.mean + s.sd * z)) - t;
  },
};
