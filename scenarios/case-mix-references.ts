/**
 * Reference checks for case-mix groups and wait targets: every group code is
 * given once; the group attribute is one some class has, and each of its
 * values is a declared group; a wait target names a seize or stay step's wait.
 */
import type { Scenario } from './schema/scenario.js';
import { verbOf } from './verbs/index.js';

export function checkCaseMixAndTargets(
  s: Scenario,
  attributeValues: ReadonlyMap<string, ReadonlySet<string>>,
  problem: (path: string, message: string) => void,
): void {
  const mix = s.caseMix;
  if (mix) {
    const codes = new Set<string>();
    mix.groups.forEach((g, i) => {
      if (codes.has(String(g.code))) problem(`caseMix.groups[${i}].code`, `"${g.code}" is already used by another group`);
      codes.add(String(g.code));
    });
    const values = attributeValues.get(mix.attribute);
    if (!values) {
      problem(
        'caseMix.attribute',
        `no patient class has the attribute "${mix.attribute}": give the classes it applies to a mix of group codes, e.g. attributes: { ${mix.attribute}: { values: [${[...codes].slice(0, 2).join(', ')}], weights: [...] } }`,
      );
    } else {
      for (const v of values) {
        if (!codes.has(v))
          problem(
            'caseMix.groups',
            `the attribute "${mix.attribute}" takes the value "${v}", which is not a group (groups: ${[...codes].map((c) => `"${c}"`).join(', ')})`,
          );
      }
    }
  }
  if (s.waitTargets) {
    const waits = waitFigureNames(s);
    for (const id of Object.keys(s.waitTargets)) {
      if (!waits.has(id))
        problem(
          `waitTargets.${id}`,
          `is not a step whose wait is measured (give a seize or stay step this id; steps with ids: ${
            [...waits]
              .slice(0, 12)
              .map((w) => `"${w}"`)
              .join(', ') || 'none'
          })`,
        );
    }
  }
}

/** Wait figure names of the steps whose verb measures a wait (seize, stay: their ids, else pathway.resources). */
function waitFigureNames(s: Scenario): Set<string> {
  const names = new Set<string>();
  for (const [pathway, steps] of Object.entries(s.pathways)) {
    for (const step of steps) {
      const name = verbOf(step).waitFigure?.(step, pathway);
      if (name !== undefined) names.add(name);
    }
  }
  return names;
}
