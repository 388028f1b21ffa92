/**
 * An optimisation's objective in the catalogue's plain words: the CLI writes
 * it as ids and weights ("cost.total + 7200·queue.server.mean"); a manager
 * reads "Total cost + 7,200 × patients waiting for server, mean".
 */
import type { FigureContext } from '../../../scenarios/index.js';
import { figureInfo } from '../format/figure-text.js';

export interface ObjectiveTerm {
  weight: number;
  id: string;
}

/** The weighted figures of an objective as optimise.json writes it (workers/optimise/measure.ts labelOf). */
export function objectiveTerms(figure: string): ObjectiveTerm[] {
  const out: ObjectiveTerm[] = [];
  const term = /(^|\s*([+-])\s*)(?:([\d.]+(?:e[+-]?\d+)?)·)?([A-Za-z][\w.]*)/g;
  let m: RegExpExecArray | null;
  while ((m = term.exec(figure))) {
    const sign = m[2] === '-' ? -1 : 1;
    out.push({ weight: sign * (m[3] === undefined ? 1 : Number(m[3])), id: m[4]! });
  }
  return out;
}

const weightFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 4 });

/** "Total cost + 7,200 × patients waiting for server, mean"; a single figure is just its label. */
export function objectiveWords(figure: string, ctx: FigureContext): string {
  return objectiveTerms(figure)
    .map((t, i) => {
      const label = figureInfo(t.id, ctx).label;
      const words = i === 0 ? label : label.charAt(0).toLowerCase() + label.slice(1);
      const w = Math.abs(t.weight);
      const sign = i === 0 ? (t.weight < 0 ? '−' : '') : t.weight < 0 ? ' − ' : ' + ';
      return `${sign}${w === 1 ? '' : `${weightFormat.format(w)} × `}${words}`;
    })
    .join('');
}

/**
 * The figures that say what the best buys besides its cost: the objective's
 * own figures other than cost, and for a queue the wait it makes ("mean wait
 * for server"), which is what a person feels.
 */
export function boughtFigures(figure: string): string[] {
  const ids = objectiveTerms(figure)
    .map((t) => t.id)
    .filter((id) => !id.startsWith('cost.'));
  const waits = ids.flatMap((id) => {
    const q = /^queue\.(.+)\.mean$/.exec(id);
    return q ? [`wait.${q[1]!}.mean`] : [];
  });
  return [...new Set([...waits, ...ids])];
}
