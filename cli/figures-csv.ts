/**
 * The run's figures as two tidy CSV tables:
 * - figures.csv: `id,mean,ci95Low,ci95High,n`, one row per figure (95% Student-t interval across replications);
 * - per-replication.csv: `replication,id,value`, one row per replication and figure.
 * A value that is not a finite number (a mean wait where nobody waited) is an empty field.
 */
import type { ExperimentResult } from '../workers/index.js';
import { csvLine } from './csv.js';

export function figuresCsv(result: ExperimentResult): string {
  let out = csvLine(['id', 'mean', 'ci95Low', 'ci95High', 'n']);
  for (const [id, f] of Object.entries(result.figures)) out += csvLine([id, f.mean, f.ci95[0], f.ci95[1], f.n]);
  return out;
}

export function* perReplicationCsv(result: ExperimentResult): Generator<string> {
  yield csvLine(['replication', 'id', 'value']);
  for (const r of result.perReplication) {
    for (const [id, value] of Object.entries(r.figures)) yield csvLine([r.replication, id, value]);
  }
}
