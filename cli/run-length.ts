/**
 * `--days N` and `--warmup D` as `run` and `export-log` take them: the
 * scenario with its horizon and warm-up replaced, refused (by option name)
 * when the warm-up would not be shorter than the horizon.
 */
import type { Scenario } from '../scenarios/index.js';
import { UsageError } from './exit-codes.js';

/** `warmup` "auto" (run only) leaves the warm-up to be found later; the horizon is still checked against nothing then. */
export function withRunLength(scenario: Scenario, days: number | undefined, warmup: number | 'auto' | undefined): Scenario {
  let s = scenario;
  if (days !== undefined) {
    const w = typeof warmup === 'number' ? warmup : s.warmupDays;
    if (warmup !== 'auto' && w >= days) throw new UsageError(`--days ${days}: must be longer than the warm-up (${w} days), as a scenario's horizonDays must`);
    s = { ...s, horizonDays: days };
  }
  if (typeof warmup === 'number') {
    if (warmup >= s.horizonDays) throw new UsageError(`--warmup: must be shorter than the scenario's horizon (${s.horizonDays} days), got ${warmup}`);
    s = { ...s, warmupDays: warmup };
  }
  return s;
}
