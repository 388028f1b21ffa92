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

export function formatNumber(x: number, digits = 1): string {
  if (!Number.isFinite(x)) return '–';
  const abs = Math.abs(x);
  const d = abs >= 1000 ? 0 : abs >= 100 ? Math.min(digits, 1) : abs >= 1 ? digits : Math.max(digits, 2);
  return x.toLocaleString('en-GB', { minimumFractionDigits: 0, maximumFractionDigits: d });
}

export function formatFigure(id: string, x: number, signed = false): string {
  const sign = signed && x > 0 ? '+' : '';
  switch (figureUnit(id)) {
    case 'share':
      return `${sign}${formatNumber(x * 100, 1)}${signed ? ' pts' : '%'}`;
    case 'currency':
      return `${sign}${Math.round(x).toLocaleString('en-GB')}`;
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
