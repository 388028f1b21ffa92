/**
 * The catalogue's entries for cost per case, case-mix groups, patient time,
 * census by hour, P(wait) and wait targets, requests and time in system, and
 * the stock levels over time (issue 15). Kept apart from figure-catalogue.ts,
 * which asks here first. Money is in the scenario's currency; margins are the
 * only figures here that can be negative.
 */
import type { FigureDirection, FigureInfo, FigureUnit, SectionId } from './figure-catalogue.js';
import { COST_TYPE_WORDS } from './cost-type-words.js';

const QUANTILE: Record<string, string> = { mean: 'mean', p10: '10th percentile', p50: 'median', p90: '90th percentile' };
const WEEKDAY: Record<string, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };
const COST_TYPE = COST_TYPE_WORDS;

/** Per group (`casemix.<code>.<m>`) and over all groups (`casemix.<m>`): measure, unit, direction, can be negative. */
const CASEMIX: Record<string, [string, FigureUnit, FigureDirection, boolean]> = {
  cases: ['finished cases', 'patients', 'neither', false],
  cost: ['cost of the cases', 'money', 'lowerIsBetter', false],
  payment: ['payment for the cases', 'money', 'higherIsBetter', false],
  costPerCase: ['cost per case', 'money', 'lowerIsBetter', false],
  paymentPerCase: ['payment per case', 'money', 'higherIsBetter', false],
  marginPerCase: ['margin per case (payment − cost)', 'money', 'higherIsBetter', true],
  margin: ['margin, total (payment − cost)', 'money', 'higherIsBetter', true],
  lossShare: ['share of cases that lose money', 'share', 'lowerIsBetter', false],
};

const STOCK: Record<string, [string, FigureUnit, boolean, FigureDirection]> = {
  outOfStockShare: ['share of time out of stock', 'share', true, 'lowerIsBetter'],
  meanOnOrder: ['units on order, mean', 'units', false, 'neither'],
  meanBackorders: ['units owed to waiting patients (backorders), mean', 'units', true, 'lowerIsBetter'],
};

/**
 * The entry of an id of these families, or null for any other id.
 * `sectionOf` gives a resource's section; `nameOf` a subject's plain name.
 */
export function describeCaseFigure(id: string, sectionOf: (resource: string) => SectionId, nameOf: (subject: string) => string): FigureInfo | null {
  const entry = (
    section: SectionId,
    subject: string,
    measure: string,
    unit: FigureUnit,
    label: string,
    direction: FigureDirection,
    o: { quiet?: boolean; rank?: number; negative?: boolean } = {},
  ): FigureInfo => ({ section, subject, measure, unit, quietWhenZero: o.quiet ?? false, rank: o.rank ?? 0, label, direction, nonNegative: !o.negative });
  let m: RegExpMatchArray | null;

  if ((m = id.match(/^cases\.([^.]+)$/))) return entry('casemix', nameOf(m[1]!), 'finished cases', 'patients', `Finished cases: ${nameOf(m[1]!)}`, 'neither');
  if ((m = id.match(/^cost\.perCase\.(.+)\.byType\.([A-Za-z]+)$/))) {
    const subject = cutSubject(m[1]!, nameOf);
    const type = COST_TYPE[m[2]!] ?? m[2]!;
    return entry('casemix', subject, `cost per case: ${type}, mean`, 'money', `Cost per case, ${subject}: ${type}, mean`, 'lowerIsBetter', { rank: 2 });
  }
  if ((m = id.match(/^cost\.perCase\.(.+)\.(mean|p10|p50|p90|cases)$/))) {
    const subject = cutSubject(m[1]!, nameOf);
    if (m[2] === 'cases') return entry('casemix', subject, 'finished cases', 'patients', `Finished cases, ${subject}`, 'neither', { rank: 1 });
    const measure = `cost per case, ${QUANTILE[m[2]!]!}`;
    return entry('casemix', subject, measure, 'money', `Cost per case, ${subject}: ${QUANTILE[m[2]!]!}`, 'lowerIsBetter', { rank: 1 });
  }
  if ((m = id.match(/^casemix\.(?:([^.]+)\.)?([A-Za-z]+)$/)) && CASEMIX[m[2]!]) {
    const [measure, unit, direction, negative] = CASEMIX[m[2]!]!;
    const subject = m[1] === undefined ? 'all groups' : `group ${m[1]}`;
    return entry('casemix', subject, measure, unit, `Case mix, ${subject}: ${measure}`, direction, { negative, rank: 3 });
  }
  if (id === 'patientTime.hours')
    return entry(
      'casemix',
      'patient time',
      'hours patients waited (finished cases)',
      'hours',
      'Patient time: hours waited by finished cases',
      'lowerIsBetter',
      { rank: 4 },
    );
  if (id === 'patientTime.perCase.hours')
    return entry('casemix', 'patient time', 'hours waited per case', 'hours', 'Patient time: hours waited per case', 'lowerIsBetter', { rank: 4 });
  if (id === 'patientTime.cost') {
    return entry(
      'casemix',
      'patient time',
      'value of the hours waited (not in the total cost)',
      'money',
      'Patient time: value of the hours waited (not part of the total cost)',
      'lowerIsBetter',
      { rank: 4 },
    );
  }

  if ((m = id.match(/^wait\.(.+)\.pWait$/)))
    return entry('waits', m[1]!, 'share who waited at all', 'share', `Wait for ${nameOf(m[1]!)}: share who waited at all`, 'lowerIsBetter');
  if ((m = id.match(/^wait\.(.+)\.withinTarget$/)))
    return entry('waits', m[1]!, 'share seen within the target', 'share', `Wait for ${nameOf(m[1]!)}: share seen within the target`, 'higherIsBetter');

  if ((m = id.match(/^census\.([^.]+)\.h(\d\d)\.(mean|p90)$/))) {
    const place = m[1] === 'ed' ? 'ED' : nameOf(m[1]!);
    const unit: FigureUnit = m[1] === 'ed' ? 'patients' : 'beds';
    const measure = `at ${m[2]}:00, ${m[3] === 'mean' ? 'mean' : '90th percentile'}`;
    return entry('census', place, measure, unit, `Census, ${place}: ${measure}`, 'neither');
  }
  if ((m = id.match(/^census\.([^.]+)\.(mon|tue|wed|thu|fri|sat|sun)\.h(\d\d)\.mean$/))) {
    const place = m[1] === 'ed' ? 'ED' : nameOf(m[1]!);
    const unit: FigureUnit = m[1] === 'ed' ? 'patients' : 'beds';
    const measure = `${WEEKDAY[m[2]!]!} at ${m[3]}:00, mean`;
    return entry('census', place, measure, unit, `Census, ${place}: ${measure}`, 'neither');
  }

  if ((m = id.match(/^requests\.(.+)$/)))
    return entry(sectionOf(m[1]!), m[1]!, 'requests (patients asking for it)', 'patients', `${nameOf(m[1]!)}: requests`, 'neither');
  if ((m = id.match(/^timeInSystem\.(.+)\.mean$/))) {
    return entry(
      sectionOf(m[1]!),
      m[1]!,
      'time at it, waiting and served, mean',
      'minutes',
      `${nameOf(m[1]!)}: time waiting and served, mean`,
      'lowerIsBetter',
    );
  }
  if ((m = id.match(/^stock\.([^.]+)\.([A-Za-z]+)$/)) && STOCK[m[2]!]) {
    const [measure, unit, quiet, direction] = STOCK[m[2]!]!;
    return entry('stock', m[1]!, measure, unit, `${nameOf(m[1]!)}: ${measure}`, direction, { quiet });
  }
  return null;
}

/** "all", "pathway.visit", "attribute.acuity.2" or a class id, in words. */
function cutSubject(cut: string, nameOf: (s: string) => string): string {
  if (cut === 'all') return 'all cases';
  let m: RegExpMatchArray | null;
  if ((m = cut.match(/^pathway\.(.+)$/))) return `pathway ${m[1]!}`;
  if ((m = cut.match(/^attribute\.([^.]+)\.(.+)$/))) return `${m[1]!} ${m[2]!}`;
  return nameOf(cut);
}
