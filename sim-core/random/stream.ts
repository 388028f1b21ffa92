import seedrandom from 'seedrandom';
import { hashSeed } from './seed-hash.js';

/**
 * A reproducible source of uniform numbers in [0, 1).
 * Never 1, but may be 0: sample `-log(1 - u)`, not `-log(u)`.
 */
export interface RandomStream {
  /** Uniform on [0, 1) with 32 bits of resolution (fast). */
  next(): number;
  /** Uniform on [0, 1) with 53 bits of resolution (for tails that need it). */
  nextDouble(): number;
}

/**
 * The stream for a named source of randomness. It depends only on (master seed,
 * name), so adding or removing another source never shifts this one's numbers:
 * that is what common random numbers across scenarios rest on.
 */
export function createStream(masterSeed: number | string, name: string): RandomStream {
  const prng = seedrandom.alea(hashSeed(`${String(masterSeed)}\u0000${name}`));
  return {
    next: () => prng(),
    nextDouble: () => prng.double(),
  };
}
