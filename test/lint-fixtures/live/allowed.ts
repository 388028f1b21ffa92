// lint-expect: clean
import { runForecastParallel } from '../workers/node.js';
import { writeFileAtomic } from '../io/index.js';
import { forecastModel } from '../scenarios/index.js';
import { EventCalendar } from '../sim-core/index.js';
export const parts = [runForecastParallel, writeFileAtomic, forecastModel, EventCalendar];
