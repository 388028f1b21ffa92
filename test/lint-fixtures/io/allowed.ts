// lint-expect: clean
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from './write-file-atomic.js';
export const parts = [readFile, writeFileAtomic];
