/**
 * The terminal report of a run: figures grouped by theme (ED, waits, wards,
 * theatres, imaging, staff, stock, patients, costs), each with its mean over
 * the replications, its 95% confidence interval and its unit.
 */
import type { Scenario } from '../scenarios/index.js';
import type { ExperimentResult } from '../workers/index.js';
import { shownInterval } from '../scenarios/index.js';
import { inCostPerCaseReport, renderCostPerCase } from './cost-per-case-report.js';
import { orderFigures, SECTIONS, type FigureContext, type SectionId } from './figure-catalogue.js';
import { decimalsFor, formatNumber, UNIT_SUFFIX } from './number-format.js';
import { renderBlocks, type TableBlock } from './text-table.js';

export interface RunReportOptions {
  /** Replications asked for; fewer finished if the run was interrupted. */
  requested: number;
}

export function renderRunReport(result: ExperimentResult, scenario: Scenario, ctx: FigureContext, o: RunReportOptions): string {
  const lines: string[] = [];
  lines.push(`${scenario.name}${scenario.description ? `: ${scenario.description}` : ''}`);
  lines.push(
    `${result.replications} replication${result.replications === 1 ? '' : 's'}, seed ${JSON.stringify(result.seed)}; ` +
      `${scenario.horizonDays} days measured from ${scenario.start}` +
      (scenario.warmupDays > 0 ? ` after a ${scenario.warmupDays}-day warm-up` : '') +
      '.',
  );
  if (result.replications < o.requested) {
    lines.push(`Interrupted: ${result.replications} of ${o.requested} replications finished; the figures are from those.`);
  }
  lines.push(
    `Each figure: mean over replications, then its 95% confidence interval. Counts, hours and costs are totals over the ${scenario.horizonDays} days.`,
  );

  const replicationsOf = (id: string): number[] => result.perReplication.map((r) => r.figures[id] ?? NaN);
  const hidden: string[] = [];
  let census = 0;
  let clipped = 0;
  const bySection = new Map<SectionId, string[][]>();
  let lastKey = '';
  for (const { id, info } of orderFigures(Object.keys(result.figures), ctx)) {
    const f = result.figures[id]!;
    // Census by hour is 24 rows a ward: in --json and --csv, not here; cost per case has its own tables.
    if (info.section === 'census') {
      census++;
      continue;
    }
    if (info.section === 'casemix' && inCostPerCaseReport(id)) continue;
    if (info.quietWhenZero && replicationsOf(id).every((v) => v === 0)) {
      hidden.push(id);
      continue;
    }
    const key = `${info.section}\u0000${info.subject}`;
    const subject = key === lastKey ? '' : info.subject;
    lastKey = key;
    const d = decimalsFor(info.unit, Math.max(Math.abs(f.mean), Math.abs(f.ci95[0]), Math.abs(f.ci95[1])));
    const mean = f.n === 0 ? 'no data' : formatNumber(f.mean, info.unit, d);
    const shown = shownInterval(info, f.ci95);
    if (f.n >= 2 && shown.clippedAtZero) clipped++;
    const ci =
      f.n >= 2
        ? `${formatNumber(shown.lo, info.unit, d)} to ${formatNumber(shown.hi, info.unit, d)}${shown.clippedAtZero ? '*' : ''}`
        : f.n === 1
          ? '(one value: no interval)'
          : '';
    const note = f.n > 0 && f.n < result.replications ? `(in ${f.n} of ${result.replications} replications)` : '';
    const rows = bySection.get(info.section) ?? [];
    rows.push([subject, info.measure, mean, ci, UNIT_SUFFIX[info.unit], note]);
    bySection.set(info.section, rows);
  }

  const blocks: TableBlock[] = [];
  for (const s of SECTIONS) {
    const rows = bySection.get(s.id);
    if (!rows) continue;
    blocks.push({ title: s.id === 'costs' ? `${s.title} (in the scenario's currency)` : s.title, rows });
  }
  lines.push(renderBlocks(blocks, [false, false, true, true, false, false], ['', '', 'mean', '95% CI', '', '']));
  if (clipped > 0) {
    lines.push(
      '',
      `* ${clipped} interval${clipped === 1 ? '' : 's'} of figures that cannot be negative reached below 0 and ${clipped === 1 ? 'is' : 'are'} shown clipped at 0 (Student-t interval, lower bound clipped).`,
    );
  }
  lines.push(...renderCostPerCase(result.figures, scenario, ctx));
  if (census > 0)
    lines.push(
      '',
      `Census by hour of day (${census} figures: each ward and the ED at every clock hour, and at 08:00 and 16:00 by weekday) is in --json and --csv.`,
    );
  if (hidden.length > 0) {
    lines.push(
      '',
      `${hidden.length} figure${hidden.length === 1 ? '' : 's'} of mishaps (refusals, cancellations, stock-outs, overtime, queues) were 0 in every replication and are not shown; --json or --csv shows every figure.`,
    );
  }
  return `${lines.join('\n')}\n`;
}
