import { availableParallelism } from 'node:os';
import { InvalidArgumentError } from 'commander';
import { INPUT_LIMITS, MAX_HORIZON_DAYS, shortValue } from '../scenarios/index.js';

/** The schema's own cap on replications. */
const MAX_REPLICATIONS = 100_000;

/** `--replications N`: a whole number from 1 to 100000. */
export function parseReplications(text: string): number {
  const n = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(n) || n < 1 || n > MAX_REPLICATIONS) {
    throw new InvalidArgumentError(`must be a whole number from 1 to ${MAX_REPLICATIONS}, got "${text}"`);
  }
  return n;
}

/**
 * `--workers N`: a whole number of threads from 1 to a few per core (each
 * thread holds its own copy of the model: 256 threads on 2 cores took 6 GB and
 * ran no faster).
 */
export function parseWorkers(text: string): number {
  const cores = availableParallelism();
  const n = Number(text);
  const max = INPUT_LIMITS.workersPerCore * cores;
  if (!/^\s*\d+\s*$/.test(text) || n < 1 || n > max) {
    throw new InvalidArgumentError(
      `must be a whole number from 1 to ${max} (${INPUT_LIMITS.workersPerCore} per core, ${cores} cores here), got ${shortValue(text)}`,
    );
  }
  return n;
}

/**
 * `--seed S`: a whole number, or a name (as a scenario's `seed` may be). A
 * number with a fraction or exponent is refused rather than read as a name.
 */
export function parseSeed(text: string): number | string {
  const t = text.trim();
  if (/^-?\d+$/.test(t)) {
    const n = Number(t);
    if (!Number.isSafeInteger(n)) throw new InvalidArgumentError(`must be a whole number within ±${Number.MAX_SAFE_INTEGER} or a name, got "${text}"`);
    return n;
  }
  if (t === '' || /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t) || /^[-+]?(Infinity|NaN)$/.test(t)) {
    throw new InvalidArgumentError(`must be a whole number or a name, got "${text}"`);
  }
  return t;
}

/** `--days N`: the days measured after the warm-up, a whole number from 1 to the scenario's own limit (MAX_HORIZON_DAYS). */
export function parseDays(text: string): number {
  const n = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(n) || n < 1 || n > MAX_HORIZON_DAYS) {
    throw new InvalidArgumentError(`must be a whole number of days from 1 to ${MAX_HORIZON_DAYS}, got ${shortValue(text)}`);
  }
  return n;
}
