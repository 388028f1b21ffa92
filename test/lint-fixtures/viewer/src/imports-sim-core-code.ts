// lint-expect: design/import-arrows typesOnly
import { EventCalendar } from '../../sim-core/index.js';
export const calendar = EventCalendar;
