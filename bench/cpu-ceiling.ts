/**
 * What speed-up this machine gives at all: the same busy arithmetic loop (no
 * memory traffic, no allocation) on one worker thread, then on one per core at
 * once. On shared or virtual machines the cores are not all one's own, and this
 * ceiling is well below the number of cores; the model's speed-up is read
 * against it.
 */
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';

const LOOP = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (n) => {
  let x = 1;
  for (let i = 0; i < n; i++) x = (x * 48271) % 2147483647;
  parentPort.postMessage(x);
});`;

function spin(worker: Worker, iterations: number): Promise<unknown> {
  return new Promise((resolve) => {
    worker.once('message', resolve);
    worker.postMessage(iterations);
  });
}

/** Speed-up of `cores` threads over one, on a loop of about `seconds` seconds per thread. */
export async function cpuCeilingSpeedUp(cores: number, seconds = 3): Promise<number> {
  const workers = Array.from({ length: cores }, () => new Worker(LOOP, { eval: true }));
  try {
    await Promise.all(workers.map((w) => spin(w, 1e7))); // warm the JIT
    const t0 = performance.now();
    await spin(workers[0]!, 1e7);
    const perIteration = (performance.now() - t0) / 1e7;
    const n = Math.round((seconds * 1000) / perIteration);
    let one = 0;
    let all = 0;
    for (let round = 0; round < 2; round++) {
      const t1 = performance.now();
      await spin(workers[0]!, n);
      const t2 = performance.now();
      await Promise.all(workers.map((w) => spin(w, n)));
      one += t2 - t1;
      all += performance.now() - t2;
    }
    return (cores * one) / all;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
