/**
 * What each figure id means to a reader: the report section it belongs to, the
 * thing it is about (a ward, a step, a class), what is measured, its unit, a
 * plain label, which way is better, and whether it can be negative. One
 * catalogue for the CLI's reports and the viewer (STYLE: words people read).
 * Ids are those of sim-core/hospital/figures.ts; resource kinds come from the
 * compiled scenario, since `utilisation.x` alone does not say whether x is an
 * operating room or a CT scanner. Unknown ids land in "Other figures", so a new
 * figure is never silently dropped from the report.
 */
import { describeCaseFigure } from './figure-catalogue-cases.js';
import { describeNetworkFigure } from './figure-catalogue-network.js';
import { describeSharedFigure } from './figure-catalogue-shared.js';
import { describeOutlyingFigure } from './figure-catalogue-outlying.js';
import { describeClinicFigure } from './figure-catalogue-clinic.js';
import { clipAtZero, COST_TYPES, resourceKind, stepVerb, type HospitalModel, type NonNegativeInterval, type ResourceKind } from '../sim-core/index.js';
import { figureSectionOf } from './kinds/index.js';
import { plainId } from './plain-id.js';
import { COST_TYPE_WORDS } from './cost-type-words.js';

export { plainId };

/** What a figure counts or measures; money is in the scenario's currency. */
export type FigureUnit = 'share' | 'minutes' | 'hours' | 'days' | 'patients' | 'beds' | 'units' | 'events' | 'money';
type Unit = FigureUnit;

/** Which way a change is an improvement; 'neither' for volumes and occupancy (too high and too low both cost). */
export type FigureDirection = 'higherIsBetter' | 'lowerIsBetter' | 'neither';

export const SECTIONS = [
  { id: 'ed', title: 'Emergency department' },
  { id: 'waits', title: 'Waits per step (request to start)' },
  { id: 'wards', title: 'Wards and beds' },
  { id: 'theatres', title: 'Operating theatres' },
  { id: 'imaging', title: 'Imaging' },
  { id: 'staff', title: 'Staff' },
  { id: 'otherResources', title: 'Other resources' },
  { id: 'stock', title: 'Stock' },
  { id: 'clinic', title: 'Outpatient clinic' },
  { id: 'patients', title: 'Patients: arrivals, throughput, length of stay' },
  { id: 'costs', title: 'Costs' },
  { id: 'casemix', title: 'Cost per case and case mix' },
  { id: 'census', title: 'Census by hour of day' },
  { id: 'network', title: 'Network: transfers between sites' },
  { id: 'siteCosts', title: 'Network: cost by site and for the region' },
  { id: 'other', title: 'Other figures' },
] as const;
export type SectionId = (typeof SECTIONS)[number]['id'];

export interface FigureInfo {
  section: SectionId;
  /** What the figure is about: "ct", "triage", "elective patients". */
  subject: string;
  /** What is measured: "utilisation", "90th percentile". */
  measure: string;
  unit: Unit;
  /** A count of mishaps, usually 0: the report leaves it out when it is 0 in every replication. */
  quietWhenZero: boolean;
  /** Order within the section where reading order matters (costs); otherwise 0. */
  rank: number;
  /** For people: "ED: out within 4 hours (4-hour target)", "Bed occupancy: surgical ward". */
  label: string;
  direction: FigureDirection;
  /** Cannot be below 0 (a count, a time, a share, a cost): its interval is shown clipped at 0. */
  nonNegative: boolean;
}

export interface FigureContext {
  kindOf: ReadonlyMap<string, ResourceKind>;
  /** Patient classes whose pathway takes an operating room: their cancellations belong to theatres. */
  surgicalClasses: ReadonlySet<string>;
  /** Plain names of wards, classes, devices... where the scenario gives one (ids otherwise). */
  names?: ReadonlyMap<string, string>;
}

export function figureContext(model: HospitalModel): FigureContext {
  const kindOf = new Map(model.resources.map((r) => [r.name, r.kind]));
  const theatre = (r: number): boolean => model.resources[r] !== undefined && resourceKind(model.resources[r].kind).theatre;
  // A pathway is surgical when one of its steps waits for a theatre (to take it).
  const waitsForTheatre = (s: HospitalModel['pathways'][number]['steps'][number]): boolean => {
    const standing = stepVerb(s).standing;
    return standing?.kind === 'wait' && standing.waitsFor(s).some(theatre);
  };
  const surgicalPathways = new Set(model.pathways.flatMap((p, i) => (p.steps.some(waitsForTheatre) ? [i] : [])));
  return { kindOf, surgicalClasses: new Set(model.classes.filter((c) => surgicalPathways.has(c.pathway)).map((c) => c.name)) };
}

const STATISTIC: Record<string, string> = { mean: 'mean', p50: 'median', p90: '90th percentile', p95: '95th percentile' };

const COST_LABEL = COST_TYPE_WORDS;

const STOCK: Record<string, [string, Unit, boolean]> = {
  stockouts: ['stock-outs', 'events', true],
  fillRate: ['fill rate (demand met from stock)', 'share', false],
  averageStock: ['average stock on hand', 'units', false],
  stockDays: ['stock days (on hand / used per day)', 'days', false],
  orders: ['orders placed', 'events', false],
  used: ['units used', 'units', false],
};

/** Emergencies against a room's list (a room with a `bumpedElective` rule). */
const THEATRE_LIST: Record<string, [string, Unit]> = {
  bumped: ['elective cases bumped by emergencies', 'patients'],
  emergencies: ['emergency cases operated', 'patients'],
  'emergencyWait.mean': ['emergency wait for the theatre, mean', 'minutes'],
};

const PER_CLASS: Record<string, [string, Unit, boolean]> = {
  arrivals: ['arrivals', 'patients', false],
  throughput: ['completed their pathway', 'patients', false],
  cancellations: ['cancelled', 'patients', true],
  turnedAway: ['turned away (no room to wait)', 'patients', true],
  leftUnseen: ['left unseen (waited too long)', 'patients', true],
};

const ED: Record<string, [string, Unit]> = {
  'ed.arrivals': ['arrivals', 'patients'],
  'ed.within4h': ['out within 4 hours', 'share'],
  'ed.leftUnseen': ['left unseen', 'patients'],
  'ed.leftUnseenShare': ['left unseen (share of arrivals)', 'share'],
  'ed.los.mean': ['length of stay, mean', 'hours'],
  'boarding.hours': ['boarding: hours waiting for a bed while in ED', 'hours'],
};

/**
 * Figures the viewer's headline tiles make from others, replication by replication
 * (their ids are also the keys of a scenario's `targets`).
 */
const DERIVED: Record<string, [SectionId, string, string, Unit]> = {
  'ed.waiting': ['ed', 'ED', 'patients waiting, mean (all ED queues)', 'patients'],
  'beds.occupancy': ['wards', 'all wards', 'bed occupancy', 'share'],
  'cancellations.elective': ['theatres', 'elective patients', 'cancelled', 'patients'],
};

export function describeFigure(id: string, ctx: FigureContext): FigureInfo {
  const info = (section: SectionId, subject: string, measure: string, unit: Unit, quietWhenZero = false, rank = 0): FigureInfo => ({
    section,
    subject,
    measure,
    unit,
    quietWhenZero,
    rank,
    label: plainLabel(id, section, ctx.names ? (ctx.names.get(subject) ?? plainId(subject)) : subject, measure),
    direction: directionOf(id),
    nonNegative: section !== 'other',
  });
  const sectionOf = (resource: string): SectionId => {
    const kind = ctx.kindOf.get(resource);
    return kind ? figureSectionOf(kind) : 'other';
  };
  let m: RegExpMatchArray | null;

  const ofCases = describeCaseFigure(id, sectionOf, (s) => ctx.names?.get(s) ?? plainId(s));
  if (ofCases) return ofCases;
  const ofClinic = describeClinicFigure(id);
  if (ofClinic) return ofClinic;
  const ofOutlying = describeOutlyingFigure(id, (s) => ctx.names?.get(s) ?? plainId(s));
  if (ofOutlying) return ofOutlying;
  const ofNetwork = describeNetworkFigure(id, (s) => ctx.names?.get(s) ?? plainId(s));
  if (ofNetwork) return ofNetwork;
  const ofShared = describeSharedFigure(id, (s) => ctx.names?.get(s) ?? plainId(s));
  if (ofShared) return ofShared;
  const derived = DERIVED[id];
  if (derived) return info(derived[0], derived[1], derived[2], derived[3]);
  const ed = ED[id];
  if (ed) return info('ed', 'ED', ed[0], ed[1], id === 'boarding.hours');
  if ((m = id.match(/^wait\.(.+)\.(mean|p50|p90|p95)$/))) return info('waits', m[1]!, STATISTIC[m[2]!]!, 'minutes');
  if ((m = id.match(/^los\.([^.]+)\.(mean|p50|p90|p95)$/))) return info('patients', m[1]!, `length of stay, ${STATISTIC[m[2]!]!}`, 'hours');
  if ((m = id.match(/^(arrivals|throughput|cancellations|turnedAway|leftUnseen)\.([^.]+)$/))) {
    const [measure, unit, quiet] = PER_CLASS[m[1]!]!;
    const section = m[1] === 'cancellations' && ctx.surgicalClasses.has(m[2]!) ? 'theatres' : 'patients';
    return info(section, section === 'theatres' ? `${m[2]!} patients` : m[2]!, measure, unit, quiet);
  }
  if (id === 'cancellations') return info('patients', 'all classes', 'cancelled', 'patients', true);
  if ((m = id.match(/^occupancy\.(.+)$/))) return info('wards', m[1]!, 'occupancy', 'share');
  if ((m = id.match(/^beds\.(.+)\.meanOccupied$/))) return info('wards', m[1]!, 'beds occupied, mean', 'beds');
  if ((m = id.match(/^beds\.(.+)\.turnoversPerYear$/))) return info('wards', m[1]!, 'bed turnovers a year (patients through each bed)', 'patients');
  if ((m = id.match(/^utilisation\.(.+)$/))) return info(sectionOf(m[1]!), m[1]!, 'utilisation (busy / on duty)', 'share');
  if ((m = id.match(/^queue\.(.+)\.mean$/))) return info(sectionOf(m[1]!), m[1]!, 'patients waiting, mean', 'patients', true);
  // A resource of unlimited units has no share of capacity, only the number in use (census by hour has an hour in its id).
  if ((m = id.match(/^census\.([^.]+)\.mean$/)) && ctx.kindOf.has(m[1]!)) return info(sectionOf(m[1]!), m[1]!, 'in use, mean', 'patients');
  if ((m = id.match(/^refused\.(.+)$/))) return info(sectionOf(m[1]!), m[1]!, 'refused (waiting room full)', 'patients', true);
  if (id === 'overtime.hours') return info('staff', 'all staff', 'overtime', 'hours', true);
  if ((m = id.match(/^overtime\.(.+)\.hours$/))) return info(sectionOf(m[1]!), m[1]!, 'overtime', 'hours', true);
  if ((m = id.match(/^theatre\.([^.]+)\.(bumped|emergencies|emergencyWait\.mean)$/))) {
    const [measure, unit] = THEATRE_LIST[m[2]!]!;
    return info('theatres', m[1]!, measure, unit, m[2] === 'bumped');
  }
  if ((m = id.match(/^imaging\.(.+)\.turnaround\.mean$/))) return info('imaging', m[1]!, 'turnaround, request to end of exam, mean', 'minutes');
  if ((m = id.match(/^stock\.([^.]+)\.([A-Za-z]+)$/)) && STOCK[m[2]!]) {
    const [measure, unit, quiet] = STOCK[m[2]!]!;
    return info('stock', m[1]!, measure, unit, quiet);
  }
  if ((m = id.match(/^cost\.(.+)$/))) {
    const what = m[1]!;
    const type = COST_TYPES.indexOf(what as (typeof COST_TYPES)[number]);
    if (type >= 0) return info('costs', 'by type', COST_LABEL[what] ?? what, 'money', false, type);
    if (what === 'total') return info('costs', 'total', '', 'money', false, 10);
    if (what === 'capacity') return info('costs', 'of which', 'idle rostered capacity', 'money', false, 11);
    if (what === 'perPatient') return info('costs', 'per arrival', '', 'money', false, 12);
    if (what.startsWith('department.')) return info('costs', 'by department', what.slice('department.'.length), 'money', false, 13);
  }
  return info('other', id, '', 'events');
}

/** Figure ids in report order: by section, then rank, then keeping each subject's figures together. */
export function orderFigures(ids: readonly string[], ctx: FigureContext): { id: string; info: FigureInfo }[] {
  const rows = ids.map((id, index) => ({ id, info: describeFigure(id, ctx), index }));
  const sectionRank = new Map<string, number>(SECTIONS.map((s, i) => [s.id, i]));
  const firstOfSubject = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.info.section}\u0000${r.info.subject}`;
    if (!firstOfSubject.has(key)) firstOfSubject.set(key, r.index);
  }
  const subjectRank = (r: (typeof rows)[number]): number => firstOfSubject.get(`${r.info.section}\u0000${r.info.subject}`)!;
  rows.sort(
    (a, b) =>
      sectionRank.get(a.info.section)! - sectionRank.get(b.info.section)! || a.info.rank - b.info.rank || subjectRank(a) - subjectRank(b) || a.index - b.index,
  );
  return rows.map(({ id, info }) => ({ id, info }));
}

/** Labels people search by: the words a manager uses for the headline figures. */
const HEADLINE_LABEL: Record<string, string> = {
  'ed.within4h': 'ED 4-hour performance: share out within 4 hours',
  'ed.los.mean': 'ED length of stay, mean',
  'ed.arrivals': 'ED arrivals',
  'ed.leftUnseen': 'ED patients who left unseen',
  'ed.leftUnseenShare': 'ED left unseen, share of arrivals',
  'boarding.hours': 'ED boarding: hours waiting for a ward bed',
  'overtime.hours': 'Staff overtime, all staff',
  cancellations: 'Cancellations, all classes',
  'cost.total': 'Total cost',
  'cost.perPatient': 'Cost per patient (per arrival)',
  'cost.capacity': 'Cost of idle rostered capacity',
  'ed.waiting': 'ED patients waiting, mean (all ED queues)',
  'beds.occupancy': 'Bed occupancy, all wards',
  'cancellations.elective': 'Elective cancellations (operations cancelled)',
};

function plainLabel(id: string, section: SectionId, subject: string, measure: string): string {
  const fixed = HEADLINE_LABEL[id];
  if (fixed) return fixed;
  if (section === 'other') return id;
  if (id.startsWith('occupancy.')) return `Bed occupancy: ${subject}`;
  if (id.startsWith('cost.')) return subject === 'by type' ? `Cost of ${measure}` : `Cost, ${subject}: ${measure}`;
  if (id.startsWith('wait.')) return `Wait for ${subject}, ${measure}`;
  if (id.startsWith('queue.')) return `Patients waiting for ${subject}, mean`;
  return `${subject.charAt(0).toUpperCase()}${subject.slice(1)}: ${measure}`;
}

const HIGHER_IS_BETTER = /^(ed\.within4h|throughput\.|stock\.[^.]+\.fillRate$)/;
const NEITHER = /^(theatre\.[^.]+\.emergencies$|ed\.arrivals|arrivals\.|occupancy\.|beds\.|utilisation\.|stock\.[^.]+\.(averageStock|stockDays|orders|used)$)/;

function directionOf(id: string): FigureDirection {
  if (HIGHER_IS_BETTER.test(id)) return 'higherIsBetter';
  if (NEITHER.test(id)) return 'neither';
  return 'lowerIsBetter';
}

/**
 * The interval to show for a figure across replications: clipped at 0 when the
 * figure cannot be negative (sim-core's rule). Never use it for a paired difference.
 */
export function shownInterval(
  info: Pick<FigureInfo, 'nonNegative'> & { unit?: FigureUnit },
  ci95: readonly [number, number],
): { lo: number; hi: number; clippedAtZero: boolean } {
  const [lo, raw] = ci95;
  // A share cannot pass 100% either: its upper bound stops there (a 4-hour share of "95.7-101.4%" is impossible).
  const hi = info.unit === 'share' && raw > 1 ? 1 : raw;
  if (!info.nonNegative) return { lo, hi, clippedAtZero: false };
  const clipped: NonNegativeInterval = clipAtZero({ mean: (lo + hi) / 2, halfWidth: (hi - lo) / 2, lo, hi, n: 2, sd: NaN });
  return { lo: clipped.lo, hi: clipped.hi, clippedAtZero: clipped.clippedAtZero };
}
