/**
 * M/M/c by a bare hand-written event loop: the yardstick for the kernel on a
 * deep calendar (with c = 1,000 servers about 900 departures are pending at
 * once). The same loop as `mm1-bare-loop.ts` with a count of busy servers in
 * place of a flag: a binary heap in typed arrays, a FIFO ring buffer, Alea.
 */
import seedrandom from 'seedrandom';
import type { BareLoopResult } from './mm1-bare-loop.js';

const ARRIVAL = 0;
const DEPARTURE = 1;

/** Runs `warmup` minutes, then measures the wait in queue of patients who arrive until `warmup + horizon`. */
export function mmcBareLoop(lambda: number, mu: number, servers: number, warmup: number, horizon: number, seed: string): BareLoopResult {
  const arrivals = seedrandom.alea(`${seed}:arrivals`);
  const services = seedrandom.alea(`${seed}:services`);
  let capacity = 16;
  let times = new Float64Array(capacity);
  let kinds = new Int32Array(capacity);
  let size = 0;
  const push = (t: number, k: number): void => {
    if (size === capacity) {
      capacity *= 2;
      const nt = new Float64Array(capacity);
      nt.set(times);
      times = nt;
      const nk = new Int32Array(capacity);
      nk.set(kinds);
      kinds = nk;
    }
    let i = size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (times[parent]! <= t) break;
      times[i] = times[parent]!;
      kinds[i] = kinds[parent]!;
      i = parent;
    }
    times[i] = t;
    kinds[i] = k;
  };
  let topTime = 0;
  let topKind = 0;
  const pop = (): void => {
    topTime = times[0]!;
    topKind = kinds[0]!;
    const t = times[--size]!;
    const k = kinds[size]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && times[child + 1]! < times[child]!) child++;
      if (times[child]! >= t) break;
      times[i] = times[child]!;
      kinds[i] = kinds[child]!;
      i = child;
    }
    times[i] = t;
    kinds[i] = k;
  };

  let queue = new Float64Array(1024);
  let head = 0;
  let tail = 0;
  let busy = 0;
  const end = warmup + horizon;
  let waitSum = 0;
  let measured = 0;
  let events = 0;
  const exp = (rng: () => number, rate: number): number => -Math.log(1 - rng()) / rate;

  push(exp(arrivals, lambda), ARRIVAL);
  while (size > 0) {
    pop();
    events++;
    const now = topTime;
    if (now > end) break;
    if (topKind === ARRIVAL) {
      push(now + exp(arrivals, lambda), ARRIVAL);
      if (busy < servers) {
        busy++;
        if (now >= warmup) measured++;
        push(now + exp(services, mu), DEPARTURE);
      } else {
        if (tail - head === queue.length) {
          const grown = new Float64Array(queue.length * 2);
          for (let i = 0; i < tail - head; i++) grown[i] = queue[(head + i) % queue.length]!;
          tail -= head;
          head = 0;
          queue = grown;
        }
        queue[tail++ % queue.length] = now;
      }
    } else if (tail > head) {
      const arrived = queue[head++ % queue.length]!;
      if (arrived >= warmup) {
        waitSum += now - arrived;
        measured++;
      }
      push(now + exp(services, mu), DEPARTURE);
    } else {
      busy--;
    }
  }
  return { meanWait: measured > 0 ? waitSum / measured : NaN, patients: measured, events };
}
