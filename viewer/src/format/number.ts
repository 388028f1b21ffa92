/** Figures as the CLI's report shows them: shares as %, money with separators, times with their unit. */
export type FigureUnit = 'share' | 'currency' | 'hours' | 'minutes' | 'count' | 'other';

export function figureUnit(id: string): FigureUnit {
  if (id.startsWith('cost.')) return 'currency';
  if (/^(occupancy|utilisation)\./.test(id) || /(Share|fillRate|within4h)$/.test(id)) return 'share';
  if (/^(los\.|ed\.los|boarding\.hours|overtime\.)/.test(id)) return 'hours';
  if (/^(wait\.|imaging\..*turnaround)/.test(id)) return 'minutes';
  if (/^(arrivals|throughput|cancellations|turnedAway|leftUnseen|refused|ed\.arrivals|ed\.leftUnseen$)/.test(id) || /stockouts|orders/.test(id)) return 'count';
  return 'other';
}

const formats = new Map<number, Intl.NumberFormat>();

/** Intl formatters are slow to make: one per number of decimals. */
function numberFormat(decimals: number): Intl.NumberFormat {
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

export function formatFigure(id: string, value: number, signed = false): string {
  // No "-0": what rounds to zero is shown as zero.
  const x = Math.abs(value) < 1e-9 || (figureUnit(id) === 'currency' && Math.abs(value) < 0.5) ? 0 : value;
  const sign = signed && x > 0 ? '+' : '';
  switch (figureUnit(id)) {
    case 'share':
      return `${sign}${formatNumber(x * 100, 1)}${signed ? ' pts' : '%'}`;
    case 'currency':
      return `${sign}${numberFormat(0).format(Math.round(x))}`;
    case 'hours':
      return `${sign}${formatNumber(x, 1)} h`;
    case 'minutes':
      return `${sign}${formatNumber(x, 1)} min`;
    case 'count':
      return `${sign}${formatNumber(x, 1)}`;
    default:
      return `${sign}${formatNumber(x, 2)}`;
  }
}
