/**
 * Namespacing a site: every name a hospital scenario defines (resources, items,
 * classes, pathways, departments, step ids and activities) gets the site's
 * prefix, so that two county hospitals built from one file do not share a bed
 * or a figure. Attribute names and values are left alone: patients carry them
 * from site to site, and a referral rule reads them anywhere. Object keys are
 * never renamed (they are field names or attribute values).
 */
import type { Scenario } from '../schema/scenario.js';
import { declaredResources } from '../kinds/index.js';
import { verbOf } from '../verbs/index.js';
import { carriedAttributes } from '../arrivals/index.js';

/** Renames a name the site defines; leaves any other string as it is. */
export type Rename = (name: string) => string;

/** The names a site defines, from its scenario as checked for shape. */
export function namesOfSite(s: Scenario): Set<string> {
  const names = new Set<string>();
  for (const { element } of declaredResources(s)) {
    names.add(element.id);
    const dept = (element as { department?: unknown }).department;
    if (typeof dept === 'string') names.add(dept);
  }
  for (const it of s.items) names.add(it.id);
  for (const c of s.patientClasses) {
    names.add(c.id);
    names.add(c.department);
  }
  for (const [name, steps] of Object.entries(s.pathways)) {
    names.add(name);
    collectStepNames(steps, names);
  }
  // An attribute's name keeps its meaning as one (branchOn names it). Its values need no care: steps hold them
  // only as keys (a branchOn's cases), which are not renamed, so a value "or1" and a room "or1" can both be.
  for (const c of s.patientClasses) {
    for (const name of Object.keys(c.attributes)) names.delete(name);
    for (const [name] of carriedAttributes(c.arrivals)) names.delete(name);
  }
  return names;
}

/** Step ids and activity names, at any depth (a split's branches hold steps too). */
function collectStepNames(value: unknown, names: Set<string>): void {
  if (Array.isArray(value)) {
    for (const v of value) collectStepNames(v, names);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, v] of Object.entries(value)) {
    if ((key === 'id' || key === 'activity') && typeof v === 'string') names.add(v);
    else collectStepNames(v, names);
  }
}

/** Every string value in `value` renamed (object keys are not: they are attribute values or field names). */
export function renameDeep(value: unknown, rename: Rename): unknown {
  if (typeof value === 'string') return rename(value);
  if (Array.isArray(value)) return value.map((v) => renameDeep(v, rename));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renameDeep(v, rename)]));
}

/** A step as written, renamed by its verb (a transfer names other sites' pathways, which keep their names) or else as a whole. */
export function renameStep(step: unknown, rename: Rename, site: string): unknown {
  const verb = verbOf(step);
  return verb.rename ? verb.rename(step as never, rename, site) : renameDeep(step, rename);
}
