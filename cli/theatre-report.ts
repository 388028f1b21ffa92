/** What `optimise` prints for a theatre schedule: the answer in a sentence, the week grid, and the figures against schedules A and B. */
import { SHOWN, weekGridText, type TheatreReport, type Interval } from '../workers/node.js';

const fmt = (x: number, unit: string): string => {
  if (!Number.isFinite(x)) return '-';
  if (unit === 'share') return `${(x * 100).toFixed(1)}%`;
  if (unit === 'money') return Math.round(x).toLocaleString('en-GB');
  return Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(2);
};
const withHalf = (v: Interval | undefined, unit: string): string =>
  v === undefined ? '-' : `${fmt(v.mean, unit)} ± ${fmt(v.half, unit === 'share' ? 'share' : unit)}`;

export function theatreSummary(r: TheatreReport): string {
  const level = `${Math.round(r.confidence * 100)}%`;
  const objective = SHOWN[SHOWN.length - 1]!.id;
  const lines: string[] = [];
  const a = r.builtins.find((b) => b.name === 'A');
  const d = r.chosen.vsA?.[objective];
  if (a && d) {
    const verdict = d.mean + d.half < 0 ? 'beats' : d.mean - d.half > 0 ? 'is worse than' : 'ties with';
    lines.push(
      `The chosen schedule ${verdict} schedule A on the objective: ${fmt(r.chosen.figures[objective]!.mean, 'points')} against ${fmt(a.figures[objective]!.mean, 'points')} (paired difference ${withHalf(d, 'points')}, ${level} interval, ${r.replications} replications).`,
    );
  } else lines.push(`The chosen schedule's objective: ${withHalf(r.chosen.figures[objective], 'points')} (${level} interval, ${r.replications} replications).`);
  if (r.chosenBuiltin)
    lines.push(
      `None of the proposed schedules was better: the chosen is ${r.chosenBuiltin === 'current' ? "the scenario's own week" : `schedule ${r.chosenBuiltin}`} itself.`,
    );
  lines.push(
    `${r.candidates} schedules proposed by the program over ${r.rounds.length} round(s) and simulated; the selection ${r.selectionFinished ? 'ended by its own rule' : 'stopped at the budget'}.`,
    '',
  );
  if (r.scenario !== undefined)
    lines.push(
      `The week scheduled is that of ${r.scenario}${r.current ? ` (today it runs ${r.current === 'current' ? 'its own week, shown as "current"' : `schedule ${r.current}`})` : ''}.`,
      '',
    );
  lines.push('Chosen week:', weekGridText(r.problem, r.chosen.schedule), '');
  const columns = [r.chosen, ...r.builtins];
  const head = [
    'Figure',
    ...columns.map((c) => (c.name === 'chosen' ? 'Chosen' : c.name === 'current' ? "The scenario's own week" : `Schedule ${c.name}`)),
    ...(a ? ['Chosen - A'] : []),
  ];
  const rows = SHOWN.filter((f) => r.chosen.figures[f.id] !== undefined).map((f) => [
    `${f.label} (${f.unit})`,
    ...columns.map((c) => withHalf(c.figures[f.id], f.unit)),
    ...(a ? [withHalf(r.chosen.vsA?.[f.id], f.unit)] : []),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  lines.push(`Figures (mean ± ${level} half-width; the same replications for every schedule):`, line(head), ...rows.map(line), '');
  lines.push(`Written: ${r.files.scenario} (run it with hospital-twin run) and ${r.files.json}.`, '');
  return lines.join('\n');
}
