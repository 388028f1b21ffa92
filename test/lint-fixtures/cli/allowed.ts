// lint-expect: clean
import { serve } from '../live/index.js';
import { NodeWorkerPool } from '../workers/node.js';
import { compareResults } from '../workers/index.js';
import { calibrate } from '../calibration/index.js';
import { parseScenario } from '../scenarios/index.js';
import { EventCalendar } from '../sim-core/index.js';
import { writeFileAtomic } from '../io/index.js';
export const parts = [serve, NodeWorkerPool, compareResults, calibrate, parseScenario, EventCalendar, writeFileAtomic];
