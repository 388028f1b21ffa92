import type { RandomStream } from '../stream.js';
import { standardNormal } from './normal-sampler.js';

/**
 * A standard normal draw restricted to [a, b] (a < b; b may be +Infinity), exact
 * for any bounds however far in the tail, by Robert's rejection samplers
 * (C. P. Robert, "Simulation of truncated normal variables", Statistics and
 * Computing 5, 1995): plain rejection when the interval holds much of the mass,
 * a uniform proposal on a short interval, a translated exponential proposal with
 * the optimal rate α* = (a + √(a² + 4)) / 2 on a long one in the right tail.
 */
export function truncatedStandardNormal(rng: RandomStream, a: number, b: number): number {
  if (b <= 0) return -truncatedStandardNormal(rng, -b, -a); // the mirror of the right tail
  if (a <= 0) {
    // 0 is inside: normal rejection keeps at least Φ(min(b, |a|))-ish mass when the interval is long.
    if (b - a >= Math.sqrt(2 * Math.PI)) {
      for (;;) {
        const z = standardNormal(rng);
        if (z >= a && z <= b) return z;
      }
    }
    for (;;) {
      const z = a + (b - a) * rng.nextDouble();
      if (1 - rng.nextDouble() <= Math.exp((-z * z) / 2)) return z;
    }
  }
  // 0 < a < b: the right tail.
  const root = Math.sqrt(a * a + 4);
  const alpha = (a + root) / 2;
  const exponentialIsBetter = b - a > ((2 * Math.sqrt(Math.E)) / (a + root)) * Math.exp((a * a - a * root) / 4);
  if (exponentialIsBetter) {
    for (;;) {
      const z = a - Math.log(1 - rng.nextDouble()) / alpha;
      const d = z - alpha;
      if (z <= b && 1 - rng.nextDouble() <= Math.exp((-d * d) / 2)) return z;
    }
  }
  for (;;) {
    const z = a + (b - a) * rng.nextDouble();
    if (1 - rng.nextDouble() <= Math.exp((a * a - z * z) / 2)) return z;
  }
}
