// lint-expect: clean
// Its own files, packages, Math and Dates made from a number are all fine.
import seedrandom from 'seedrandom';
import { EventCalendar } from './calendar.js';
import { PRIORITY } from './hospital/../priorities.js';
export const parts = [seedrandom, EventCalendar, PRIORITY];
export const floor = (x: number): number => Math.floor(x);
export const stamp = (ms: number): string => new Date(ms).toISOString();
