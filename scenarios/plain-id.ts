/** "edCubicle" -> "ED cubicle", "or1" -> "OR 1": ids without a name, in words. */
export function plainId(id: string): string {
  const words = id
    .replace(/([a-z])([A-Z0-9])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .split(' ')
    .map((w) => (/^(ed|or|ct|mri|icu|gp|dsa)$/i.test(w) ? w.toUpperCase() : w.toLowerCase()));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
