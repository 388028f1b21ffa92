/**
 * A figure made of others, replication by replication (patients waiting in the
 * ED = the sum of the ED's queues; bed occupancy = beds occupied / beds), with
 * its 95% interval across replications like every other figure.
 */
import { summariseReplications, type FigureSummary } from '../sim-core/index.js';

export function combinedFigure(
  perReplication: ReadonlyArray<{ figures: Readonly<Record<string, number>> }>,
  ids: readonly string[],
  scale = 1,
): FigureSummary | null {
  const present = ids.filter((id) => perReplication.some((r) => id in r.figures));
  if (present.length === 0) return null;
  const rows = perReplication.map((r) => ({ value: scale * present.reduce((s, id) => s + (r.figures[id] ?? NaN), 0) }));
  return summariseReplications(rows).value ?? null;
}
