/**
 * A network document checked in full before anything runs: its own shape, each
 * site's hospital (by its path in the network: `sites[2].hospital.scenario.wards[0].beds`),
 * the travel pairs' sites; then merged into one hospital scenario and checked
 * as one (the transfers' destinations and pathways). Every problem by its path.
 */
import type { z } from 'zod';
import { builtinScenario, BUILTIN_SCENARIOS } from '../builtin/index.js';
import { didYouMean } from '../nearest-name.js';
import { ScenarioSchema, type Scenario } from '../schema/scenario.js';
import { ScenarioError, type ScenarioIssue } from '../schema/errors.js';
import { diversionProblems } from './diversion.js';
import { mergeSites, type SiteHospital } from './merge-sites.js';
import { NetworkSchema } from './network-schema.js';
import { checkSharedServices } from './shared-services.js';

/** Whether a document is a network (sites, no patient classes of its own) rather than a hospital. */
export function isNetworkDocument(document: unknown): boolean {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return false;
  const d = document as Record<string, unknown>;
  return Array.isArray(d['sites']) && d['patientClasses'] === undefined;
}

/** Zod's issues in words, by path (load.ts's reader, passed in so that this folder does not import the loader). */
export type IssueReader = (issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[], root?: z.ZodType) => ScenarioIssue[];

/** The network merged into one hospital document, checked for everything a network adds; the caller parses the result as a scenario. */
export function mergedNetworkDocument(document: unknown, source: string, issuesOf: IssueReader): Record<string, unknown> {
  const parsed = NetworkSchema.safeParse(document, { reportInput: true, jitless: true });
  if (!parsed.success) throw new ScenarioError(source, issuesOf(parsed.error.issues, [], NetworkSchema));
  const network = parsed.data;
  const problems: ScenarioIssue[] = [];
  const ids = new Set<string>();
  const sites: SiteHospital[] = [];
  network.sites.forEach((site, i) => {
    if (ids.has(site.id)) problems.push({ path: `sites[${i}].id`, message: `"${site.id}" is already used by another site` });
    ids.add(site.id);
    let doc: Record<string, unknown>;
    let at: (string | number)[];
    if ('builtin' in site.hospital) {
      const builtin = builtinScenario(site.hospital.builtin);
      if (builtin === undefined) {
        const names = BUILTIN_SCENARIOS.map((b) => b.name);
        problems.push({ path: `sites[${i}].hospital.builtin`, message: `is not a built-in hospital${didYouMean(site.hospital.builtin, names)}` });
        return;
      }
      if (isNetworkDocument(builtin.document)) {
        problems.push({
          path: `sites[${i}].hospital.builtin`,
          message: `"${site.hospital.builtin}" is a network, not a hospital: name one of its sites' hospitals`,
        });
        return;
      }
      doc = builtin.document as unknown as Record<string, unknown>;
      at = ['sites', i, 'hospital', 'builtin'];
    } else {
      doc = site.hospital.scenario;
      at = ['sites', i, 'hospital', 'scenario'];
    }
    const shape = ScenarioSchema.safeParse(doc, { reportInput: true, jitless: true });
    if (!shape.success) {
      problems.push(...issuesOf(shape.error.issues, at, ScenarioSchema));
      return;
    }
    sites.push({ id: site.id, document: doc, scenario: shape.data as Scenario });
  });
  network.travel.forEach((t, i) => {
    for (const end of ['from', 'to'] as const)
      if (!ids.has(t[end])) problems.push({ path: `travel[${i}].${end}`, message: `is not a site${didYouMean(t[end], [...ids])}` });
    t.byHour?.forEach((w, j) => {
      if (w.to <= w.from) problems.push({ path: `travel[${i}].byHour[${j}].to`, message: `must be after from (${w.from}), got ${w.to}` });
    });
  });
  if (problems.length === 0) problems.push(...diversionProblems(sites.map((s, index) => ({ ...s, index, diversion: network.sites[index]!.diversion }))));
  problems.push(...checkSharedServices(network.services, ids, (name) => didYouMean(name, [...ids])));
  if (problems.length > 0) throw new ScenarioError(source, problems);
  return mergeSites(network, sites);
}
