import { describe, expect, it } from 'vitest';
import { erlangB, erlangC, jacksonArrivalRates, mg1, mmc } from './queueing-theory.js';

describe('queueing formulas used as the yardstick', () => {
  it('Erlang B matches the published table', () => {
    // Erlang B tables: c=10, a=5 -> 0.01838; c=40, a=30 -> 0.01441 (Tijms, A First Course in Stochastic Models, and online Erlang B tables).
    expect(erlangB(10, 5)).toBeCloseTo(0.018385, 5);
    expect(erlangB(40, 30)).toBeCloseTo(0.014409, 4);
    expect(erlangB(1, 1)).toBeCloseTo(0.5, 12);
  });

  it('Erlang C matches the hand-computed value', () => {
    // c=2, a=1: B = (1/2)/(1+1+1/2) = 0.2, C = 2*0.2/(2 - 1*0.8) = 1/3.
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
    // M/M/1: C = rho.
    expect(erlangC(1, 0.9)).toBeCloseTo(0.9, 12);
  });

  it('M/M/1 and M/G/1 agree where they must', () => {
    // M/M/1, rho=0.9, mu=1: Wq = rho/(mu-lambda) = 9; P-K with exponential service (Var=1) gives the same.
    expect(mmc(0.9, 1, 1).wq).toBeCloseTo(9, 10);
    expect(mg1(0.9, 1, 1).wq).toBeCloseTo(9, 10);
    // M/D/1 waits half as long as M/M/1.
    expect(mg1(0.9, 1, 0).wq).toBeCloseTo(4.5, 10);
  });

  it('Jackson traffic equations solve a feedback loop', () => {
    // One station feeding back to itself with p=0.5: lambda = gamma / (1 - 0.5).
    expect(jacksonArrivalRates([1], [[0.5]])[0]).toBeCloseTo(2, 10);
  });
});
