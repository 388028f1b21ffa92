// lint-expect: no-restricted-imports
import { Worker } from 'worker_threads';
export const W = Worker;
