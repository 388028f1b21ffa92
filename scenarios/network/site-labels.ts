/**
 * Names people read for a network's figures: each site by the name the network
 * file gives it ("East county"), and each name a site defines with its site in
 * front ("East county: medical ward" for `east_medical`), so that four county
 * wards called "Medical ward" stay four things in a report.
 */
import { plainId } from '../plain-id.js';
import type { Scenario } from '../schema/scenario.js';

/** Site ids and site-prefixed ids to their plain names; `known` gives a name the scenario has for an id (a ward's name). */
export function siteLabels(s: Scenario, ids: Iterable<string>, known: (id: string) => string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  const sites = s.network?.sites ?? [];
  if (sites.length < 2) return out;
  for (const site of sites) out.set(site.id, site.name ?? plainId(site.id));
  for (const service of s.network?.services ?? []) out.set(service.id, service.name ?? plainId(service.id));
  for (const id of ids) {
    const site = sites.find((x) => x.prefix !== '' && id.startsWith(x.prefix));
    if (site === undefined) continue;
    // A name made from the merged id ("East bed") says the site twice: make it from the site's own id instead.
    const given = known(id);
    const own = given !== undefined && given !== plainId(id) ? given : plainId(id.slice(site.prefix.length));
    out.set(id, `${out.get(site.id)!}: ${own.charAt(0).toLowerCase()}${own.slice(1)}`);
  }
  return out;
}
