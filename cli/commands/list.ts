import { BUILTIN_SCENARIOS } from '../../scenarios/index.js';
import { EXIT } from '../exit-codes.js';

/** `list`: the built-in scenarios with their one-line summaries; the first is the default. */
export function listCommand(): number {
  const width = Math.max(...BUILTIN_SCENARIOS.map((s) => s.name.length));
  const lines = BUILTIN_SCENARIOS.map((s, i) => `  ${s.name.padEnd(width)}  ${s.summary}${i === 0 ? ' (default)' : ''}`);
  process.stdout.write(`Built-in scenarios (hospital-twin run <name>):\n${lines.join('\n')}\n`);
  return EXIT.ok;
}
