/**
 * A maker of ids unique among themselves (and `taken`): a repeat of a base gets
 * -2, -3, … in the order asked, so the same requests give the same ids.
 */
export function uniqueIds(taken: Iterable<string> = []): (base: string) => string {
  const ids = new Set(taken);
  return (base) => {
    let id = base;
    for (let k = 2; ids.has(id); k++) id = `${base}-${k}`;
    ids.add(id);
    return id;
  };
}
