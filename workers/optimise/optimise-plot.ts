/**
 * optimise.svg: the objective against replications used. A dot for each
 * evaluation (its solution's mean so far: filled if the constraint means are
 * met, hollow if not) and a line for the best so far. Plain SVG, no library:
 * a scatter and a step line need nothing more.
 */
import type { OptimiseReport } from './optimise-report.js';

const W = 760;
const H = 420;
const M = { left: 90, right: 20, top: 40, bottom: 55 };

export function progressSvg(report: OptimiseReport): string {
  const points = report.history.filter((h) => Number.isFinite(h.mean));
  const xs = points.map((p) => p.used);
  const ys = [...points.map((p) => p.mean), ...points.map((p) => p.bestMean)].filter(Number.isFinite);
  const xMax = Math.max(1, ...xs);
  const [yLo, yHi] = ys.length > 0 ? padded(Math.min(...ys), Math.max(...ys)) : [0, 1];
  const px = (x: number): number => M.left + (x / xMax) * (W - M.left - M.right);
  const py = (y: number): number => H - M.bottom - ((y - yLo) / (yHi - yLo)) * (H - M.top - M.bottom);
  const title = `${report.objective.order === 'min' ? 'Lowest' : 'Highest'} ${report.objective.figure} found, against replications used`;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<title>${esc(title)}</title>`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${W / 2}" y="22" text-anchor="middle" font-size="14">${esc(title)}</text>`,
  ];
  for (const t of ticks(0, xMax)) {
    out.push(
      `<line x1="${f(px(t))}" y1="${H - M.bottom}" x2="${f(px(t))}" y2="${H - M.bottom + 5}" stroke="#333"/>`,
      `<text x="${f(px(t))}" y="${H - M.bottom + 18}" text-anchor="middle">${esc(label(t))}</text>`,
    );
  }
  for (const t of ticks(yLo, yHi)) {
    out.push(
      `<line x1="${M.left}" y1="${f(py(t))}" x2="${W - M.right}" y2="${f(py(t))}" stroke="#e5e5e5"/>`,
      `<text x="${M.left - 8}" y="${f(py(t) + 4)}" text-anchor="end">${esc(label(t))}</text>`,
    );
  }
  out.push(
    `<line x1="${M.left}" y1="${H - M.bottom}" x2="${W - M.right}" y2="${H - M.bottom}" stroke="#333"/>`,
    `<line x1="${M.left}" y1="${M.top}" x2="${M.left}" y2="${H - M.bottom}" stroke="#333"/>`,
    `<text x="${(M.left + W - M.right) / 2}" y="${H - 12}" text-anchor="middle">replications used (search, then selection)</text>`,
    `<text transform="translate(18 ${(M.top + H - M.bottom) / 2}) rotate(-90)" text-anchor="middle">${esc(report.objective.figure)} (mean over replications)</text>`,
  );
  for (const p of points) {
    const fill = p.feasible ? '#4a78b5' : 'none';
    out.push(
      `<circle cx="${f(px(p.used))}" cy="${f(py(p.mean))}" r="3" fill="${fill}" stroke="#4a78b5" opacity="0.6"><title>${esc(`${p.solution}: ${label(p.mean)} after ${p.used} replications${p.feasible ? '' : ' (misses a constraint on its mean)'}`)}</title></circle>`,
    );
  }
  const best = points.filter((p) => Number.isFinite(p.bestMean));
  if (best.length > 0) {
    let d = `M${f(px(best[0]!.used))},${f(py(best[0]!.bestMean))}`;
    for (let i = 1; i < best.length; i++) d += `H${f(px(best[i]!.used))}V${f(py(best[i]!.bestMean))}`;
    out.push(`<path d="${d}" fill="none" stroke="#c0392b" stroke-width="2"/>`);
  }
  out.push(
    `<circle cx="${W - 250}" cy="${M.top + 4}" r="3" fill="#4a78b5"/><text x="${W - 242}" y="${M.top + 8}">a solution (hollow: misses a constraint)</text>`,
    `<line x1="${W - 256}" y1="${M.top + 22}" x2="${W - 244}" y2="${M.top + 22}" stroke="#c0392b" stroke-width="2"/><text x="${W - 242}" y="${M.top + 26}">best so far</text>`,
    '</svg>',
  );
  return `${out.join('\n')}\n`;
}

function padded(lo: number, hi: number): [number, number] {
  if (hi === lo) return [lo - 1, hi + 1];
  const pad = (hi - lo) * 0.05;
  return [lo - pad, hi + pad];
}

/** About five round ticks between lo and hi. */
function ticks(lo: number, hi: number): number[] {
  const raw = (hi - lo) / 5;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? 10 * p;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) out.push(+t.toPrecision(12));
  return out;
}

function label(x: number): string {
  if (Math.abs(x) >= 10_000) return Math.round(x).toLocaleString('en-GB');
  return String(+x.toPrecision(4));
}

function f(x: number): string {
  return x.toFixed(1);
}

function esc(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}
