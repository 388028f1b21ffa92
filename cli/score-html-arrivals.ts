/**
 * The HTML page's part for forecasts made both ways (the model's arrivals and
 * the arrivals that came, forecast --arrivals-from): the arrivals' share of
 * each series' error in a sentence, the figures side by side in a table, and
 * the two mean absolute errors as paired bars, so a reader sees at a glance
 * which errors go with who came and which stay whatever the arrivals.
 */
import type { ArrivalsShare, ArrivalsShareSeries, Estimate } from '../workers/index.js';
import { renderArrivalsShare, seriesLabel } from './score-report.js';

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const MODEL_COLOUR = '#4c72b0';
const REAL_COLOUR = '#dd8452';

/** "14%": 1 − (MAE with the real arrivals ÷ with the model's); "–" where unknown. */
export function arrivalsSharePercent(s: ArrivalsShareSeries): string {
  return Number.isNaN(s.maeRatio.value) ? '–' : `${Math.round((1 - s.maeRatio.value) * 100)}%`;
}

const fmt = (e: Estimate, digits = 2): string =>
  Number.isNaN(e.value) ? '–' : `${e.value.toFixed(digits)}${Number.isNaN(e.se) ? '' : ` ± ${e.se.toFixed(digits)}`}`;
const pct = (e: Estimate): string =>
  Number.isNaN(e.value) ? '–' : `${(e.value * 100).toFixed(1)}%${Number.isNaN(e.se) ? '' : ` ± ${(e.se * 100).toFixed(1)}`}`;

/** Paired bars per series: MAE of the median with the model's arrivals and with the real ones. */
function maeBarsSvg(a: ArrivalsShare): string {
  const group = 90;
  const pad = 40;
  const w = pad * 2 + group * a.series.length;
  const h = 220;
  const top = Math.max(1e-9, ...a.series.flatMap((s) => [s.modelArrivals.maeMedian.value, s.realArrivals.maeMedian.value]).filter((v) => !Number.isNaN(v)));
  const y = (v: number): number => h - pad - (v / top) * (h - 2 * pad - 10);
  const bars = a.series
    .map((s, k) => {
      const x0 = pad + k * group + 10;
      const bar = (v: number, dx: number, colour: string, who: string): string =>
        Number.isNaN(v)
          ? ''
          : `<rect x="${x0 + dx}" y="${y(v).toFixed(1)}" width="30" height="${(h - pad - y(v)).toFixed(1)}" fill="${colour}"><title>${esc(`${seriesLabel(s)}, ${who}: ${v.toFixed(2)} ${s.unit}`)}</title></rect>`;
      return `${bar(s.modelArrivals.maeMedian.value, 0, MODEL_COLOUR, "model's arrivals")}${bar(s.realArrivals.maeMedian.value, 32, REAL_COLOUR, 'real arrivals')}
<text x="${x0}" y="${h - pad + 14}" font-size="11">${esc(s.name)}</text><text x="${x0}" y="${h - pad + 27}" font-size="11">${esc(arrivalsSharePercent(s))}</text>`;
    })
    .join('\n');
  return `<svg role="img" aria-label="Mean absolute error of the median, model's arrivals beside the real arrivals" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
<text x="${pad}" y="14" font-size="12">Mean absolute error of the median, hours ${a.pooledHours[0]}–${a.pooledHours[1]} ahead (under each: the arrivals' share)</text>
<rect x="${pad}" y="22" width="10" height="10" fill="${MODEL_COLOUR}"/><text x="${pad + 14}" y="31" font-size="11">model's arrivals</text>
<rect x="${pad + 120}" y="22" width="10" height="10" fill="${REAL_COLOUR}"/><text x="${pad + 134}" y="31" font-size="11">real arrivals</text>
${bars}
<line x1="${pad}" x2="${w - pad}" y1="${h - pad}" y2="${h - pad}" stroke="#333"/>
</svg>`;
}

/** The section: lead sentence, table (one row per series), bars, and the text report's table for copying. */
export function arrivalsSection(a: ArrivalsShare): string {
  const [from, to] = a.pooledHours;
  const lead = a.series.map((s) => `${esc(seriesLabel(s))} ${esc(arrivalsSharePercent(s))}`).join(', ');
  const head = [
    'series',
    "MAE of the median, model's arrivals",
    'with the real arrivals',
    "real ÷ model's",
    "arrivals' share",
    '80% band held, real arrivals',
    'mean error, real arrivals (95% interval)',
  ];
  const interval = (e: Estimate): string => (Number.isNaN(e.value) ? '–' : `${e.value.toFixed(2)} (${e.ci95[0].toFixed(2)} to ${e.ci95[1].toFixed(2)})`);
  const rows = a.series.map((s) =>
    [
      `${seriesLabel(s)} (${s.unit})`,
      fmt(s.modelArrivals.maeMedian),
      fmt(s.realArrivals.maeMedian),
      fmt(s.maeRatio),
      arrivalsSharePercent(s),
      pct(s.realArrivals.coverage80),
      interval(s.realArrivals.meanError),
    ]
      .map((c, i) => (i === 0 ? `<th scope="row">${esc(c)}</th>` : `<td>${esc(c)}</td>`))
      .join(''),
  );
  return `<section id="arrivals"><h2>The arrivals' share of the error</h2>
<p>${a.pairs} moment${a.pairs === 1 ? '' : 's'} forecast both ways, with the model's arrivals and with the arrivals that really came, hours ${from}–${to} ahead. The arrivals' share of the median's mean absolute error (1 − real ÷ model's): ${lead}.${a.unpaired.length > 0 ? ` ${a.unpaired.length} forecast(s) without a twin of the same moment were left out.` : ''}</p>
<table><thead><tr>${head.map((x) => `<th scope="col">${esc(x)}</th>`).join('')}</tr></thead>
<tbody>${rows.map((r) => `<tr>${r}</tr>`).join('\n')}</tbody></table>
${maeBarsSvg(a)}
<pre>${esc(renderArrivalsShare(a))}</pre>
</section>`;
}
