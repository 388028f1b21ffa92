// lint-expect: design/import-arrows pastEntry
import { NodeWorkerPool } from '../../workers/node.js';
export const pool = NodeWorkerPool;
