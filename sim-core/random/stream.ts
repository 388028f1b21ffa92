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
  // seedrandom seeds Baagoe's Alea (its string mixing is the reference); the
  // draws themselves are stepped below, number for number the same.
  const seeded = seedrandom.alea(hashSeed(`${String(masterSeed)}\u0000${name}`), { state: true }).state();
  return new AleaStream(seeded.s0, seeded.s1, seeded.s2, seeded.c);
}

/**
 * Baagoe's Alea generator, stepped exactly as seedrandom's `alea` does (its
 * `next` and `double`), as a class: every stream then shares one compiled
 * `next`, where seedrandom makes new closures for each stream of each
 * replication, which V8 optimises again and again in worker threads (measured:
 * compiling took a fifth of a worker's time). The test in random.test.ts draws
 * both side by side.
 */
class AleaStream implements RandomStream {
  constructor(
    private s0: number,
    private s1: number,
    private s2: number,
    private c: number,
  ) {}

  next(): number {
    const t = 2091639 * this.s0 + this.c * 2.3283064365386963e-10; // 2^-32
    this.s0 = this.s1;
    this.s1 = this.s2;
    this.c = t | 0;
    return (this.s2 = t - this.c);
  }

  nextDouble(): number {
    return this.next() + ((this.next() * 0x200000) | 0) * 1.1102230246251565e-16; // 2^-53
  }
}
