/**
 * Closed-form results of queueing theory the kernel is checked against.
 * Rates are per minute; lambda = arrival rate, mu = service rate per server.
 */

/** Erlang B: blocking probability of M/M/c/c with offered load a = lambda/mu (stable recursion B(k) = a B(k-1) / (k + a B(k-1))). */
export function erlangB(servers: number, offeredLoad: number): number {
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (offeredLoad * b) / (k + offeredLoad * b);
  return b;
}

/** Erlang C: probability that an arrival waits in M/M/c, C = c B / (c - a (1 - B)). */
export function erlangC(servers: number, offeredLoad: number): number {
  if (offeredLoad >= servers) return 1;
  const b = erlangB(servers, offeredLoad);
  return (servers * b) / (servers - offeredLoad * (1 - b));
}

export interface MMcFigures {
  /** P(wait > 0) */
  probabilityOfWait: number;
  /** Mean wait in queue */
  wq: number;
  /** Mean time in system */
  w: number;
  /** Mean number waiting */
  lq: number;
  /** Mean number in system */
  l: number;
}

/** M/M/c: Wq = C / (c mu - lambda), W = Wq + 1/mu, Lq = lambda Wq, L = lambda W (Little). */
export function mmc(lambda: number, mu: number, servers: number): MMcFigures {
  const a = lambda / mu;
  if (a >= servers) throw new Error(`M/M/c unstable: offered load ${a} >= ${servers} servers`);
  const c = erlangC(servers, a);
  const wq = c / (servers * mu - lambda);
  const w = wq + 1 / mu;
  return { probabilityOfWait: c, wq, w, lq: lambda * wq, l: lambda * w };
}

/** M/G/1, Pollaczek–Khinchine: Wq = lambda E[S^2] / (2 (1 - rho)), with E[S^2] = Var S + (E S)^2. */
export function mg1(lambda: number, serviceMean: number, serviceVariance: number): MMcFigures {
  const rho = lambda * serviceMean;
  if (rho >= 1) throw new Error(`M/G/1 unstable: rho ${rho}`);
  const secondMoment = serviceVariance + serviceMean * serviceMean;
  const wq = (lambda * secondMoment) / (2 * (1 - rho));
  const w = wq + serviceMean;
  return { probabilityOfWait: rho, wq, w, lq: lambda * wq, l: lambda * w };
}

/**
 * Jackson network traffic equations: lambda_j = gamma_j + sum_i lambda_i P[i][j],
 * solved by fixed-point iteration (converges for an open network).
 */
export function jacksonArrivalRates(external: readonly number[], routing: readonly (readonly number[])[]): number[] {
  const n = external.length;
  let rates = [...external];
  for (let iter = 0; iter < 10_000; iter++) {
    const next = external.map((g, j) => g + rates.reduce((s, li, i) => s + li * (routing[i]?.[j] ?? 0), 0));
    const delta = Math.max(...next.map((x, j) => Math.abs(x - rates[j]!)));
    rates = next;
    if (delta < 1e-14) break;
  }
  if (rates.length !== n) throw new Error('jackson: size mismatch');
  return rates;
}
