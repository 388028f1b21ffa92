// lint-expect: clean
import { compileScenario } from '../scenarios/index.js';
import { EventCalendar } from '../sim-core/index.js';
import { writeFileAtomic } from '../io/index.js';
import { NodeWorkerPool } from './pool/node-pool.js';
export const parts = [compileScenario, EventCalendar, writeFileAtomic, NodeWorkerPool];
