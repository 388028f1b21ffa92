/**
 * The report's part on attributes read from other tables (the mapping's
 * caseTables: MIMIC's DRG of each admission) and on the case-mix groups
 * declared by one: what was matched, how many cases each group rests on, and
 * what a run's cost per group can and cannot say.
 */
import type { Calibration } from '../build/build-scenario.js';
import type { DeclaredCaseMix } from '../build/case-mix.js';
import type { CaseAttribute } from '../read/case-table.js';
import { esc } from './svg.js';
import { TIMING_ATTRIBUTE } from '../build/case-bootstrap.js';

export function caseAttributesSection(cal: Calibration): string {
  const parts = (cal.caseAttributes ?? []).map(attributeText);
  if (cal.caseMix) {
    const attr = cal.caseMix.attribute;
    const follows = cal.scenario.patientClasses.some(
      (c) => (Object.hasOwn(c.attributes ?? {}, attr) ? c.attributes![attr]!.byAttribute : undefined) === TIMING_ATTRIBUTE,
    );
    parts.push(caseMixText(cal.caseMix, cal.flow.options, follows));
  }
  return parts.length > 0 ? `<h2 id="case-attributes">Case attributes from other tables, and case-mix groups</h2>\n${parts.join('\n')}` : '';
}

/** Whether the group changes what happens to a simulated patient, said plainly: it decides how much a cost per group means. */
function steers(attribute: string, options: Calibration['flow']['options'], follows: boolean): string {
  if (options.classBy === attribute)
    return `Each group is a patient class of its own here (<code>classBy: ${esc(attribute)}</code>), with its own routing and times, so its cost per case is its own, resting on its few cases.`;
  const by =
    options.durationsBy === attribute
      ? ` Durations are fitted by group where a group has ${options.minFit} or more observations (<code>durationsBy</code>); elsewhere they are the class's.`
      : '';
  if (follows)
    return `<b>The group goes with the case's times, not with its path:</b> a simulated patient takes the times of one logged case (<code>${TIMING_ATTRIBUTE}</code>) and that case's ${esc(attribute)} with them, so in each step its path shares with that case it takes that case's time (a group of long stays keeps them there). But its path is the class's routing (one chain per class, not one per group): whether it is admitted, and to which units, is not its group's, and its other times come from donor cases or the fitted distributions.${by} So a run's cost per group leans toward its own cases' but stays much nearer the class's than its cases' costs were; read differences between groups as their direction, not their size (with <code>classBy</code> or <code>durationsBy</code> on enough cases a group for more).`;
  return `<b>And the group hardly steers the patient:</b> a simulated patient's ${esc(attribute)} is drawn from its class's mix apart from the path its pathway gives it (the routing is one chain per class, not one per group).${by} So a run's cost per group is mostly the class's cost per case seen through the group's share, and differences between groups are chance more than case mix. Read the cost per group as the frame a larger extract fills (with <code>classBy</code> or <code>durationsBy</code> on enough cases a group), not as a measure of these groups.`;
}

function attributeText(a: CaseAttribute): string {
  const c = a.counts;
  const where = Object.entries(a.spec.where)
    .map(([col, v]) => `${esc(col)} is ${(typeof v === 'string' ? [v] : v).map(esc).join(' or ')}`)
    .join(' and ');
  const values = new Set(a.byCase.values()).size;
  return `<p>The patient attribute <b>${esc(a.name)}</b> is carried from <code>${esc(a.table)}</code>: its column <code>${esc(a.spec.value)}</code>${where ? `, on the rows where ${where}` : ''}, matched by <code>${esc(a.spec.key)}</code> to the case id.
${c.rows} rows, ${c.kept} kept by the filter, ${c.otherKeys} of them for no case of the log. <b>${c.withValue} of the ${c.cases} cases have a value</b>; ${c.without} have none and take the value "${esc(a.spec.missing)}"${c.several > 0 ? `; ${c.several} had rows giving different values and took the first in the file (several: first)` : ''}. ${values} values in all. Each class's mix of them in the scenario is its cases' shares.</p>`;
}

function caseMixText(m: DeclaredCaseMix, options: Calibration['flow']['options'], follows: boolean): string {
  const n = m.groups.reduce((s, g) => s + g.logCases, 0);
  const counts = m.groups.map((g) => g.logCases).sort((a, b) => a - b);
  const median = counts[Math.floor(counts.length / 2)] ?? 0;
  const single = counts.filter((k) => k <= 1).length;
  const few = counts.filter((k) => k < 5).length;
  const weighted = m.groups.filter((g) => g.weight !== undefined).length;
  const payment =
    m.weightsFile === undefined
      ? "No relative weights were given, so what the payer pays for a group, and so its margin, is <b>not known</b>: a run reports each group's cases and cost per case (<code>casemix.&lt;code&gt;.cases</code>, <code>.costPerCase</code>) and leaves payment and margin out rather than invent them. The mapping's <code>model.caseMix.weights</code> (a CSV of <code>code,weight</code>) and <code>baseRate</code> add them."
      : `Relative weights from <code>${esc(m.weightsFile)}</code> on a base rate of ${m.baseRate!}: ${weighted} of the ${m.groups.length} groups have one${weighted < m.groups.length ? `; the other ${m.groups.length - weighted} have no row there, and their payment and margin are not known` : ''}${m.unusedWeights > 0 ? ` (${m.unusedWeights} rows of the file are for codes no case has)` : ''}.`;
  const rows = m.groups
    .map(
      (g) =>
        `<tr><td>${esc(g.code)}</td><td>${esc(g.name)}</td><td class="n">${g.logCases}</td><td class="n">${n > 0 ? ((100 * g.logCases) / n).toFixed(1) : '0'}%</td><td class="n">${g.weight ?? 'not known'}</td></tr>`,
    )
    .join('');
  return `<p>The scenario declares <b>${m.groups.length} case-mix groups</b> by <code>${esc(m.attribute)}</code>, one per value a class has, named ${m.table?.spec.label !== undefined ? `by the table's <code>${esc(m.table.spec.label)}</code>` : 'by their codes'}; a run reports the cost per case of each (<code>casemix.&lt;code&gt;.costPerCase</code> and <code>cost.perCase.attribute.${esc(m.attribute)}.&lt;code&gt;.*</code>). ${payment}</p>
<p><b>Few cases per group.</b> The ${n} cases of the log fall into ${m.groups.length} groups: a median of ${median} case${median === 1 ? '' : 's'} a group, ${single} group${single === 1 ? '' : 's'} with a single case and ${few} with fewer than 5. A group's share in the scenario is its share of these cases, with a relative error of about 1/√n (100% for a group of one case, 50% for four). ${steers(m.attribute, options, follows)}</p>
<details><summary>The groups, with the log's cases in each</summary><table><thead><tr><th>code</th><th>name</th><th>cases in the log</th><th>share</th><th>relative weight</th></tr></thead><tbody>${rows}</tbody></table></details>`;
}
