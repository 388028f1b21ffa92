// lint-expect: design/import-arrows pastEntry
import { INPUT_LIMITS } from '../../scenarios/limits.js';
export const limits = INPUT_LIMITS;
