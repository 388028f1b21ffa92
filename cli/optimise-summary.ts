/**
 * The optimisation's answer for people: a sentence with the chosen solution and
 * its confidence intervals, then a table of the candidates of the final
 * selection (chosen, could not be told apart, or why each left), then the files.
 */
import { valuesText, type OptimiseOutcome, type ReportedCandidate } from '../workers/node.js';
import { renderBlocks } from './text-table.js';

export function optimiseSummary(o: OptimiseOutcome): string {
  const r = o.report;
  const lines: string[] = [];
  const used = `${r.replications.used} replications (${r.replications.ranNow} run now, ${r.replications.fromLog} from the log), ${r.search.visited} of ${count(r.spaceSize)} solutions visited in ${r.search.iterations} search iterations`;
  lines.push(
    `optimise ${r.name}: ${r.objective.order === 'min' ? 'minimise' : 'maximise'} ${r.objective.figure}${r.constraints.length ? ` subject to ${r.constraints.map((c) => `${c.figure} ${c.kind === 'atLeast' ? '>=' : '<='} ${c.bound} (${pct(c.confidence)} confidence)`).join(', ')}` : ''}; ${used}`,
  );
  if (!r.stopped && r.selection && !r.selection.finished)
    lines.push(
      'The budget ran out before the final selection finished: the solution below is the best of those still in it, and those it could not yet tell apart are listed. A larger budget (or a rerun with one; the log is reused) would finish it.',
    );
  if (r.stopped)
    lines.push(
      "Stopped before the selection finished: the solution below is the best found so far, without the selection's guarantee. Run the same command again to continue.",
    );
  const c = r.chosen;
  if (!c) {
    lines.push('No solution could be evaluated.');
    return `${lines.join('\n')}\n`;
  }
  lines.push(
    '',
    `Best: ${values(c.values)}. ${r.objective.figure} ${num(c.objective.mean)}${Number.isFinite(c.objective.lo) ? ` (${pct(c.objective.level)} CI ${num(c.objective.lo)} to ${num(c.objective.hi)})` : ''} over ${c.n} replications.`,
  );
  for (const k of c.constraints) {
    const side = k.kind === 'atLeast' ? 'lower' : 'upper';
    lines.push(
      `  ${k.label}: ${num(k.mean)}, ${pct(k.level)} ${side} confidence bound ${num(k.confidenceBound)} (must be ${k.kind === 'atLeast' ? '>=' : '<='} ${k.bound}): ${k.decision === 'feasible' ? 'shown met' : k.decision === 'infeasible' ? 'shown NOT met' : 'not shown either way within the budget'}`,
    );
  }
  if (r.constraints.length > 0 && !c.shownFeasible)
    lines.push('  Warning: no candidate was shown to meet every constraint with the confidence asked; this is the best of those not shown to miss.');
  if (r.indistinguishable.length > 0)
    lines.push(
      `Could not be told apart from it within the budget: ${r.indistinguishable.map((t) => `${values(t.values)} (${num(t.objective.mean)})`).join('; ')}.`,
    );
  else if (r.selection?.finished) {
    // What the selection showed, not what it may do: one dropped within the indifference zone was not shown worse.
    const within = r.candidates.filter((k) => k.eliminated?.shownWorse === false);
    if (within.length === 0) lines.push('Every other candidate was shown worse or to miss a constraint.');
    else
      lines.push(
        `Could not be told apart from it, and dropped as within the indifference zone (${num(r.selection.indifference)}), which keeps the guarantee: ${within.map((t) => `${values(t.values)} (${num(t.objective.mean)})`).join('; ')}.`,
      );
  }
  if (r.candidates.length > 0) {
    const row = (k: ReportedCandidate, status: string): string[] => [
      values(k.values),
      String(k.n),
      num(k.objective.mean),
      Number.isFinite(k.objective.lo) ? `${num(k.objective.lo)} to ${num(k.objective.hi)}` : '-',
      ...k.constraints.map((x) => `${num(x.mean)} (${x.decision})`),
      status,
    ];
    const chosenKey = JSON.stringify(c.values);
    const tied = new Set(r.indistinguishable.map((t) => JSON.stringify(t.values)));
    const order = (k: ReportedCandidate): number => (JSON.stringify(k.values) === chosenKey ? 0 : tied.has(JSON.stringify(k.values)) ? 1 : 2);
    const rows = [...r.candidates]
      .sort((a, b) => order(a) - order(b))
      .map((k) =>
        row(
          k,
          JSON.stringify(k.values) === chosenKey
            ? 'chosen'
            : tied.has(JSON.stringify(k.values))
              ? 'could not be told apart'
              : `left after ${k.eliminated?.at ?? '?'} replications: ${k.eliminated?.reason ?? ''}`,
        ),
      );
    const header = [
      'solution',
      'replications',
      `mean ${r.objective.figure}`,
      `${pct(r.selection?.confidence ?? 0.95)} CI`,
      ...r.constraints.map((k) => k.figure),
      'in the final selection',
    ];
    lines.push(
      renderBlocks(
        [{ title: 'Final selection (the best candidates of the search):', rows: [header, ...rows] }],
        [false, true, true, true, ...r.constraints.map(() => true), false],
      ),
    );
  }
  lines.push(
    '',
    `Files: ${o.files.best ? `${o.files.best} (the best as a scenario: hospital-twin run ${o.files.best}), ` : ''}${o.files.csv} (every solution visited), ${o.files.svg} (objective against replications), ${o.files.json}, ${o.files.log} (the log a rerun continues from).`,
  );
  lines.push('', `How: ${r.method}`);
  return `${lines.join('\n')}\n`;
}

function values(v: Record<string, unknown>): string {
  return valuesText(v);
}

function num(x: number): string {
  if (!Number.isFinite(x)) return '-';
  if (Math.abs(x) >= 1000) return Math.round(x).toLocaleString('en-GB');
  return String(+x.toPrecision(4));
}

function pct(x: number): string {
  return `${+(100 * x).toPrecision(4)}%`;
}

function count(n: number): string {
  return n >= 1e15 ? n.toExponential(2) : Math.round(n).toLocaleString('en-GB');
}
