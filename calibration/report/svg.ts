import { maxOf, minOf } from '../../scenarios/index.js';
/**
 * Small inline SVG charts for the calibration report: lines, steps, bars with
 * whiskers, bands, on a linear or log-10 x axis; and a heat map for routing.
 * Strings in, a self-contained <svg> out; no fonts or scripts needed.
 */

export interface Series {
  name: string;
  color: string;
  kind: 'line' | 'step' | 'bars' | 'points';
  points: [number, number][];
  dash?: boolean;
  /** Shaded band (x, lo, hi). */
  band?: [number, number, number][];
  /** Vertical whiskers (x, lo, hi), e.g. a 95% interval on each bar. */
  whiskers?: [number, number, number][];
  /** Bars: the left and right edge of each bar (else barWidth around x). */
  edges?: [number, number][];
}

export interface ChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  series: Series[];
  logX?: boolean;
  xTicks?: { value: number; label: string }[];
  xMin?: number;
  xMax?: number;
  yMin?: number;
  yMax?: number;
  width?: number;
  height?: number;
  /** Width of a bar in x units (bars are centred on x). */
  barWidth?: number;
}

const M = { left: 56, right: 12, top: 26, bottom: 62 };

export function chart(o: ChartOptions): string {
  const width = o.width ?? 560;
  const height = o.height ?? 270;
  const tx = (x: number): number => (o.logX ? Math.log10(x) : x);
  const xs: number[] = [];
  const ys: number[] = [];
  for (const s of o.series) {
    for (const [x, y] of s.points) if (Number.isFinite(tx(x)) && Number.isFinite(y)) (xs.push(tx(x)), ys.push(y));
    for (const [x, lo, hi] of [...(s.band ?? []), ...(s.whiskers ?? [])]) if (Number.isFinite(tx(x))) (xs.push(tx(x)), ys.push(lo, hi));
  }
  const half = (o.barWidth ?? 0) / 2;
  let x0 = o.xMin !== undefined ? tx(o.xMin) : minOf(xs) - half;
  let x1 = o.xMax !== undefined ? tx(o.xMax) : maxOf(xs) + half;
  if (!(x1 > x0)) ((x0 -= 1), (x1 += 1));
  const y0 = o.yMin ?? minOf(ys.filter(Number.isFinite), 0);
  let y1 = o.yMax ?? maxOf(ys.filter(Number.isFinite)) * 1.05;
  if (!(y1 > y0)) y1 = y0 + 1;
  const pw = width - M.left - M.right;
  const ph = height - M.top - M.bottom;
  const px = (x: number): number => M.left + ((tx(x) - x0) / (x1 - x0)) * pw;
  const py = (y: number): number => M.top + ph - ((Math.min(Math.max(y, y0), y1) - y0) / (y1 - y0)) * ph;
  const parts: string[] = [];
  parts.push(`<text x="${M.left}" y="16" font-size="13" font-weight="600">${esc(o.title)}</text>`);
  // Axes and grid.
  const yTicks = niceTicks(y0, y1, 5);
  for (const t of yTicks) {
    parts.push(`<line x1="${M.left}" x2="${width - M.right}" y1="${f(py(t))}" y2="${f(py(t))}" stroke="#e5e5e5"/>`);
    parts.push(`<text x="${M.left - 5}" y="${f(py(t) + 4)}" font-size="10" text-anchor="end">${esc(short(t))}</text>`);
  }
  const xTicks = o.xTicks ?? (o.logX ? logTicks(x0, x1) : niceTicks(x0, x1, 8).map((v) => ({ value: v, label: short(v) })));
  for (const t of xTicks) {
    if (tx(t.value) < x0 - 1e-9 || tx(t.value) > x1 + 1e-9) continue;
    parts.push(`<line x1="${f(px(t.value))}" x2="${f(px(t.value))}" y1="${M.top + ph}" y2="${M.top + ph + 4}" stroke="#444"/>`);
    parts.push(`<text x="${f(px(t.value))}" y="${M.top + ph + 15}" font-size="10" text-anchor="middle">${esc(t.label)}</text>`);
  }
  parts.push(`<line x1="${M.left}" x2="${width - M.right}" y1="${M.top + ph}" y2="${M.top + ph}" stroke="#444"/>`);
  parts.push(`<line x1="${M.left}" x2="${M.left}" y1="${M.top}" y2="${M.top + ph}" stroke="#444"/>`);
  parts.push(`<text x="${M.left + pw / 2}" y="${M.top + ph + 30}" font-size="11" text-anchor="middle">${esc(o.xLabel)}</text>`);
  parts.push(`<text transform="translate(13 ${M.top + ph / 2}) rotate(-90)" font-size="11" text-anchor="middle">${esc(o.yLabel)}</text>`);
  // Data.
  for (const s of o.series) {
    const pts = s.points.filter(([x, y]) => Number.isFinite(tx(x)) && Number.isFinite(y));
    if (s.band && s.band.length > 1) {
      const upper = s.band.map(([x, , hi]) => `${f(px(x))},${f(py(hi))}`);
      const lower = [...s.band].reverse().map(([x, lo]) => `${f(px(x))},${f(py(lo))}`);
      parts.push(`<polygon points="${[...upper, ...lower].join(' ')}" fill="${s.color}" opacity="0.18"/>`);
    }
    const dash = s.dash ? ' stroke-dasharray="5 3"' : '';
    if (s.kind === 'bars') {
      const w = o.barWidth ?? 1;
      for (const [k, [x, y]] of s.points.entries()) {
        if (!Number.isFinite(y)) continue;
        const edge = s.edges?.[k];
        const left = px(edge ? edge[0] : x - w / 2);
        const right = px(edge ? edge[1] : x + w / 2);
        parts.push(
          `<rect x="${f(left + 0.5)}" y="${f(py(y))}" width="${f(Math.max(0.5, right - left - 1))}" height="${f(py(y0) - py(y))}" fill="${s.color}" opacity="0.75"/>`,
        );
      }
    } else if (s.kind === 'points') {
      for (const [x, y] of pts) parts.push(`<circle cx="${f(px(x))}" cy="${f(py(y))}" r="3" fill="${s.color}"/>`);
    } else if (pts.length > 0) {
      const d =
        s.kind === 'step'
          ? pts.map(([x, y], i) => (i === 0 ? `M${f(px(x))},${f(py(y))}` : `H${f(px(x))}V${f(py(y))}`)).join('')
          : pts.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${f(px(x))},${f(py(y))}`).join('');
      parts.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="1.8"${dash}/>`);
    }
    for (const [x, lo, hi] of s.whiskers ?? []) {
      parts.push(`<line x1="${f(px(x))}" x2="${f(px(x))}" y1="${f(py(lo))}" y2="${f(py(hi))}" stroke="#333" stroke-width="1"/>`);
    }
  }
  // Legend under the axis label.
  let lx = M.left;
  for (const s of o.series) {
    const w = 22 + s.name.length * 6.2;
    if (lx + w > width) break;
    const y = height - 10;
    parts.push(
      s.kind === 'bars'
        ? `<rect x="${f(lx)}" y="${y - 8}" width="14" height="9" fill="${s.color}" opacity="0.75"/>`
        : `<line x1="${f(lx)}" x2="${f(lx + 14)}" y1="${y - 4}" y2="${y - 4}" stroke="${s.color}" stroke-width="2"${s.dash ? ' stroke-dasharray="5 3"' : ''}/>`,
    );
    parts.push(`<text x="${f(lx + 18)}" y="${y}" font-size="10">${esc(s.name)}</text>`);
    lx += w + 10;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, sans-serif" role="img" aria-label="${esc(o.title)}">${parts.join('')}</svg>`;
}

/** A matrix of shares as coloured cells (routing: rows are "from", columns "to"). */
export function heatmap(
  title: string,
  rows: string[],
  cols: string[],
  value: (r: number, c: number) => number | null,
  label: (r: number, c: number) => string,
): string {
  const cell = 30;
  const left = 8 + maxOf(rows.map((r) => r.length)) * 6.2;
  const top = 30 + maxOf(cols.map((c) => c.length)) * 5.2;
  const width = left + cols.length * cell + 10;
  const height = top + rows.length * cell + 10;
  const parts = [`<text x="8" y="16" font-size="13" font-weight="600">${esc(title)}</text>`];
  cols.forEach((c, j) => {
    const x = left + j * cell + cell / 2;
    parts.push(`<text transform="translate(${f(x + 3)} ${top - 4}) rotate(-60)" font-size="10">${esc(c)}</text>`);
  });
  rows.forEach((r, i) => {
    const y = top + i * cell;
    parts.push(`<text x="${f(left - 4)}" y="${f(y + cell / 2 + 4)}" font-size="10" text-anchor="end">${esc(r)}</text>`);
    cols.forEach((_, j) => {
      const v = value(i, j);
      const x = left + j * cell;
      const fill = v === null ? '#fafafa' : `rgba(31,119,180,${(0.08 + 0.92 * v).toFixed(3)})`;
      parts.push(`<rect x="${x}" y="${y}" width="${cell - 1}" height="${cell - 1}" fill="${fill}"><title>${esc(label(i, j))}</title></rect>`);
      if (v !== null && v >= 0.005)
        parts.push(
          `<text x="${x + cell / 2}" y="${y + cell / 2 + 3}" font-size="9" text-anchor="middle" fill="${v > 0.55 ? '#fff' : '#222'}">${Math.round(v * 100)}</text>`,
        );
    });
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${f(width)} ${f(height)}" width="${f(width)}" height="${f(height)}" font-family="system-ui, sans-serif" role="img" aria-label="${esc(title)}">${parts.join('')}</svg>`;
}

/** Ticks for durations in minutes on a log axis, in words a clinician uses. */
export const DURATION_TICKS = [
  { value: 1, label: '1 min' },
  { value: 10, label: '10 min' },
  { value: 60, label: '1 h' },
  { value: 360, label: '6 h' },
  { value: 1440, label: '1 d' },
  { value: 10080, label: '1 wk' },
  { value: 43200, label: '30 d' },
  { value: 525600, label: '1 y' },
];

function logTicks(x0: number, x1: number): { value: number; label: string }[] {
  const out: { value: number; label: string }[] = [];
  for (let e = Math.floor(x0); e <= Math.ceil(x1); e++) out.push({ value: Math.pow(10, e), label: short(Math.pow(10, e)) });
  return out;
}

function niceTicks(lo: number, hi: number, count: number): number[] {
  const span = hi - lo;
  const raw = span / count;
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => span / s <= count) ?? 10 * mag;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + 1e-9 * step; t += step) out.push(Math.round(t / step) * step);
  return out;
}

function short(x: number): string {
  const a = Math.abs(x);
  if (a >= 1e6) return `${+(x / 1e6).toPrecision(3)}M`;
  if (a >= 1e4) return `${+(x / 1e3).toPrecision(3)}k`;
  if (a >= 100 || Number.isInteger(x)) return String(Math.round(x));
  return String(+x.toPrecision(2));
}

function f(x: number): string {
  return (Math.round(x * 10) / 10).toString();
}

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
