/**
 * The run report's "Cost per case" part: a table by patient class, pathway and
 * attribute value (cases, cost per case with its interval, median and 90th
 * percentile), and, when the scenario declares case-mix groups, a table by
 * group (cases, cost, payment and margin per case, total margin, share of
 * cases that lose money), then patient time. Means over replications; the
 * intervals of costs are clipped at 0 (shownInterval), margins are not.
 */
import type { Scenario } from '../scenarios/index.js';
import { describeFigure, shownInterval, type FigureContext } from '../scenarios/index.js';
import type { ExperimentResult } from '../workers/index.js';
import { decimalsFor, formatNumber } from './number-format.js';
import { renderBlocks, type TableBlock } from './text-table.js';

type Summaries = ExperimentResult['figures'];

/** True for the figures this part shows (the generic sections leave them out). */
export function inCostPerCaseReport(id: string): boolean {
  return /^(cases\.|cost\.perCase\.|casemix\.|patientTime\.)/.test(id);
}

export function renderCostPerCase(figures: Summaries, scenario: Scenario, ctx: FigureContext): string[] {
  const mean = (id: string): number => figures[id]?.mean ?? NaN;
  const money = (v: number): string => formatNumber(v, 'money', decimalsFor('money', Math.abs(v)));
  const interval = (id: string): string => {
    const f = figures[id];
    if (!f || f.n < 2) return '';
    const shown = shownInterval(describeFigure(id, ctx), f.ci95);
    return `${money(shown.lo)} to ${money(shown.hi)}${shown.clippedAtZero ? ' (clipped at 0)' : ''}`;
  };
  const cases = (v: number): string => formatNumber(v, 'patients', v >= 100 ? 0 : 1);

  const cutRows = (prefix: string, label: string): string[] | null => {
    if (!(`${prefix}.mean` in figures)) return null;
    return [
      label,
      cases(mean(`${prefix}.cases`)),
      money(mean(`${prefix}.mean`)),
      interval(`${prefix}.mean`),
      money(mean(`${prefix}.p50`)),
      money(mean(`${prefix}.p90`)),
    ];
  };
  const byClass: string[][] = [];
  for (const c of scenario.patientClasses) {
    const row = cutRows(`cost.perCase.${c.id}`, c.name ?? c.id);
    if (row) byClass.push(row);
  }
  const all = cutRows('cost.perCase.all', 'all finished cases');
  if (all) byClass.push(all);
  const present = (rows: (string[] | null)[]): string[][] => rows.filter((r): r is string[] => r !== null);
  const byPathway = present(Object.keys(scenario.pathways).map((p) => cutRows(`cost.perCase.pathway.${p}`, p)));
  const attributes = new Map<string, Set<string>>();
  for (const c of scenario.patientClasses)
    for (const [a, mix] of Object.entries(c.attributes)) for (const v of mix.values) (attributes.get(a) ?? attributes.set(a, new Set()).get(a)!).add(String(v));
  const groupAttribute = scenario.caseMix?.attribute;
  const byAttribute: TableBlock[] = [];
  for (const [a, values] of attributes) {
    if (a === groupAttribute) continue;
    const rows = present([...values].map((v) => cutRows(`cost.perCase.attribute.${a}.${v}`, `${a} ${v}`)));
    if (rows.length > 0) byAttribute.push({ title: `By ${a}`, rows });
  }
  if (byClass.length === 0) return [];

  const lines = ['', "Cost per case (finished cases: arrived after the warm-up and left before the end; in the scenario's currency)"];
  lines.push(
    renderBlocks(
      [{ title: 'By patient class', rows: byClass }, { title: 'By pathway', rows: byPathway }, ...byAttribute].filter((b) => b.rows.length > 0),
      [false, true, true, true, true, true],
      ['', 'cases', 'cost per case', '95% CI', 'median', '90th pct'],
    ),
  );

  const mix = scenario.caseMix;
  if (mix) {
    // A group with no weight (a calibrated scenario's DRGs) has no payment figures: "not known", never 0.
    const known = (id: string, show: (v: number) => string): string => (id in figures ? show(mean(id)) : 'not known');
    const rows = mix.groups.map((g) => {
      const id = `casemix.${g.code}`;
      return [
        `${g.code}${g.name ? ` ${g.name}` : ''}`,
        cases(mean(`${id}.cases`)),
        money(mean(`${id}.costPerCase`)),
        known(`${id}.paymentPerCase`, money),
        known(`${id}.marginPerCase`, money),
        known(`${id}.margin`, money),
        interval(`${id}.margin`),
        known(`${id}.lossShare`, (v) => formatNumber(v, 'share', 1)),
      ];
    });
    const casesAll = mean('casemix.cases');
    rows.push([
      'all groups',
      cases(casesAll),
      money(mean('casemix.cost') / casesAll),
      known('casemix.payment', (v) => money(v / casesAll)),
      known('casemix.margin', (v) => money(v / casesAll)),
      known('casemix.margin', money),
      interval('casemix.margin'),
      known('casemix.lossShare', (v) => formatNumber(v, 'share', 1)),
    ]);
    const unpaid = mix.groups.filter((g) => g.weight === undefined).length;
    lines.push(
      '',
      mix.baseRate !== undefined
        ? `Case-mix groups (payment = relative weight × base rate ${money(mix.baseRate)}, plus long-stay outlier days; margin = payment − cost${unpaid > 0 ? `; ${unpaid} group${unpaid === 1 ? ' has' : 's have'} no weight, so what the payer pays for ${unpaid === 1 ? 'it' : 'them'} is not known` : ''})`
        : 'Case-mix groups (no relative weights or base rate given: what the payer pays, and so the margin, is not known)',
    );
    lines.push(
      renderBlocks(
        [{ title: 'By group', rows }],
        [false, true, true, true, true, true, true, true],
        ['', 'cases', 'cost/case', 'payment/case', 'margin/case', 'margin, total', '95% CI of total', 'losing %'],
      ),
    );
  }
  const hours = figures['patientTime.hours'];
  if (hours) {
    const perCase = mean('patientTime.perCase.hours');
    const valued = figures['patientTime.cost'];
    lines.push(
      '',
      `Patient time: ${formatNumber(hours.mean, 'hours', 0)} hours waited by finished cases (${formatNumber(perCase, 'hours', 2)} h a case)` +
        (valued ? `, valued at ${money(valued.mean)}; not part of the total cost.` : '.'),
    );
  }
  return lines;
}
