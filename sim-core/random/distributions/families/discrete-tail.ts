import type { RandomStream } from '../../stream.js';

/** One of the values above t, with probability proportional to its weight (equal if none): X − t given X > t for a discrete family. */
export function discreteTail(values: readonly number[], weights: readonly number[] | undefined, rng: RandomStream, t: number): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! > t) total += weights?.[i] ?? 1;
  if (!(total > 0)) return 0;
  let u = rng.nextDouble() * total;
  let last = t;
  for (let i = 0; i < values.length; i++) {
    if (!(values[i]! > t)) continue;
    last = values[i]!;
    u -= weights?.[i] ?? 1;
    if (u < 0) break;
  }
  return last - t;
}
