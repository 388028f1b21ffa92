import { studentTQuantile } from '../../sim-core/index.js';

/** A mean with its standard error and 95% interval, over n independent values (one per forecast). */
export interface Estimate {
  value: number;
  se: number;
  ci95: [number, number];
  n: number;
}

/**
 * Mean, standard error s/√n and Student-t 95% interval of independent values
 * (NaN ones left out). Scores of one forecast's hours move together, so each
 * forecast gives one value and the error is counted over forecasts.
 * @example meanAndSe([1, 2, 3]) // value 2, se 1/√3 ≈ 0.577, ci95 2 ± 4.303 × 0.577
 */
export function meanAndSe(values: ArrayLike<number>): Estimate {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i]!)) continue;
    n++;
    sum += values[i]!;
  }
  if (n === 0) return { value: NaN, se: NaN, ci95: [NaN, NaN], n: 0 };
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) squares += (values[i]! - mean) ** 2;
  const se = n > 1 ? Math.sqrt(squares / (n - 1) / n) : NaN;
  const half = n > 1 ? studentTQuantile(0.975, n - 1) * se : NaN;
  return { value: mean, se, ci95: [mean - half, mean + half], n };
}
