/** Plain numbers on chart axes: thousands separators, fewer decimals as numbers grow. Figures go through figure-text.ts. */
const formats = new Map<number, Intl.NumberFormat>();

/** Intl formatters are slow to make: one per number of decimals, shared by the axes and the figures. */
export function numberFormat(decimals: number): Intl.NumberFormat {
  let f = formats.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 0, maximumFractionDigits: decimals });
    formats.set(decimals, f);
  }
  return f;
}

export function formatNumber(x: number, digits = 1): string {
  if (!Number.isFinite(x)) return '–';
  const abs = Math.abs(x);
  const d = abs >= 1000 ? 0 : abs >= 100 ? Math.min(digits, 1) : abs >= 1 ? digits : Math.max(digits, 2);
  return numberFormat(d).format(x);
}
