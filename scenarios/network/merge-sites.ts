/**
 * A network as one hospital scenario: each site's sections with its names
 * prefixed by "<site>_" (site-names.ts), the region's shared resources added,
 * and a `network` section with the sites and travel times for the transfer
 * verb. One kernel and one event calendar then run the region. A network of
 * one site keeps its hospital's names and document as they are, so it runs
 * exactly as that hospital does (the same trace, bit for bit).
 */
import type { Scenario } from '../schema/scenario.js';
import { RESOURCE_KIND_MODULES } from '../kinds/index.js';
import type { Network } from './network-schema.js';
import type { NetworkSectionInput } from './network-section.js';
import { addDiversions } from './diversion.js';
import { namesOfSite, renameStep, type Rename } from './site-names.js';
import { mergedServices } from './shared-services.js';

/** One site ready to merge: its document as written and as checked for shape. */
export interface SiteHospital {
  id: string;
  document: Record<string, unknown>;
  scenario: Scenario;
}

/** The separator between a site's id and a name it defines: ids allow letters, digits, _ and -. */
export const SITE_SEPARATOR = '_';

/** The merged document (not yet checked as a whole: the caller parses it as any scenario). */
export function mergeSites(network: Network, sites: readonly SiteHospital[]): Record<string, unknown> {
  const first = sites[0]!;
  const single = sites.length === 1;
  const section: NetworkSectionInput = {
    sites: network.sites.map((s) => ({
      id: s.id,
      ...(s.name !== undefined ? { name: s.name } : {}),
      prefix: single ? '' : `${s.id}${SITE_SEPARATOR}`,
      xKm: s.xKm,
      yKm: s.yKm,
    })),
    travel: network.travel,
    minutesPerKm: network.minutesPerKm,
    ...(network.areas.length > 0 ? { areas: network.areas } : {}),
    services: mergedServices(network.services, (site) => (single ? '' : `${site}${SITE_SEPARATOR}`)),
  };
  const settings = {
    name: network.name,
    ...(network.description !== undefined ? { description: network.description } : {}),
    ...(network.start !== undefined ? { start: network.start } : {}),
    ...(network.horizonDays !== undefined ? { horizonDays: network.horizonDays } : {}),
    ...(network.warmupDays !== undefined ? { warmupDays: network.warmupDays } : {}),
    ...(network.replications !== undefined ? { replications: network.replications } : {}),
    ...(network.seed !== undefined ? { seed: network.seed } : {}),
    ...(network.currency !== undefined ? { currency: network.currency } : {}),
  };
  const shared = network.shared;
  if (single) {
    const doc: Record<string, unknown> = { ...first.document, ...settings, network: section };
    for (const [key, list] of Object.entries(shared)) doc[key] = [...((doc[key] as unknown[] | undefined) ?? []), ...list];
    return doc;
  }
  const renamed = sites.map((s) => renameSite(s));
  const doc: Record<string, unknown> = {
    start: first.scenario.start,
    horizonDays: first.scenario.horizonDays,
    warmupDays: first.scenario.warmupDays,
    replications: first.scenario.replications,
    seed: first.scenario.seed,
    ...(first.scenario.currency !== undefined ? { currency: first.scenario.currency } : {}),
    ...settings,
  };
  for (const { section: key } of RESOURCE_KIND_MODULES) doc[key] = [...renamed.flatMap((r) => (r[key] as unknown[] | undefined) ?? []), ...(shared[key] ?? [])];
  doc['items'] = renamed.flatMap((r) => (r['items'] as unknown[] | undefined) ?? []);
  doc['patientClasses'] = renamed.flatMap((r) => r['patientClasses'] as unknown[]);
  doc['pathways'] = Object.assign({}, ...renamed.map((r) => r['pathways'] as object)) as unknown;
  // Penalties and the case mix are the region's: the first site that gives them.
  const costs = sites.find((s) => s.document['costs'] !== undefined)?.document['costs'];
  if (costs !== undefined) doc['costs'] = costs;
  const caseMix = sites.find((s) => s.document['caseMix'] !== undefined)?.document['caseMix'];
  if (caseMix !== undefined) doc['caseMix'] = caseMix;
  const waitTargets = Object.assign({}, ...renamed.map((r) => (r['waitTargets'] as object | undefined) ?? {})) as Record<string, number>;
  if (Object.keys(waitTargets).length > 0) doc['waitTargets'] = waitTargets;
  // Ambulance diversion: each diverted class's own pathway (diversion.ts).
  addDiversions(
    doc,
    sites.map((s, i) => ({ ...s, diversion: network.sites[i]!.diversion })),
    (id) => `${id}${SITE_SEPARATOR}`,
  );
  doc['network'] = section;
  return doc;
}

/** A site's resource sections, items, classes, pathways and wait targets with its names prefixed. */
function renameSite(site: SiteHospital): Record<string, unknown> {
  const names = namesOfSite(site.scenario);
  const prefix = `${site.id}${SITE_SEPARATOR}`;
  const rename: Rename = (name) => (names.has(name) ? prefix + name : name);
  const d = site.document;
  const out: Record<string, unknown> = {};
  // A resource's or item's other fields are its own settings (a ward's type "icu" is no name): only its id and department.
  const own = (list: unknown): unknown =>
    (list as Record<string, unknown>[]).map((e) => ({
      ...e,
      id: rename(e['id'] as string),
      ...(typeof e['department'] === 'string' ? { department: rename(e['department']) } : {}),
    }));
  for (const { section } of RESOURCE_KIND_MODULES) if (d[section] !== undefined) out[section] = own(d[section]);
  if (d['items'] !== undefined) out['items'] = own(d['items']);
  out['patientClasses'] = ((d['patientClasses'] as Record<string, unknown>[] | undefined) ?? []).map((c) => ({
    ...c,
    id: rename(c['id'] as string),
    department: rename(c['department'] as string),
    pathway: rename(c['pathway'] as string),
  }));
  const pathways = (d['pathways'] as Record<string, unknown[]> | undefined) ?? {};
  out['pathways'] = Object.fromEntries(Object.entries(pathways).map(([name, steps]) => [rename(name), steps.map((s) => renameStep(s, rename, site.id))]));
  const targets = d['waitTargets'] as Record<string, number> | undefined;
  if (targets !== undefined) out['waitTargets'] = Object.fromEntries(Object.entries(targets).map(([k, v]) => [rename(k), v]));
  return out;
}
