/**
 * The terminal report of a comparison: for each figure, A's mean, B's mean and
 * the paired difference B − A with its 95% interval, saying in words whether it
 * is significant. Costs by type are always shown; other figures only when they
 * differ, unless all are asked for.
 */
import type { FigureDifference } from '../workers/index.js';
import { orderFigures, SECTIONS, type FigureContext, type SectionId } from './figure-catalogue.js';
import { decimalsFor, formatNumber, UNIT_SUFFIX } from './number-format.js';
import { renderBlocks, type TableBlock } from './text-table.js';

/** Cost by type and the total: always in the comparison, changed or not. */
export const COST_BY_TYPE = ['cost.staff', 'cost.overtime', 'cost.roomsAndDevices', 'cost.beds', 'cost.consumables', 'cost.penalties', 'cost.total'];

/**
 * Cost per case and margin by group: always in the comparison when the runs have them. The
 * other cuts of cost per case and the census by hour (dozens of rows) only with --all.
 */
export const ALWAYS_CASE_FIGURE =
  /^(cost\.perCase\.[^.]+\.mean|casemix\.(?:[^.]+\.)?(?:costPerCase|paymentPerCase|marginPerCase|margin|lossShare)|patientTime\.cost)$/;

export interface CompareReportInput {
  a: { name: string; replications: number; figureIds: readonly string[] };
  b: { name: string; replications: number; figureIds: readonly string[] };
  seed: number | string;
  requested: number;
  differences: Record<string, FigureDifference>;
  ctx: FigureContext;
  all: boolean;
}

/** The means differ by more than the rounding of sums taken in another order. */
export function differ(d: FigureDifference): boolean {
  return Math.abs(d.meanB - d.meanA) > 1e-9 * Math.max(Math.abs(d.meanA), Math.abs(d.meanB));
}

export function verdict(d: FigureDifference): string {
  if (d.n < 2) return 'too few replications to tell';
  if (!d.significant) return 'not significant';
  return d.mean > 0 ? 'significantly higher in B' : 'significantly lower in B';
}

export function renderCompareReport(x: CompareReportInput): string {
  const ids = Object.keys(x.differences);
  const n = Math.min(x.a.replications, x.b.replications);
  const lines = [
    `A: ${x.a.name}`,
    `B: ${x.b.name}`,
    `${n} paired replication${n === 1 ? '' : 's'}, seed ${JSON.stringify(x.seed)}: replication k of A and of B share their random numbers (common random numbers),`,
    'so each difference B − A is measured pair by pair, with the 95% confidence interval of the paired differences.',
    'A difference is significant when its interval excludes 0.',
  ];
  if (n < x.requested) lines.push(`Interrupted: ${n} of ${x.requested} replications finished in both; the comparison is of those.`);

  const significant = ids.filter((id) => x.differences[id]!.significant);
  const ordered = orderFigures(ids, x.ctx);
  const detail = new Set(
    ordered.filter(({ id, info }) => (info.section === 'census' || info.section === 'casemix') && !ALWAYS_CASE_FIGURE.test(id)).map(({ id }) => id),
  );
  const shown = new Set(
    ids.filter(
      (id) =>
        x.all ||
        COST_BY_TYPE.includes(id) ||
        ALWAYS_CASE_FIGURE.test(id) ||
        (!detail.has(id) && (x.differences[id]!.significant || differ(x.differences[id]!))),
    ),
  );
  const bySection = new Map<SectionId, string[][]>();
  let lastKey = '';
  for (const { id, info } of ordered) {
    if (!shown.has(id)) continue;
    const d = x.differences[id]!;
    const key = `${info.section}\u0000${info.subject}`;
    const subject = key === lastKey ? '' : info.subject;
    lastKey = key;
    const dm = decimalsFor(info.unit, Math.max(Math.abs(d.meanA), Math.abs(d.meanB)));
    const dd = decimalsFor(info.unit, Math.max(Math.abs(d.mean), Math.abs(d.ci95[0]), Math.abs(d.ci95[1])));
    const signed = (v: number): string => {
      const text = formatNumber(v, info.unit, dd);
      return v > 0 && /[1-9]/.test(text) ? `+${text}` : text;
    };
    const ci = d.n >= 2 ? `${signed(d.ci95[0])} to ${signed(d.ci95[1])}` : '';
    const unit = info.unit === 'share' ? 'points' : UNIT_SUFFIX[info.unit];
    const rows = bySection.get(info.section) ?? [];
    rows.push([subject, info.measure, formatNumber(d.meanA, info.unit, dm), formatNumber(d.meanB, info.unit, dm), signed(d.mean), ci, unit, verdict(d)]);
    bySection.set(info.section, rows);
  }
  const blocks: TableBlock[] = [];
  for (const s of SECTIONS) {
    const rows = bySection.get(s.id);
    if (!rows) continue;
    const title =
      s.id === 'costs'
        ? `${s.title} (in the scenario's currency; by type always shown)`
        : s.id === 'casemix'
          ? `${s.title} (cost per case by class and margin by group always shown; other cuts with --all)`
          : s.title;
    blocks.push({ title, rows });
  }
  lines.push(renderBlocks(blocks, [false, false, true, true, true, true, false, false], ['', '', 'A', 'B', 'B − A', '95% CI of B − A', '', '']));

  lines.push('');
  lines.push(
    significant.length === 0
      ? `No figure differs significantly between A and B (${ids.length} compared).`
      : `${significant.length} of ${ids.length} figures differ significantly between A and B.`,
  );
  const hidden = ids.length - shown.size;
  const detailHidden = [...detail].filter((id) => !shown.has(id)).length;
  const sameHidden = hidden - detailHidden;
  if (sameHidden > 0)
    lines.push(
      `${sameHidden} figure${sameHidden === 1 ? ' has' : 's have'} the same mean in A and B and ${sameHidden === 1 ? 'is' : 'are'} not shown; --all shows every figure.`,
    );
  if (detailHidden > 0) lines.push(`${detailHidden} figures of census by hour and other cuts of cost per case are not shown; --all shows them.`);
  const inA = new Set(x.a.figureIds);
  const inB = new Set(x.b.figureIds);
  const onlyA = x.a.figureIds.filter((id) => !inB.has(id));
  const onlyB = x.b.figureIds.filter((id) => !inA.has(id));
  if (onlyA.length > 0) lines.push(`Only in A (not compared): ${onlyA.join(', ')}`);
  if (onlyB.length > 0) lines.push(`Only in B (not compared): ${onlyB.join(', ')}`);
  return `${lines.join('\n')}\n`;
}
