/**
 * The exact transient analysis of one doctor's session (Bailey 1952; measures as Cayirli & Veral 2003):
 * exponential consultations of mean m, punctual patients, independent no-shows p, FIFO. The number in the
 * clinic just after each slot's arrivals is a Markov chain; between slots the doctor completes
 * min(n, Poisson(d/m)) consultations. Expected wait of an arrival who finds j ahead: j·m (memoryless);
 * expected idle time in a gap of d that starts with n in: d - m·Σ_{k<n} P(N(d) ≥ k+1); expected overrun:
 * the number still in at the planned end times m.
 *
 * A doctor who comes a fixed `late` minutes after the session's start serves no one before then: the
 * gaps (or their parts) before `late` complete no consultation and count as idle whatever the queue, and
 * an arrival at t < late waits (late - t) more. From `late` on the chain runs as before, started with the
 * first slots' arrivals all queued and `late` minutes less service.
 */

/** P(Poisson(lambda) = k) for k = 0..n. */
export function poissonPmf(lambda: number, n: number): number[] {
  const out = [Math.exp(-lambda)];
  for (let k = 1; k <= n; k++) out.push((out[k - 1]! * lambda) / k);
  return out;
}

function binomialPmf(n: number, q: number): number[] {
  const out: number[] = [];
  let c = 1;
  for (let k = 0; k <= n; k++) {
    out.push(c * q ** k * (1 - q) ** (n - k));
    c = (c * (n - k)) / (k + 1);
  }
  return out;
}

/**
 * Expected mean wait (per patient who comes), doctor idle and overrun per session, for `count` booked
 * at each `offset` of a session `length` long, the doctor `late` minutes late (below `length`).
 */
export function exactSession(
  slots: readonly { offset: number; count: number }[],
  length: number,
  m: number,
  p: number,
  late = 0,
): { wait: number; idle: number; overrun: number } {
  if (!(late >= 0 && late < length)) throw new RangeError(`the doctor's lateness must be from 0 to below the session's ${length} minutes, got ${late}`);
  const max = slots.reduce((s, x) => s + x.count, 0);
  let dist = new Array<number>(max + 1).fill(0);
  dist[0] = 1;
  let totalWait = 0;
  let idle = 0;
  slots.forEach((slot, k) => {
    const gapEnd = k + 1 < slots.length ? slots[k + 1]!.offset : length;
    // The part of the gap before the doctor comes: no consultation, all idle.
    const away = Math.max(0, Math.min(late, gapEnd) - slot.offset);
    const d = gapEnd - slot.offset - away;
    idle += away;
    const untilDoctor = Math.max(0, late - slot.offset);
    const pois = poissonPmf(d / m, max + 1);
    const tail = (j: number): number => 1 - pois.slice(0, j).reduce((s, x) => s + x, 0); // P(N(d) >= j)
    const arrivals = binomialPmf(slot.count, 1 - p);
    const after = new Array<number>(max + 1).fill(0);
    dist.forEach((pn, n) => {
      if (pn === 0) return;
      arrivals.forEach((pa, a) => {
        for (let i = 0; i < a; i++) totalWait += pn * pa * (untilDoctor + (n + i) * m);
        after[n + a]! += pn * pa;
      });
    });
    const next = new Array<number>(max + 1).fill(0);
    after.forEach((pn, n) => {
      if (pn === 0) return;
      let served = 0;
      for (let j = 0; j < n; j++) served += tail(j + 1);
      idle += pn * (d - m * served);
      for (let j = 1; j <= n; j++) next[j]! += pn * pois[n - j]!;
      next[0]! += pn * tail(n);
    });
    dist = next;
  });
  const overrun = dist.reduce((s, pn, n) => s + pn * n * m, 0);
  return { wait: totalWait / (max * (1 - p)), idle, overrun };
}
