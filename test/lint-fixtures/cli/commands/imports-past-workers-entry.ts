// lint-expect: design/import-arrows pastEntry
import { NodeWorkerPool } from '../../workers/pool/node-pool.js';
export const pool = NodeWorkerPool;
