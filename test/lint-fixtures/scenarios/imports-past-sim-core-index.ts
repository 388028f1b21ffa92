// lint-expect: design/import-arrows pastEntry
import { EventCalendar } from '../sim-core/calendar.js';
export const calendar = EventCalendar;
