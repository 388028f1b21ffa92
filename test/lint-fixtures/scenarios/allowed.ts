// lint-expect: clean
import { EventCalendar } from '../sim-core/index.js';
import { parseScenario } from './load.js';
export const parts = [EventCalendar, parseScenario];
