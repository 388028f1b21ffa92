import { formatPath, type ScenarioIssue } from '../schema/errors.js';
import { INPUT_LIMITS } from '../limits.js';

/**
 * Every own `__proto__` key in a document, by path. A JSON `{"__proto__": {...}}`
 * is an own key, but copying it into a plain object (as the schema does for a
 * map of names) sets the prototype instead: the values would pass unchecked
 * and then be read as inherited fields. No name a state or a mapping uses can
 * be `__proto__`, so it is refused where it stands. Walked without recursion,
 * at most as deep as a document may nest.
 */
export function protoKeys(document: unknown): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: document, path: [] }];
  while (stack.length > 0 && issues.length < 100) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object' || path.length > INPUT_LIMITS.nestingDepth) continue;
    if (Array.isArray(value)) value.forEach((v, i) => stack.push({ value: v, path: [...path, i] }));
    else {
      if (Object.hasOwn(value, '__proto__'))
        issues.push({ path: formatPath([...path, '__proto__']), message: 'is not a name a scenario can give here (a JavaScript reserved key)' });
      for (const [k, v] of Object.entries(value)) stack.push({ value: v, path: [...path, k] });
    }
  }
  return issues;
}

/**
 * The same patient given twice: two entries with one id, or two patients in one
 * bed of a ward. Counted twice, they would double a ward's census with no word
 * said; each repeat is refused naming the entry it repeats.
 */
export function samePatientTwice(
  patients: readonly { id?: string | undefined; ward?: string | undefined; bed?: string | undefined }[],
  pathOf: (k: number, field?: string) => string,
): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const byId = new Map<string, number>();
  const byBed = new Map<string, number>();
  patients.forEach((p, k) => {
    if (p.id !== undefined) {
      const first = byId.get(p.id);
      if (first === undefined) byId.set(p.id, k);
      else issues.push({ path: pathOf(k, 'id'), message: `${JSON.stringify(p.id.slice(0, 80))} is given twice: also ${pathOf(first)}` });
    }
    if (p.ward !== undefined && p.bed !== undefined) {
      const bed = JSON.stringify([p.ward, p.bed]);
      const first = byBed.get(bed);
      if (first === undefined) byBed.set(bed, k);
      else issues.push({ path: pathOf(k, 'bed'), message: `bed ${JSON.stringify(p.bed.slice(0, 80))} of ${p.ward} is taken twice: also by ${pathOf(first)}` });
    }
  });
  return issues;
}
