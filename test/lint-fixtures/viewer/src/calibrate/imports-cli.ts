// lint-expect: design/import-arrows notAnArrow
import { csvLine } from '../../../cli/csv.js';
export const line = csvLine;
