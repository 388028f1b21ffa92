import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { NodeWorkerPool } from './node-pool.js';

/** A fresh worker's new space in bytes, as V8 reports it the moment the worker starts. */
async function newSpaceOfFreshWorker(): Promise<number> {
  const worker = new Worker(
    `const v8 = require('node:v8');
     require('node:worker_threads').parentPort.postMessage(v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size);`,
    { eval: true },
  );
  try {
    const [size] = (await once(worker, 'message')) as [number];
    return size;
  } finally {
    await worker.terminate();
  }
}

describe("worker threads' young generation (docs/speed.md, where a worker's overhead went)", () => {
  it('starts at full size once a pool exists, so a worker that waited does not run its next replications with a small one', async () => {
    // V8 alone starts a heap at 1 MB semi-spaces (and shrinks it back there while the thread waits).
    const pool = new NodeWorkerPool(1);
    try {
      expect(await newSpaceOfFreshWorker()).toBeGreaterThanOrEqual(16 * 1024 * 1024);
    } finally {
      await pool.close();
    }
  });
});
