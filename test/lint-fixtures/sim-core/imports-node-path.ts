// lint-expect: no-restricted-imports
import { join } from 'node:path';
export const joined = join('a', 'b');
