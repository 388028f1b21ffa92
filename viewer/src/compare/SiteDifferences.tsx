/** Two networks compared: a sentence per site and one for the region (site-differences.ts). */
import type { FigureContext, Scenario } from '../../../scenarios/index.js';
import type { FigureDifference } from '../../../workers/index.js';
import { siteDifferences } from './site-differences.js';

export function SiteDifferences({ diff, ctx, a, b }: { diff: Record<string, FigureDifference>; ctx: FigureContext; a: Scenario; b: Scenario }) {
  const rows = siteDifferences(diff, ctx, a, b);
  if (rows.length === 0) return null;
  return (
    <section className="site-differences" data-testid="site-differences" aria-label="B against A, site by site and for the region">
      <h2>By site and for the region (B − A)</h2>
      <ul>
        {rows.map((r) => (
          <li key={r.id} data-testid={`site-diff-${r.id}`} className={r.tone}>
            {r.sentence}
            {r.tone !== 'neutral' && <span className="visually-hidden"> ({r.tone} for the hospital)</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
