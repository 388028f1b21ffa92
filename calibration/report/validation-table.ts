/**
 * The validation table, as Markdown (for a README or a terminal) and as HTML
 * (for the report): each figure in the log and in the simulation, the
 * difference and whether it is within sampling error.
 */
import type { Validation, ValidationRow } from '../validate/validate.js';
import { esc } from './svg.js';

const MARK: Record<ValidationRow['verdict'], string> = { agrees: '✓', borderline: '~', differs: '✗' };

export function formatNumber(x: number, unit?: string): string {
  if (!Number.isFinite(x)) return '–';
  if (unit === 'share') return `${(100 * x).toFixed(1)}%`;
  const a = Math.abs(x);
  // Float noise (a difference of two equal means, -2.8e-17) is 0, not a number in scientific notation.
  if (a < 1e-9) return (0).toFixed(3);
  if (a >= 1000) return x.toFixed(0);
  if (a >= 100) return x.toFixed(1);
  if (a >= 10) return x.toFixed(2);
  if (a >= 0.01 || a === 0) return x.toFixed(3);
  return x.toPrecision(2);
}

function difference(r: ValidationRow): string {
  const d = r.unit === 'share' ? `${(100 * r.difference).toFixed(1)} pts` : formatNumber(r.difference);
  return r.difference > 0 && !d.startsWith('+') ? `+${d}` : d.replace('-', '−');
}

function zText(z: number): string {
  return Number.isFinite(z) ? z.toFixed(1).replace('-', '−') : '–';
}

function simulated(r: ValidationRow): string {
  const ci = Number.isFinite(r.simCi[0]) ? ` (${formatNumber(r.simCi[0], r.unit)}–${formatNumber(r.simCi[1], r.unit)})` : '';
  return `${formatNumber(r.sim, r.unit)}${ci}`;
}

function logged(r: ValidationRow): string {
  const ci = Number.isFinite(r.logCi[0]) ? ` (${formatNumber(r.logCi[0], r.unit)}–${formatNumber(r.logCi[1], r.unit)})` : '';
  return `${formatNumber(r.log, r.unit)}${ci}`;
}

function label(r: ValidationRow): string {
  return r.unit === 'share' || r.unit === 'patients' || r.unit === 'per day' ? r.figure : `${r.figure} (${r.unit})`;
}

export function validationMarkdown(v: Validation): string {
  const lines = [
    `| figure | log (95% CI) | simulated: mean of ${v.replications} replications (95% CI) | difference | z | fits |`,
    '| --- | ---: | ---: | ---: | ---: | :---: |',
  ];
  let group = '';
  for (const r of v.rows) {
    if (r.group !== group) {
      group = r.group;
      lines.push(`| **${group}** | | | | | |`);
    }
    lines.push(`| ${label(r).replace(/\|/g, '\\|')} | ${logged(r)} | ${simulated(r)} | ${difference(r)} | ${zText(r.z)} | ${MARK[r.verdict]} |`);
  }
  if (v.leftOut) lines.push('', `Not compared: ${v.leftOut.groups.join(', ').toLowerCase()} (${v.leftOut.reason}).`);
  return `${lines.join('\n')}\n`;
}

export function validationHtml(v: Validation): string {
  const rows: string[] = [];
  let group = '';
  for (const r of v.rows) {
    if (r.group !== group) {
      group = r.group;
      rows.push(`<tr class="group"><th colspan="6">${esc(group)}</th></tr>`);
    }
    rows.push(
      `<tr class="${r.verdict}"><td>${esc(label(r))}</td><td class="n">${esc(logged(r))}</td><td class="n">${esc(simulated(r))}</td><td class="n">${esc(difference(r))}</td><td class="n">${zText(r.z)}</td><td class="mark">${MARK[r.verdict]}</td></tr>`,
    );
  }
  const leftOut = v.leftOut ? `<p class="left-out">Not compared: ${esc(v.leftOut.groups.join(', ').toLowerCase())} (${esc(v.leftOut.reason)}).</p>` : '';
  return `${leftOut}<table class="validation"><thead><tr><th>figure</th><th>log (95% CI)</th><th>simulated: mean of ${v.replications} replications (95% CI)</th><th>difference</th><th>z</th><th>fits</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/**
 * One line a person reads first: how many figures agree, those that test the model counted apart from
 * those fitted from the same counts (routing and reach shares), which agree by construction.
 */
export function validationVerdict(v: Validation): string {
  const tally = (rows: readonly ValidationRow[]): string => {
    const n = rows.length;
    const count = (k: ValidationRow['verdict']): number => rows.filter((r) => r.verdict === k).length;
    const agree = count('agrees');
    const borderline = count('borderline');
    const differ = count('differs');
    return `${agree} of ${n} ${n === 1 ? 'agrees' : 'agree'} with the log within sampling error (|z| ≤ 2), ${borderline} ${borderline === 1 ? 'is' : 'are'} borderline (2 < |z| ≤ 3), ${differ} ${differ === 1 ? 'differs' : 'differ'} (|z| > 3)`;
  };
  const tests = v.rows.filter((r) => r.kind === 'test');
  const fitted = v.rows.filter((r) => r.kind === 'construction');
  const parts = [`Figures that test the model (times, stays, occupancy, arrivals, paths): ${tally(tests)}.`];
  if (fitted.length > 0)
    parts.push(
      `Figures fitted from the same counts they are held against (routing and reach shares, which agree by construction unless the model loses what it was given): ${tally(fitted)}.`,
    );
  return parts.join(' ');
}
