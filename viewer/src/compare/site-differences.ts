/**
 * Two runs of networks compared site by site and for the region, in plain
 * words: for each site (by the network file's name) what it costs, after the
 * internal charges for shared devices, and the waiting time that changed most
 * there; then the region's total. The figures are the paired differences
 * B − A (`siteCost.<site>.afterCharges`, `wait.<prefix>…mean`, `regionCost.total`).
 */
import type { FigureContext, Scenario } from '../../../scenarios/index.js';
import type { FigureDifference } from '../../../workers/index.js';
import { differenceIntervalText, figureInfo, valueText, verdictOf } from '../format/figure-text.js';

export interface SiteDifference {
  /** The site's id, or "region". */
  id: string;
  /** The site's name for people ("East county hospital"), or "The region (all sites)". */
  name: string;
  sentence: string;
  tone: 'better' | 'worse' | 'neutral';
}

/** The sites both networks have, with their names and prefixes (A's names); empty unless both are networks of two or more sites. */
export function sharedSites(a: Scenario, b: Scenario): { id: string; name: string; prefix: string }[] {
  const inB = new Set((b.network?.sites ?? []).map((s) => s.id));
  const sites = (a.network?.sites ?? []).filter((s) => inB.has(s.id));
  if (sites.length < 2 || (b.network?.sites.length ?? 0) < 2) return [];
  return sites.map((s) => ({ id: s.id, name: s.name ?? s.id, prefix: s.prefix }));
}

/** "costs 12,345 more (95% interval +8,000 – +16,000)", or "costs about the same (no significant change: …)". */
function change(diff: FigureDifference, ctx: FigureContext, id: string, what: { more: string; less: string; same: string }): string {
  const info = figureInfo(id, ctx);
  const interval = `95% interval ${differenceIntervalText(info, diff.ci95)}`;
  if (!diff.significant || diff.mean === 0) return `${what.same} (no significant change: ${interval})`;
  return `${diff.mean > 0 ? what.more : what.less} by ${valueText(info, Math.abs(diff.mean))} (${valueText(info, diff.meanA)} → ${valueText(info, diff.meanB)}; ${interval})`;
}

/** The site's waiting time (mean) that changed most, relative to its size, among significant changes; null if none did. */
function biggestWait(diff: Record<string, FigureDifference>, prefix: string): string | null {
  let best: string | null = null;
  let most = 0;
  for (const [id, d] of Object.entries(diff)) {
    if (!id.startsWith(`wait.${prefix}`) || !id.endsWith('.mean') || !d.significant) continue;
    const rel = Math.abs(d.mean) / Math.max(1e-9, Math.abs(d.meanA), Math.abs(d.meanB));
    if (rel > most) [best, most] = [id, rel];
  }
  return best;
}

/** One sentence per site both networks have, then the region's; empty when the runs are not of two networks. */
export function siteDifferences(diff: Record<string, FigureDifference>, ctx: FigureContext, a: Scenario, b: Scenario): SiteDifference[] {
  const out: SiteDifference[] = [];
  for (const site of sharedSites(a, b)) {
    const costId = `siteCost.${site.id}.afterCharges` in diff ? `siteCost.${site.id}.afterCharges` : `siteCost.${site.id}.total`;
    const cost = diff[costId];
    if (cost === undefined) continue;
    const parts = [
      change(cost, ctx, costId, {
        more: 'costs more, after internal charges,',
        less: 'costs less, after internal charges,',
        same: 'costs about the same after internal charges',
      }),
    ];
    const wait = biggestWait(diff, site.prefix);
    if (wait !== null) {
      const d = diff[wait]!;
      const label = figureInfo(wait, ctx).label;
      parts.push(`its biggest change in waiting is "${label}": ${change(d, ctx, wait, { more: 'longer', less: 'shorter', same: 'the same' })}`);
    } else parts.push('no waiting time there changes significantly');
    // A site's cost is better lower, after charges too (the catalogue leaves charges themselves without a direction).
    const tone = verdictOf(figureInfo(`siteCost.${site.id}.total`, ctx), cost.mean, cost.significant);
    out.push({ id: site.id, name: site.name, sentence: `${site.name} ${parts.join('; ')}.`, tone });
  }
  const region = diff['regionCost.total'];
  if (out.length > 0 && region !== undefined) {
    const charges = diff['regionCost.internalCharges'];
    const net = charges !== undefined && charges.meanA === 0 && charges.meanB === 0 ? ' Internal charges net to 0 over the region in both.' : '';
    out.push({
      id: 'region',
      name: 'The region (all sites)',
      sentence: `The region (all sites) ${change(region, ctx, 'regionCost.total', { more: 'costs more in total', less: 'costs less in total', same: 'costs about the same in total' })}.${net}`,
      tone: verdictOf(figureInfo('regionCost.total', ctx), region.mean, region.significant),
    });
  }
  return out;
}
