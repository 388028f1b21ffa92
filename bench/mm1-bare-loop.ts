/**
 * M/M/1 by a bare hand-written event loop: a binary heap in typed arrays, a
 * FIFO queue as a ring buffer, no kernel. The yardstick for the kernel's
 * overhead: same model, same random number generator (Alea), nothing else.
 */
import seedrandom from 'seedrandom';

const ARRIVAL = 0;
const DEPARTURE = 1;

export interface BareLoopResult {
  meanWait: number;
  patients: number;
  /** Events popped, warm-up included (the unit of `hospital.ratioToBareLoop`). */
  events: number;
}

/** Runs `warmup` minutes, then measures the wait in queue of patients who arrive until `warmup + horizon`. */
export function mm1BareLoop(lambda: number, mu: number, warmup: number, horizon: number, seed: string): BareLoopResult {
  const arrivals = seedrandom.alea(`${seed}:arrivals`);
  const services = seedrandom.alea(`${seed}:services`);
  // Heap of (time, kind); at most two events are ever pending in M/M/1, but keep it general.
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

  // FIFO of arrival times of waiting patients.
  let queue = new Float64Array(1024);
  let head = 0;
  let tail = 0;
  let busy = false;
  const end = warmup + horizon;
  let waitSum = 0;
  let measured = 0;
  const exp = (rng: () => number, rate: number): number => -Math.log(1 - rng()) / rate;

  let events = 0;
  push(exp(arrivals, lambda), ARRIVAL);
  while (size > 0) {
    pop();
    events++;
    const now = topTime;
    if (now > end) break;
    if (topKind === ARRIVAL) {
      push(now + exp(arrivals, lambda), ARRIVAL);
      if (!busy) {
        busy = true;
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
      busy = false;
    }
  }
  return { meanWait: waitSum / measured, patients: measured, events };
}
