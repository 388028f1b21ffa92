/**
 * Ambulance diversion as a site of a network declares it: while its ED's line
 * or its boarders pass a threshold, or no unit of a bed is free, new arrivals of
 * the named classes go to another site by rule. The merge gives each such class
 * a pathway of its own whose only step is a `divert` (verbs/divert.ts) that
 * sends the patient on at the class's own pathway, or to another site's.
 */
import { z } from 'zod';
import { declaredResources } from '../kinds/index.js';
import { didYouMean } from '../nearest-name.js';
import { Id } from '../schema/common.js';
import type { ScenarioIssue } from '../schema/errors.js';
import type { Scenario } from '../schema/scenario.js';
import { conditionOf, DIVERSION_RULES, DiversionOnly, DiversionTiming, DiversionWhen, thresholdProblems } from '../verbs/divert.js';

export const DiversionRule = z.strictObject({
  /** What puts the site on diversion: `{ waiting | boarding | noFree: <resource>, above }`, as the site names them. */
  when: DiversionWhen,
  /** The classes diverted (ambulance arrivals), as the site names them. */
  classes: z.array(Id).min(1, 'must name at least one class'),
  /** Divert only their patients with one of these values of an attribute (e.g. the less urgent acuities); the others stay. */
  only: DiversionOnly.optional(),
  /** Where they go: a rule among sites (default every other site); a site on diversion itself is passed over. */
  to: z.strictObject({ rule: z.enum(DIVERSION_RULES).default('nearest'), among: z.array(Id).min(1).optional() }).default({ rule: 'nearest' }),
  /** The pathway a diverted patient goes on at, as the destination names it; default: that site's class of the same id's. */
  pathway: Id.optional(),
  ...DiversionTiming,
});

export type Diversion = z.output<typeof DiversionRule>;

interface SiteOfNetwork {
  id: string;
  scenario: Scenario;
  diversion?: Diversion | undefined;
}

/** Every problem of the sites' diversion rules, by its path in the network document. */
export function diversionProblems(sites: readonly (SiteOfNetwork & { index: number })[]): ScenarioIssue[] {
  const problems: ScenarioIssue[] = [];
  const ids = sites.map((s) => s.id);
  for (const site of sites) {
    const rule = site.diversion;
    if (rule === undefined) continue;
    const at = `sites[${site.index}].diversion`;
    if (sites.length < 2) {
      problems.push({ path: at, message: 'needs another site to divert to' });
      continue;
    }
    const c = conditionOf(rule.when);
    if (c === undefined) problems.push({ path: `${at}.when`, message: 'must name exactly one of waiting, boarding or noFree' });
    else {
      const resources = declaredResources(site.scenario).map((r) => r.element.id);
      if (!resources.includes(c.resource))
        problems.push({ path: `${at}.when.${c.kind}`, message: `is not a resource of site "${site.id}"${didYouMean(c.resource, resources)}` });
    }
    problems.push(...thresholdProblems(rule.when, `${at}.when`));
    const classes = site.scenario.patientClasses.map((k) => k.id);
    rule.classes.forEach((k, j) => {
      if (!classes.includes(k)) problems.push({ path: `${at}.classes[${j}]`, message: `is not a class of site "${site.id}"${didYouMean(k, classes)}` });
    });
    if (rule.only !== undefined) problems.push(...onlyProblems(rule.only, site, rule.classes, `${at}.only`));
    const to = destinationsOf(site.id, rule, ids);
    to.forEach((id, j) => {
      const path = rule.to.among === undefined ? `${at}.to` : `${at}.to.among[${j}]`;
      const there = sites.find((s) => s.id === id);
      if (there === undefined) return problems.push({ path, message: `is not a site${didYouMean(id, ids)}` });
      if (id === site.id) return problems.push({ path, message: 'is the site itself: a diverted patient goes elsewhere' });
      if (rule.pathway !== undefined) {
        if (there.scenario.pathways[rule.pathway] === undefined) problems.push({ path: `${at}.pathway`, message: `is not a pathway of site "${id}"` });
        return;
      }
      const theirs = new Set(there.scenario.patientClasses.map((k) => k.id));
      rule.classes.forEach((k, jj) => {
        if (classes.includes(k) && !theirs.has(k))
          problems.push({ path: `${at}.classes[${jj}]`, message: `site "${id}" has no class "${k}" to take it on: name a pathway there in ${at}.pathway` });
      });
    });
    if (to.length === 0) problems.push({ path: `${at}.to`, message: 'has no site to divert to' });
  }
  return problems;
}

/** The attribute `only` names is drawn for every diverted class, and each value listed is one of its values there. */
function onlyProblems(only: z.output<typeof DiversionOnly>, site: SiteOfNetwork, diverted: readonly string[], at: string): ScenarioIssue[] {
  const problems: ScenarioIssue[] = [];
  const values = new Set<string>();
  for (const k of diverted) {
    const cls = site.scenario.patientClasses.find((c) => c.id === k);
    if (cls === undefined) continue;
    const mix = Object.hasOwn(cls.attributes, only.attribute) ? cls.attributes[only.attribute] : undefined;
    if (mix === undefined) {
      const known = Object.keys(cls.attributes);
      problems.push({
        path: `${at}.attribute`,
        message: `class "${k}" of site "${site.id}" has no attribute "${only.attribute}"${didYouMean(only.attribute, known)}`,
      });
    } else for (const v of mix.values) values.add(String(v));
  }
  if (problems.length > 0 || values.size === 0) return problems;
  only.values.forEach((v, j) => {
    if (!values.has(String(v)))
      problems.push({
        path: `${at}.values[${j}]`,
        message: `"${v}" is not a value of "${only.attribute}" (values: ${[...values].map((x) => `"${x}"`).join(', ')})`,
      });
  });
  return problems;
}

function destinationsOf(site: string, rule: Diversion, all: readonly string[]): string[] {
  return rule.to.among ?? all.filter((s) => s !== site);
}

/** The pathway name of a diverted class in the merged model. */
export const divertPathwayName = (prefix: string, cls: string): string => `${prefix}divert-${cls}`;

/**
 * Gives each diverted class of the merged document a pathway whose one step is its site's `divert`.
 * `prefixOf` gives a site's prefix. Destinations go on at their class's own pathway (as written, not diverted again).
 */
export function addDiversions(doc: Record<string, unknown>, sites: readonly SiteOfNetwork[], prefixOf: (site: string) => string): void {
  const classes = doc['patientClasses'] as Record<string, unknown>[];
  const pathways = doc['pathways'] as Record<string, unknown>;
  const ownPathway = new Map(classes.map((c) => [c['id'] as string, c['pathway'] as string]));
  const ids = sites.map((s) => s.id);
  for (const site of sites) {
    const rule = site.diversion;
    if (rule === undefined) continue;
    const prefix = prefixOf(site.id);
    const c = conditionOf(rule.when)!;
    for (const k of rule.classes) {
      const cls = classes.find((x) => x['id'] === prefix + k)!;
      const name = divertPathwayName(prefix, k);
      pathways[name] = [
        {
          divert: site.id,
          when: {
            [c.kind]: prefix + c.resource,
            above: rule.when.above,
            ...(rule.when.endBelow !== undefined ? { endBelow: rule.when.endBelow } : {}),
          },
          ...(rule.only !== undefined ? { only: rule.only } : {}),
          pathway: ownPathway.get(prefix + k)!,
          to: destinationsOf(site.id, rule, ids).map((id) => ({
            site: id,
            pathway: rule.pathway !== undefined ? prefixOf(id) + rule.pathway : ownPathway.get(prefixOf(id) + k)!,
          })),
          rule: rule.to.rule,
          reviewMinutes: rule.reviewMinutes,
          ...(rule.minimumMinutes !== undefined ? { minimumMinutes: rule.minimumMinutes } : {}),
        },
      ];
      cls['pathway'] = name;
    }
  }
}
