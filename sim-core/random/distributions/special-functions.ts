import { gammaln } from 'simple-statistics';

/** log Γ(x) for x > 0 (simple-statistics' Lanczos approximation, ~1e-15 relative). */
export function logGamma(x: number): number {
  return gammaln(x);
}
