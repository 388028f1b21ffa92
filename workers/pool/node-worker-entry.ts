/** A Node worker thread: the same API as the browser's Web Worker, over comlink's Node adapter. */
import { parentPort } from 'node:worker_threads';
import { expose, transfer } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createReplicationApi } from '../replication-api.js';

if (!parentPort) throw new Error('node-worker-entry must run in a worker thread');
// Packed figures are moved to the pool, not copied.
expose(createReplicationApi(transfer), nodeEndpoint(parentPort));
