/**
 * The calibration report: one self-contained HTML page with inline SVG charts.
 * What was read and what was refused, what the log cannot tell, arrivals,
 * routing, durations, lengths of stay, capacity hints, and the validation of
 * the calibrated scenario against the log.
 */
import type { Calibration } from '../build/build-scenario.js';
import type { HoldoutResult } from '../calibrate-text.js';
import type { ClassFit } from '../build/fit-class.js';
import { END, START } from '../fit/observations.js';
import { DONOR_SHARE, KERNEL_LOG_SD, TIMING_ATTRIBUTE } from '../build/case-bootstrap.js';
import { orderRules } from '../fit/path-rules.js';
import { onceOnlyActivities } from '../fit/routing-memory.js';
import { formatWall } from '../read/timestamps.js';
import { PATIENT_RESAMPLES, patientCount } from '../validate/patient-bootstrap.js';
import type { Validation } from '../validate/validate.js';
import { detail, overviewRow } from './duration-section.js';
import { arrivalCharts, arrivalTests, capacityCharts, shiftedArrivalChart, validationCharts } from './report-charts.js';
import { esc, heatmap } from './svg.js';
import { caseAttributesSection } from './case-mix-section.js';
import { validationHtml, validationVerdict } from './validation-table.js';

export interface ReportMeta {
  logPath: string;
  mapPath: string;
  scenarioPath: string;
  /** `--holdout`: the validation on the cases left out of the fit. */
  holdout?: HoldoutResult | null;
}

/** What the units of each kind of sized resource are called in the sizing table. */
const SIZED_UNITS: Record<Calibration['sizing'][number]['kind'], string> = { ward: 'ward beds', pool: 'pool units' };

export function renderReport(cal: Calibration, validation: Validation | null, meta: ReportMeta): string {
  const { flow } = cal;
  const log = flow.log;
  const sections: string[] = [];
  const day = (wall: number): string => formatWall(wall).slice(0, 10);

  sections.push(`<h1>Calibration of ${esc(String(cal.scenario.name))}</h1>
<p>From <code>${esc(meta.logPath)}</code> with the mapping <code>${esc(meta.mapPath)}</code> to the scenario <code>${esc(meta.scenarioPath)}</code>.
${flow.cases.length} cases ${flow.options.datesShifted ? `whose dates were shifted case by case (they span ${day(flow.window.from)} to ${day(flow.window.to - 1)} only because of that)` : `arriving from ${day(flow.window.from)} to ${day(flow.window.to - 1)} (${flow.window.days} days)`};
${log.kind === 'events' ? 'one time per event' : 'a start and an end per activity'}; ${flow.activities.length} activities in the flow.</p>
${validation ? `<p class="verdict">${esc(validationVerdict(validation))} <a href="#validation">Validation</a></p>` : ''}`);

  sections.push(`<h2>What this log cannot tell</h2><ul>${cal.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>`);

  const badRows = log.bad
    .slice(0, 50)
    .map((b) => `<tr><td class="n">${b.line}</td><td>${esc(b.reason)}</td></tr>`)
    .join('');
  sections.push(`<h2>Reading the log</h2>
<table><tbody>
<tr><td>data rows</td><td class="n">${log.counts.records}</td></tr>
<tr><td>used</td><td class="n">${log.counts.used}</td></tr>
${fallbackRows(cal)}
<tr><td>left out by the lifecycle filter</td><td class="n">${log.counts.filtered}</td></tr>
<tr><td>bad (listed below by line)</td><td class="n">${log.bad.length}</td></tr>
<tr><td>activities still open (no end)</td><td class="n">${log.counts.open}</td></tr>
<tr><td>rows left out of the flow (dropped activities)</td><td class="n">${flow.dropped.rows}</td></tr>
<tr><td>cases in the window</td><td class="n">${flow.cases.length}</td></tr>
<tr><td>cases still open at the end of the log</td><td class="n">${flow.cases.filter((c) => c.open).length}</td></tr>
<tr><td>time step of the log</td><td class="n">${log.resolution >= 1 ? '1 minute' : log.resolution >= 1 / 60 ? '1 second' : '1 millisecond'}</td></tr>
</tbody></table>
${log.bad.length > 0 ? `<h3>Bad rows</h3><table><thead><tr><th>line</th><th>problem</th></tr></thead><tbody>${badRows}</tbody></table>${log.bad.length > 50 ? `<p>… and ${log.bad.length - 50} more.</p>` : ''}` : '<p>No bad rows.</p>'}`);

  for (const c of cal.classes) {
    const title = cal.classes.length > 1 ? ` — ${esc(c.name)}` : '';
    const a = c.arrivals;
    const shifted = flow.options.datesShifted;
    const hours = a.usesHourOfDay ? "the log's hour-of-day pattern" : 'a flat rate over the day';
    sections.push(
      shifted
        ? `<h2>Arrivals${title}</h2>
<p>${a.count} arrivals, but their dates were shifted case by case: spread over ${a.days} days by the shift alone, they give no rate, no weekday pattern and no trend. The scenario's arrivals come at <b>${scenarioPerDay(cal, c.id) ?? shifted.arrivalsPerDay} a day, as the mapping gives</b> (model.datesShifted.arrivalsPerDay), with ${hours} and the same rate every day of the week.
Only the hour of the day is read from the log, on the assumption that the shift kept it.</p>
<div class="charts">${shiftedArrivalChart(c)}</div>
${arrivalTests(a, true)}`
        : `<h2>Arrivals${title}</h2>
<p>${a.count} arrivals in ${a.days} days: <b>${a.perDay.toFixed(3)} per day</b> (95% CI ${a.perDayCi[0].toFixed(3)}–${a.perDayCi[1].toFixed(3)}, ${a.perDayCiKind === 'overdispersed' ? `wider than Poisson: the days vary more than Poisson (dispersion test below), by a day-to-day cv of ${a.dayToDayCv.toFixed(2)}` : 'exact Poisson'}).
The scenario's profile is a non-homogeneous Poisson process: ${hours} × ${a.usesDayOfWeek ? "the log's day-of-week pattern" : 'the same rate every day of the week'}.</p>
<div class="charts">${arrivalCharts(c)}</div>
${arrivalTests(a)}`,
    );

    const routes = c.routing;
    const rowsFrom = [START, ...c.activities];
    const cols = [...c.activities, END];
    const p = (r: number, k: number): number | null => routes.from.get(rowsFrom[r]!)?.find((x) => x.to === cols[k])?.p ?? null;
    const routeRows = [...routes.from.values()]
      .flat()
      .map(
        (r) =>
          `<tr><td>${esc(r.from)}</td><td>${esc(r.to)}</td><td class="n">${r.count}</td><td class="n">${(100 * r.p).toFixed(1)}%</td><td class="n">${(100 * r.ci[0]).toFixed(1)}–${(100 * r.ci[1]).toFixed(1)}%</td></tr>`,
      )
      .join('');
    const pruned = routes.pruned.length
      ? `<p>Left out as rarer than ${flow.options.minTransitions} (the rest renormalised): ${routes.pruned.map((r) => `${esc(r.from)} → ${esc(r.to)} (${r.count})`).join(', ')}.</p>`
      : '';
    const unknown = routes.unknownNext.size
      ? `<p>Cases open at the end of the log, next step unknown and not counted: ${[...routes.unknownNext].map(([a, n]) => `after ${esc(a)} ${n}`).join(', ')}.</p>`
      : '';
    sections.push(`<h2>Routing${title}</h2>
<p>The probability of each next step after each step (directly-follows counts).</p>
${routingMemory(c, flow.options.remember)}
${heatmap('Next step after each step (% of departures)', rowsFrom, cols, p, (r, k) => `${rowsFrom[r]} → ${cols[k]}: ${((p(r, k) ?? 0) * 100).toFixed(1)}%`)}
${pruned}${unknown}
<details><summary>All routes with 95% Wilson intervals</summary><table><thead><tr><th>from</th><th>to</th><th>count</th><th>share</th><th>95% CI</th></tr></thead><tbody>${routeRows}</tbody></table></details>`);

    const overview: string[] = [];
    const details: string[] = [];
    let k = 0;
    for (const [activity, d] of c.durations) {
      if (!d) continue;
      const anchor = `d-${c.id}-${k++}`;
      overview.push(overviewRow(activity, d.fit, anchor));
      details.push(detail(activity, d.fit, anchor));
      for (const [v, f] of d.byValue) {
        const sub = `d-${c.id}-${k++}`;
        overview.push(overviewRow(`${activity} (${flow.options.durationsBy} ${v})`, f, sub));
        details.push(detail(`${activity} (${flow.options.durationsBy} ${v})`, f, sub));
      }
    }
    for (const g of c.gaps.values()) {
      if (!g.fit) continue;
      const anchor = `g-${c.id}-${k++}`;
      const name = `${g.from} → ${g.to}`;
      overview.push(overviewRow(name, g.fit.fit, anchor));
      details.push(detail(name, g.fit.fit, anchor));
    }
    sections.push(`<h2>Durations${title}</h2>
${timesDrawn(c)}
<p>${log.kind === 'events' ? 'Each row is the time from one event to the next (the log has one time per event).' : "Activities' own durations, then the times between activities where they matter."}
Maximum-likelihood fits of exponential, gamma, lognormal and Weibull; the family with the smallest AIC is used unless the mapping says otherwise or even it is rejected by Kolmogorov–Smirnov at 1% (then the empirical distribution). Open a row for its charts and every fit.</p>
<table><thead><tr><th>duration</th><th>n</th><th>used</th><th>mean (95% CI)</th><th>why</th></tr></thead><tbody>${overview.join('')}</tbody></table>
${details.join('')}`);
  }

  if (cal.lengthsOfStay.length > 0) {
    const overview: string[] = [];
    const details: string[] = [];
    cal.lengthsOfStay.forEach((l, i) => {
      overview.push(overviewRow(l.name, l.fit.fit, `los-${i}`));
      details.push(detail(l.name, l.fit.fit, `los-${i}`));
      let j = 0;
      for (const [v, f] of l.fit.byValue) {
        const id = `los-${i}-${j++}`;
        overview.push(overviewRow(`${l.name} (${flow.options.durationsBy} ${v})`, f, id));
        details.push(detail(`${l.name} (${flow.options.durationsBy} ${v})`, f, id));
      }
    });
    const def = flow.options.lengthOfStay;
    const how = def
      ? `from the first ${def.from ? `of ${def.from.join(', ')}` : `activity other than ${def.fromFirstOtherThan!.join(', ')}`} ${def.to ? `to the first of ${def.to.join(', ')} after it` : 'to the end of the case'}`
      : 'each ward stay';
    const modelled =
      log.kind === 'events'
        ? 'In the scenario the length of stay is not one fitted distribution: it is the sum of the times between the events of a stay (so transfers between wards are kept), and the validation checks that the sum comes out right.'
        : def
          ? 'In the scenario the length of stay is not one fitted distribution: it is the sum of the stays and steps it spans, each with its own fit, routed one step at a time; the validation checks that the sum comes out right.'
          : 'In the scenario each ward stay is a hold for the fitted length of stay.';
    sections.push(`<h2>Lengths of stay</h2><p>Measured ${esc(how)}. ${modelled}</p>
<table><thead><tr><th>length of stay</th><th>n</th><th>best fit</th><th>mean (95% CI)</th><th>why</th></tr></thead><tbody>${overview.join('')}</tbody></table>${details.join('')}`);
  }

  sections.push(caseAttributesSection(cal));

  const sizing = cal.sizing
    .map(
      (s) =>
        `<tr><td>${esc(s.id)}</td><td>${SIZED_UNITS[s.kind]}</td><td>${esc(s.activity)}</td><td class="n">${s.mostAtOnce}</td><td class="n">${s.units}</td></tr>`,
    )
    .join('');
  const activityRows = cal.capacity.activities
    .map(
      (a) =>
        `<tr><td>${esc(a.name)}</td><td class="n">${a.max}</td><td>${esc(formatWall(a.maxAt).replace('T', ' '))}</td><td class="n">${a.mean.toFixed(2)}</td></tr>`,
    )
    .join('');
  sections.push(`<h2>Capacity hints</h2>
<p>${flow.options.datesShifted ? "The log's dates were shifted case by case, so how many were in at once is not in it: each ward and pool is sized from the mean number in it by Little's law (arrival rate × mean time there) at the mapping's stand-in rate, plus headroom. The table of activities below holds the shifted log's own counts, which mean nothing across cases." : 'The most cases seen at once in each ward and activity, and how busy each named resource was by hour of the day. A log shows use, not capacity: these are lower bounds. The scenario sizes each ward and pool above the most seen at once so that the calibrated flow is not throttled.'}</p>
${sizing ? `<table><thead><tr><th>in the scenario</th><th>kind</th><th>from</th><th>${flow.options.datesShifted ? `mean at once by Little's law at ${flow.options.datesShifted.arrivalsPerDay} arrivals a day (the mapping's stand-in rate; rounded up)` : 'most at once in the log'}</th><th>units</th></tr></thead><tbody>${sizing}</tbody></table>` : ''}
${activityRows ? `<table><thead><tr><th>activity</th><th>most at once</th><th>when</th><th>mean at once</th></tr></thead><tbody>${activityRows}</tbody></table>` : ''}
<div class="charts">${capacityCharts(cal)}</div>`);

  if (validation) {
    sections.push(`<h2 id="validation">Validation: the calibrated scenario against the log</h2>
<p>${validation.replications} replications of the scenario (seed ${esc(String(validation.seed))}), each simulating the log's own period and run on for as long as the log goes on after its last arrival; each replication's trace is read back as an event log of the same shape and summarised exactly as the log is.
<b>z</b> is the difference over its standard error (the log's own sampling error and the simulated mean's together; ${validation.byPatient ? `the log's errors come from resampling its ${patientCount(flow.cases, flow.options.patientBy!)} patients, each with all their cases (${PATIENT_RESAMPLES} resamples), since one patient's cases are not independent` : "where the log's has no simple formula, one replication's spread stands in for it"}).
${esc(validationVerdict(validation))}</p>
${validationHtml(validation)}
<div class="charts">${validationCharts(validation)}</div>`);
  }
  const h = meta.holdout;
  if (h) {
    const unit = h.byPatient ? 'patients' : 'cases';
    sections.push(`<h2 id="holdout">Out of sample: the cases the fit never saw</h2>
<p>With <code>--holdout ${h.share}</code>, a seeded ${Math.round(100 * h.share)}% of the log's ${unit} (${h.testCases} cases) were left out of the fit${h.byPatient ? ', each patient with all their cases on one side' : ''}; the scenario was fitted on the other ${h.fitCases} cases (the validation above holds it against those) and is held here against the ones it never saw, its arrivals scaled to their rate. Figures that agree on both sides show no sign of overfitting; a miss on both comes from how the model is built. The scenario written runs at the whole log's rate.
${esc(validationVerdict(h.validation))}</p>
${validationHtml(h.validation)}`);
  }

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Calibration of ${esc(String(cal.scenario.name))}</title>
<style>
body { font: 14px/1.45 system-ui, sans-serif; max-width: 1000px; margin: 2em auto; padding: 0 1em; color: #222; }
h1 { font-size: 1.6em; } h2 { margin-top: 2em; border-bottom: 1px solid #ddd; padding-bottom: .2em; }
table { border-collapse: collapse; margin: .8em 0; } td, th { padding: .2em .6em; border-bottom: 1px solid #eee; text-align: left; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; } td.mark { text-align: center; }
tr.group th { background: #f4f4f4; } tr.differs td { background: #fdecea; } tr.borderline td { background: #fff8e1; } tr.chosen td { font-weight: 600; }
.charts { display: flex; flex-wrap: wrap; gap: 12px; } details { margin: .4em 0; } summary { cursor: pointer; }
.swatch { display: inline-block; width: 10px; height: 10px; margin-right: 4px; } .small { font-size: 12px; color: #555; } .verdict { font-weight: 600; }
code { background: #f4f4f4; padding: 0 .2em; }
</style></head><body>
${sections.join('\n')}
</body></html>
`;
}

/** How a case's times are drawn: together, from one logged case (the case-level bootstrap), or each on its own. */
function timesDrawn(c: ClassFit): string {
  if (!c.caseTimes) {
    return `<p><b>Times drawn each on its own</b> (<code>model.times: independent</code>): every time between steps and every activity's duration is drawn from its own fitted distribution below. Times the log ties together (a long triage, then fluids and antibiotics given at once) come out untied, so sums of them (time to antibiotics, length of stay) can be off even where each part fits.</p>`;
  }
  return `<p><b>Times drawn together, case by case</b> (<code>model.times: caseBootstrap</code>, the default): each simulated patient takes the times of one of the ${c.caseTimes.profiles.length} logged cases of its class, all equally likely (the patient attribute <code>${TIMING_ATTRIBUTE}</code>), wherever it makes a move that case made, smoothed by a narrow lognormal kernel (log-sd ${KERNEL_LOG_SD}). A move at least ${Math.round(100 * DONOR_SHARE)}% of cases make, but that case did not, takes its time from one donor case fixed for it, so the moves of one path stay tied; rarer moves use their fitted distribution below. This was chosen by validation: on the Sepsis log, times drawn each on their own put the median time to antibiotics 22 minutes short and its 90th percentile 38 minutes long (z −2.8 and 5.0); drawn together both agree. <code>model.times: independent</code> draws each time on its own.</p>`;
}

/** Rows kept although their case id column was empty, because the mapping names a fallback column: said, not silent. */
function fallbackRows(cal: Calibration): string {
  const { flow } = cal;
  const columns = flow.log.caseColumns;
  return Object.entries(flow.log.counts.fallbackIds)
    .map(([column, rows]) => {
      const cases = flow.cases.filter((c) => c.id.startsWith(`${column}:`)).length;
      return `<tr><td>of them with no ${esc(columns[0]!)}, identified by ${esc(column)}: rows (cases)</td><td class="n">${rows} (${cases})</td></tr>`;
    })
    .join('');
}

/** The rate per day the scenario gives a class's arrivals (with shifted dates, the mapping's rate, shared out between classes). */
function scenarioPerDay(cal: Calibration, id: string): number | undefined {
  const arrivals = cal.scenario.patientClasses.find((p) => p.id === id)?.arrivals;
  return arrivals && 'perDay' in arrivals ? arrivals.perDay : undefined;
}

/**
 * Orders every logged case keeps (A before B) whose first step the routing does not remember:
 * a chain that forgets A can send a case to B without it (a release with no admission).
 */
function orderHint(c: ClassFit, remember: readonly string[]): string {
  const rules = orderRules(c.cases.map((x) => ({ steps: x.events.map((e) => e.activity) })));
  const loose = rules.filter((r) => !remember.includes(r.before));
  if (rules.length === 0) return '';
  if (loose.length === 0)
    return ` Every order all the log's cases keep (${rules.length}, such as ${esc(rules[0]!.before)} before ${esc(rules[0]!.step)}) starts from a remembered step, so no simulated case can break one (the validation counts them).`;
  const steps = [...new Set(loose.map((r) => r.before))];
  const shown = loose.slice(0, 6).map((r) => `${esc(r.before)} before ${esc(r.step)} (all ${r.cases} cases)`);
  return ` Orders every logged case keeps but the routing does not remember: ${shown.join(', ')}${loose.length > 6 ? `, and ${loose.length - 6} more` : ''}. A simulated case can break them (the validation counts how many do); naming ${steps.map(esc).join(', ')} in <code>model.remember</code> keeps them.`;
}

/** How the scenario routes: step by step, or with memory of the remembered steps (and what could be remembered). */
function routingMemory(c: ClassFit, remember: readonly string[]): string {
  if (remember.length === 0) {
    const once = onceOnlyActivities(c.cases).filter((a) => a !== START && a !== END);
    const hint = once.length
      ? ` Steps a case has at most once here: ${once.map(esc).join(', ')}. If cases meet them in different orders, naming them in the mapping's <code>model.remember</code> lets the routing remember which a case has had.`
      : '';
    return `<p>The scenario routes patients with these probabilities, one step at a time (a first-order Markov chain): it keeps each step-to-step share but not longer patterns (a step recorded out of order can be skipped).${hint}${orderHint(c, remember)}</p>`;
  }
  const states = [...c.states.values()];
  const split = new Set(states.map((s) => s.activity)).size;
  return `<p>The scenario's routing remembers which of ${remember.map((a) => `<b>${esc(a)}</b>`).join(', ')} a case has had (<code>model.remember</code>): the next step after a step is drawn as it was for the log's cases at that step with the same of these behind them. That makes ${states.length} states of ${split} steps; a case that meets one of them out of order still goes on to the others, as in the log. The table pools the states of each step.${orderHint(c, remember)}</p>`;
}
