/**
 * `score --html FILE`: the scores as one self-contained page (no script, no
 * link out): per ward and ED waiting, the PIT histogram and the 50/80/90% band
 * coverage by hour ahead as inline SVG, and the pooled figures as a table;
 * with forecasts made both ways (forecast --arrivals-from), the arrivals'
 * share of the error beside them, as the text report has it.
 */
import type { ArrivalsShare, ScoreReport, SeriesScore } from '../workers/index.js';
import { arrivalsSection } from './score-html-arrivals.js';
import { renderScore, seriesLabel } from './score-report.js';

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function pitSvg(s: SeriesScore, hours: [number, number]): string {
  const w = 360;
  const h = 180;
  const pad = 30;
  const top = Math.max(0.2, ...s.pitHistogram.filter((x) => !Number.isNaN(x)));
  const y = (v: number): number => h - pad - (v / top) * (h - 2 * pad);
  const bw = (w - 2 * pad) / s.pitHistogram.length;
  const bars = s.pitHistogram
    .map(
      (v, k) =>
        `<rect x="${(pad + k * bw + 1).toFixed(1)}" y="${y(v || 0).toFixed(1)}" width="${(bw - 2).toFixed(1)}" height="${(h - pad - y(v || 0)).toFixed(1)}" fill="#4c72b0"><title>${k * 10}–${k * 10 + 10}%: ${((v || 0) * 100).toFixed(1)}%</title></rect>`,
    )
    .join('');
  return `<svg role="img" aria-label="PIT histogram of ${esc(seriesLabel(s))}" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
<text x="${pad}" y="14" font-size="12">PIT histogram, hours ${hours[0]}–${hours[1]} ahead (${s.pitCount} forecast hours)</text>
${bars}
<line x1="${pad}" x2="${w - pad}" y1="${y(0.1)}" y2="${y(0.1)}" stroke="#c44e52" stroke-dasharray="4 3"><title>10%: calibrated</title></line>
<line x1="${pad}" x2="${w - pad}" y1="${h - pad}" y2="${h - pad}" stroke="#333"/>
<text x="${pad}" y="${h - 10}" font-size="11">0</text><text x="${w - pad - 8}" y="${h - 10}" font-size="11">1</text>
<text x="${w / 2 - 30}" y="${h - 10}" font-size="11">PIT (share)</text>
<text x="2" y="${y(0.1) + 4}" font-size="11">10%</text>
</svg>`;
}

function coverageSvg(s: SeriesScore): string {
  const w = 480;
  const h = 200;
  const pad = 34;
  const n = s.byHour.length;
  const x = (hour: number): number => pad + ((hour - 1) / Math.max(1, n - 1)) * (w - 2 * pad);
  const y = (v: number): number => h - pad - v * (h - 2 * pad);
  const levels: [keyof SeriesScore['byHour'][number], number, string][] = [
    ['coverage50', 0.5, '#55a868'],
    ['coverage80', 0.8, '#4c72b0'],
    ['coverage90', 0.9, '#8172b2'],
  ];
  const lines = levels
    .map(([key, level, colour]) => {
      const pts = s.byHour
        .map((b) => [b.hour, (b[key] as { value: number }).value] as const)
        .filter(([, v]) => !Number.isNaN(v))
        .map(([hr, v]) => `${x(hr).toFixed(1)},${y(v).toFixed(1)}`)
        .join(' ');
      return `<polyline points="${pts}" fill="none" stroke="${colour}" stroke-width="1.5"><title>${level * 100}% band</title></polyline>
<line x1="${pad}" x2="${w - pad}" y1="${y(level)}" y2="${y(level)}" stroke="${colour}" stroke-dasharray="4 3"/>
<text x="${w - pad + 3}" y="${y(level) + 4}" font-size="11" fill="${colour}">${level * 100}%</text>`;
    })
    .join('\n');
  return `<svg role="img" aria-label="Band coverage by hour ahead, ${esc(seriesLabel(s))}" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
<text x="${pad}" y="14" font-size="12">Share of forecasts whose 50%, 80%, 90% band held the truth, by hour ahead (dashed: the target)</text>
${lines}
<line x1="${pad}" x2="${w - pad}" y1="${h - pad}" y2="${h - pad}" stroke="#333"/>
<line x1="${pad}" x2="${pad}" y1="${pad}" y2="${h - pad}" stroke="#333"/>
<text x="${pad}" y="${h - 12}" font-size="11">1</text><text x="${w - pad - 10}" y="${h - 12}" font-size="11">${n}</text>
<text x="${w / 2 - 30}" y="${h - 12}" font-size="11">hours ahead</text>
<text x="4" y="${y(0) + 4}" font-size="11">0%</text><text x="0" y="${y(1) + 4}" font-size="11">100%</text>
</svg>`;
}

/** `arrivals`: the same moments forecast with the real arrivals too (score's arrivalsShare), shown after the scores. */
export function scoreHtml(r: ScoreReport, arrivals?: ArrivalsShare): string {
  const sections = r.series
    .map((s) => `<section><h2>${esc(seriesLabel(s))} (${s.unit})</h2>\n${pitSvg(s, r.pooledHours)}\n${coverageSvg(s)}</section>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Forecast scores</title>
<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:1100px;color:#222}pre{background:#f6f6f6;padding:1em;overflow-x:auto;font-size:12px}svg{margin:0.5em 1em 0.5em 0;background:#fff;border:1px solid #ddd}section{margin-top:1.5em}table{border-collapse:collapse;font-size:13px}th,td{border:1px solid #ddd;padding:0.3em 0.6em;text-align:right}th[scope=row]{text-align:left}</style>
</head><body>
<h1>Forecast scores</h1>
<pre>${esc(renderScore(r))}</pre>
${sections}
${arrivals ? arrivalsSection(arrivals) : ''}
</body></html>
`;
}
