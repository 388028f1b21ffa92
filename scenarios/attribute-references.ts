/**
 * Reference checks for an attribute that follows another (`byAttribute` and
 * `cases` in a class's attribute mix): the attribute followed is another of the
 * same class, drawn from a mix of its own (no chains); each key of `cases` is
 * one of its values (in its mix or fixed by a list arrival of the class), and
 * each value given is one of the follower's own.
 */
import type { Scenario } from './schema/scenario.js';
import { quoteList } from './verbs/index.js';
import { carriedAttributes } from './arrivals/index.js';

export function checkFollowingAttributes(s: Scenario, problem: (path: string, message: string) => void): void {
  s.patientClasses.forEach((c, i) => {
    for (const [name, mix] of Object.entries(c.attributes)) {
      if (mix.byAttribute === undefined || mix.cases === undefined) continue;
      const at = `patientClasses[${i}].attributes.${name}`;
      const followed = Object.hasOwn(c.attributes, mix.byAttribute) ? c.attributes[mix.byAttribute] : undefined;
      if (mix.byAttribute === name) {
        problem(`${at}.byAttribute`, `"${name}" cannot follow itself: name another attribute of the class`);
        continue;
      }
      if (!followed) {
        const others = Object.keys(c.attributes).filter((a) => a !== name);
        problem(
          `${at}.byAttribute`,
          `the class has no attribute "${mix.byAttribute}" to follow (its other attributes: ${others.length > 0 ? quoteList(others) : 'none'})`,
        );
        continue;
      }
      if (followed.byAttribute !== undefined) {
        problem(`${at}.byAttribute`, `"${mix.byAttribute}" itself follows "${followed.byAttribute}": follow an attribute drawn from a mix of its own`);
        continue;
      }
      // Its values: those of its mix, and those a list arrival of the class fixes.
      const keys = new Set(followed.values.map(String));
      for (const [attribute, v] of carriedAttributes(c.arrivals)) if (attribute === mix.byAttribute) keys.add(String(v));
      const own = new Set(mix.values.map(String));
      let shown = 0;
      for (const [key, value] of Object.entries(mix.cases)) {
        if (shown >= 20) break;
        if (!keys.has(key)) {
          problem(`${at}.cases.${key}`, `"${key}" is not a value of "${mix.byAttribute}" in this class`);
          shown++;
        } else if (!own.has(String(value))) {
          problem(`${at}.cases.${key}`, `"${value}" is not one of the values of "${name}" (list it in values, with its weight)`);
          shown++;
        }
      }
    }
  });
}
