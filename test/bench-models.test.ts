/**
 * The benchmark's M/M/1 models must be the model they claim to be before
 * their speeds are compared: the kernel's (through the public API) and the
 * bare loop's mean waits agree with theory, Wq = ρ / (μ − λ), within 95%
 * confidence intervals over independent replications.
 */
import { describe, expect, it } from 'vitest';
import { mm1BareLoop } from '../bench/mm1-bare-loop.js';
import { mm1Kernel } from '../bench/mm1-kernel.js';
import { meanConfidenceInterval } from '../sim-core/index.js';

const LAMBDA = 0.7;
const MU = 1;
const THEORY = LAMBDA / MU / (MU - LAMBDA); // 2.333 minutes

describe('benchmark M/M/1 models', () => {
  for (const [name, run] of [
    ['kernel through the public API', (r: number) => mm1Kernel(LAMBDA, MU, 500, 20_000 / LAMBDA, String(r))],
    ['bare loop', (r: number) => mm1BareLoop(LAMBDA, MU, 500, 20_000 / LAMBDA, String(r))],
  ] as const) {
    it(`${name}: mean wait in queue agrees with theory at utilisation 0.7`, () => {
      const waits: number[] = [];
      let patients = 0;
      for (let r = 1; r <= 40; r++) {
        const out = run(r);
        waits.push(out.meanWait);
        patients += out.patients;
      }
      const ci = meanConfidenceInterval(waits, 0.95);
      expect(ci.mean - ci.halfWidth).toBeLessThanOrEqual(THEORY);
      expect(ci.mean + ci.halfWidth).toBeGreaterThanOrEqual(THEORY);
      // About λ × horizon patients each: the model ran as long as asked.
      expect(patients / 40).toBeGreaterThan(19_000);
      expect(patients / 40).toBeLessThan(21_000);
    });
  }
});
