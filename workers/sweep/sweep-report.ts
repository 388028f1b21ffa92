/** The sweep's final tables: figures per point with intervals, and the ranking, as JSON and CSV. */
import { csvCell } from '../../scenarios/index.js';
import { summariseReplications, type FigureSummary } from '../../sim-core/index.js';
import type { SweepPlan } from './plan-sweep.js';
import { rankPoints, type Ranking } from './rank-points.js';
import type { PointRecord } from './results-log.js';

export interface SweepReport {
  name: string;
  seed: number | string;
  replications: number;
  parameters: string[];
  points: { id: string; key: string; values: Record<string, unknown>; figures: Record<string, FigureSummary> }[];
  ranking?: Ranking;
}

/** The report from the plan and one record per point (by key). */
export function buildReport(plan: SweepPlan, records: ReadonlyMap<string, PointRecord>): SweepReport {
  const points = plan.points.map((p) => {
    const record = records.get(p.key);
    if (!record) throw new Error(`buildReport: point ${p.id} has no results`);
    return { point: p, record };
  });
  const report: SweepReport = {
    name: plan.name,
    seed: plan.seed,
    replications: plan.replications,
    parameters: plan.parameters,
    points: points.map(({ point, record }) => ({ id: point.id, key: point.key, values: point.values, figures: summarise(record) })),
  };
  if (plan.rank)
    report.ranking = rankPoints(
      points.map(({ point, record }) => ({ id: point.id, figures: record.figures })),
      plan.rank,
    );
  return report;
}

/** Figure summaries from per-replication columns. */
function summarise(record: PointRecord): Record<string, FigureSummary> {
  const rows: Record<string, number>[] = Array.from({ length: record.replications }, () => ({}));
  for (const [id, values] of Object.entries(record.figures))
    values.forEach((v, i) => rows[i] && Object.defineProperty(rows[i], id, { value: v, enumerable: true }));
  return summariseReplications(rows);
}

/** One row per point × figure: point, each parameter, figure, mean, ci95_low, ci95_high, n. */
export function reportCsv(report: SweepReport): string {
  const lines = [['point', ...report.parameters, 'figure', 'mean', 'ci95_low', 'ci95_high', 'n'].map(csvField).join(',')];
  for (const p of report.points) {
    const values = report.parameters.map((path) => (Object.hasOwn(p.values, path) ? p.values[path] : ''));
    for (const [figure, s] of Object.entries(p.figures)) {
      lines.push([p.id, ...values, figure, s.mean, s.ci95[0], s.ci95[1], s.n].map(csvField).join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The report as JSON; NaN (an undefined figure or interval) is written as null. */
export function reportJson(report: SweepReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

function csvField(v: unknown): string {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  return csvCell(text);
}
