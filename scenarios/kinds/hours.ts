import { z } from 'zod';
import { ClockTime, Days } from '../schema/common.js';

/** Hours when something is open, by weekday. `end` before `start` runs past midnight. */
export const Hours = z.strictObject({ days: Days, start: ClockTime, end: ClockTime });
