/** Small helpers for the words of problems. */
export function quoteList(xs: readonly string[]): string {
  return xs.length === 0 ? 'none' : xs.map((x) => `"${x}"`).join(', ');
}

export function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
