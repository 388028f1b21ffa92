/**
 * Under the verdict of "best against base": why the optimiser chose B, in the
 * objective's own words, with its value and the runner-up's, so a manager
 * weighs what B costs against what it was chosen for.
 */
import type { FigureContext } from '../../../scenarios/index.js';
import { useCompare } from '../store/compare.js';
import { boughtFigures, objectiveWords } from './objective-words.js';
import { useOptimise } from './optimise-actions.js';
import { valuesText } from './optimise-file.js';

const fmt = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** The figures the verdict should speak of after the cost when B is an optimisation's best (none otherwise). */
export function useBoughtFigures(): string[] {
  const result = useOptimise((s) => s.result);
  const bestKey = useOptimise((s) => s.bestKey);
  const bKey = useCompare((s) => s.bKey);
  return result && bestKey === bKey ? boughtFigures(result.objective.figure) : [];
}

export function ChosenBecause({ ctx }: { ctx: FigureContext }) {
  const { result, bestKey } = useOptimise();
  const bKey = useCompare((s) => s.bKey);
  if (!result || !result.chosen || bestKey !== bKey) return null;
  const { chosen } = result;
  const said = objectiveWords(result.objective.figure, ctx);
  const words = said.charAt(0).toLowerCase() + said.slice(1);
  const key = valuesText(chosen.values);
  const next = result.candidates
    .filter((c) => valuesText(c.values) !== key)
    .sort((x, y) => (result.objective.order === 'min' ? x.objective.mean - y.objective.mean : y.objective.mean - x.objective.mean))[0];
  return (
    <p className="small" data-testid="verdict-why">
      Why B: optimisation {result.name} chose {key} as the {result.objective.order === 'min' ? 'lowest' : 'highest'} {words} (
      {fmt.format(chosen.objective.mean)}, 95% CI {fmt.format(chosen.objective.lo)} to {fmt.format(chosen.objective.hi)}, over {chosen.n} replications)
      {next ? `; the next best, ${valuesText(next.values)}, had ${fmt.format(next.objective.mean)}` : ''}. This comparison runs {chosen.n} replications with the
      optimiser&apos;s seed {result.seed}.
    </p>
  );
}
