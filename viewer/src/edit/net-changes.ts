/**
 * The change list as the net result, not a keystroke history: a field changed
 * twice reads "from the original → to the latest", and one changed back to
 * where it started drops out. Changes read "<what>: <from> → <to>"; others
 * ("a wave added") are kept as they come.
 */
const ARROW = /^(.*?): (.*) → (.*)$/;

export function addNetChange(changes: readonly string[], change: string): string[] {
  const m = ARROW.exec(change);
  if (!m) return [...changes, change];
  const [, what, , to] = m;
  const at = changes.findIndex((c) => ARROW.exec(c)?.[1] === what);
  if (at < 0) return [...changes, change];
  const from = ARROW.exec(changes[at]!)![2]!;
  const out = [...changes];
  if (from === to) out.splice(at, 1);
  else out[at] = `${what}: ${from} → ${to}`;
  return out;
}
