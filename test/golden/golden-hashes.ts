/**
 * Golden hashes of every built-in scenario: SHA-256 of the full event trace of
 * replication 1, and of the figures of replications 1-3 as JSON. A change to
 * the kernel, the compiler or a built-in that moves any number moves a hash;
 * such a change updates `golden-hashes.json` in the same commit and says why.
 */
import { createHash } from 'node:crypto';
import { runHospital, TraceBuffer, type TraceData } from '../../sim-core/index.js';
import { BUILTIN_SCENARIOS, compileScenario, parseScenario } from '../../scenarios/index.js';

export interface GoldenHashes {
  /** SHA-256 of replication 1's trace: its columns' bytes and its name tables. */
  trace: string;
  /** Number of trace rows, so a mismatch says whether rows were added or changed. */
  traceRows: number;
  /** SHA-256 of JSON.stringify of replications 1-3's figures, keys sorted. */
  figures: string;
}

export function hashTrace(trace: TraceData): string {
  const h = createHash('sha256');
  h.update(new Uint8Array(trace.time.buffer, trace.time.byteOffset, trace.length * 8));
  h.update(new Uint8Array(trace.entity.buffer, trace.entity.byteOffset, trace.length * 4));
  h.update(new Uint8Array(trace.what.buffer, trace.what.byteOffset, trace.length * 4));
  h.update(new Uint8Array(trace.where.buffer, trace.where.byteOffset, trace.length * 4));
  h.update(JSON.stringify(trace.whatNames));
  h.update(JSON.stringify(trace.whereNames));
  return h.digest('hex');
}

function sortedFigures(figures: Record<string, number>): [string, number][] {
  return Object.keys(figures)
    .sort()
    .map((k) => [k, figures[k]!]);
}

export function goldenHashesOf(name: string): GoldenHashes {
  const builtin = BUILTIN_SCENARIOS.find((s) => s.name === name);
  if (!builtin) throw new Error(`no built-in scenario "${name}"`);
  return goldenHashesOfDocument(builtin.document, name);
}

/** The same hashes for any scenario document (a built-in written another way must give its built-in's). */
export function goldenHashesOfDocument(document: unknown, name: string): GoldenHashes {
  const scenario = parseScenario(document, name);
  const model = compileScenario(scenario);
  const trace = new TraceBuffer();
  const first = runHospital(model, { seed: scenario.seed, replication: 1, trace });
  const data = trace.toData();
  const figures = [sortedFigures(first.figures)];
  for (const replication of [2, 3]) figures.push(sortedFigures(runHospital(model, { seed: scenario.seed, replication }).figures));
  return {
    trace: hashTrace(data),
    traceRows: data.length,
    figures: createHash('sha256').update(JSON.stringify(figures)).digest('hex'),
  };
}

export function allGoldenHashes(): Record<string, GoldenHashes> {
  const out: Record<string, GoldenHashes> = {};
  for (const { name } of BUILTIN_SCENARIOS) out[name] = goldenHashesOf(name);
  return out;
}
