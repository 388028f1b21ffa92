/**
 * Two wards of c beds pooled by outlying, solved exactly: patients of ward A
 * arrive at rate lambda, take a bed in A if one is free, else one in B (an
 * outlier), else wait (or are turned away, with no waiting room) and take the
 * first bed freed in either; ward B's patients alike; stays exponential with
 * rate mu. The state (beds busy in A, in B, patients waiting) is a
 * continuous-time Markov chain (Monks et al. 2016 treat pooled stroke beds as
 * one M/M/c-type system the same way); its stationary distribution, solved
 * here by Gaussian elimination, gives what an arrival sees (PASTA).
 */

export interface PooledWards {
  /** P(an arrival waits): Erlang C with 2c beds and load 2 lambda / mu when waiting is allowed. */
  pWait: number;
  /** P(an arrival is turned away): Erlang B with 2c beds, with no waiting room. */
  loss: number;
  /** Of the stays begun (arrivals admitted), the share in the other ward. */
  outliedShare: number;
}

/** `waitingRoom`: most patients who may wait (0: a loss system); the chain is cut there (keep it large for "unlimited"). */
export function pooledWards(c: number, lambda: number, mu: number, waitingRoom: number): PooledWards {
  const index = new Map<string, number>();
  const states: [number, number, number][] = [];
  const add = (i: number, j: number, q: number): void => {
    index.set(`${i},${j},${q}`, states.length);
    states.push([i, j, q]);
  };
  for (let i = 0; i <= c; i++) for (let j = 0; j <= c; j++) add(i, j, 0);
  for (let q = 1; q <= waitingRoom; q++) add(c, c, q);
  const n = states.length;
  // Generator Q (row: from, column: to); pi Q = 0.
  const Q = Array.from({ length: n }, () => new Float64Array(n));
  const rate = (from: number, to: [number, number, number], r: number): void => {
    if (r === 0) return;
    const k = index.get(to.join(','))!;
    Q[from]![k]! += r;
    Q[from]![from]! -= r;
  };
  states.forEach(([i, j, q], s) => {
    // An arrival of either ward: its own, else the other, else the line (if there is room).
    for (const own of [0, 1]) {
      const mine = own === 0 ? i : j;
      const other = own === 0 ? j : i;
      if (mine < c) rate(s, own === 0 ? [i + 1, j, 0] : [i, j + 1, 0], lambda);
      else if (other < c) rate(s, own === 0 ? [i, j + 1, 0] : [i + 1, j, 0], lambda);
      else if (q < waitingRoom) rate(s, [c, c, q + 1], lambda);
    }
    // A discharge: the first waiting patient takes the bed, else it stays empty.
    if (q > 0) rate(s, [c, c, q - 1], (i + j) * mu);
    else {
      rate(s, [i - 1, j, 0], i * mu);
      rate(s, [i, j - 1, 0], j * mu);
    }
  });
  const pi = stationary(Q);
  let full = 0;
  let ownFull = 0;
  states.forEach(([i, j], s) => {
    if (i === c && j === c) full += pi[s]!;
    else if (i === c) ownFull += pi[s]!;
  });
  const atCut = waitingRoom > 0 ? pi[index.get(`${c},${c},${waitingRoom}`)!]! : full;
  // An arrival of ward A is an outlier if A is full and B is not; or, finding both full and
  // waiting, when the bed it gets is B's: both wards then discharge at rate c mu, so one time in two.
  if (waitingRoom === 0) return { pWait: 0, loss: full, outliedShare: ownFull / (1 - full) };
  return { pWait: full - atCut, loss: atCut, outliedShare: (ownFull + (full - atCut) / 2) / (1 - atCut) };
}

/** Solves pi Q = 0, sum pi = 1 (Gaussian elimination with partial pivoting on Q transposed, one row replaced by the sum). */
function stationary(Q: Float64Array[]): Float64Array {
  const n = Q.length;
  const a = Array.from({ length: n }, (_, r) => {
    const row = new Float64Array(n + 1);
    for (let k = 0; k < n; k++) row[k] = Q[k]![r]!;
    return row;
  });
  a[n - 1]!.fill(1);
  a[n - 1]![n] = 1;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const p = a[col]!;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = a[r]![col]! / p[col]!;
      if (f === 0) continue;
      const row = a[r]!;
      for (let k = col; k <= n; k++) row[k]! -= f * p[k]!;
    }
  }
  return Float64Array.from(a, (row, r) => row[n]! / row[r]!);
}
