/**
 * Marks under the timeline: days, weeks (Mondays) and months, as many as the
 * width allows. A label ("Mon 18 May", 11 px type) is about 66 px wide, so
 * labels are kept at least LABEL_PX apart; a bare tick needs about 5 px.
 */
import { dateParts } from './time.js';

export interface Tick {
  /** Simulated minutes. */
  t: number;
  major: boolean;
  label?: string;
}

const DAY = 1440;
/** Room for one label and a gap before the next: "Mon 18 May" is about 66 px in the timeline's type. */
export const LABEL_PX = 84;
const TICK_PX = 5;

export function timelineTicks(start: string, end: number, widthPx: number): Tick[] {
  if (end <= 0 || widthPx <= 0) return [];
  const pxPerDay = (widthPx * DAY) / end;
  const out: Tick[] = [];
  // Day boundaries in simulated minutes: the first midnight after the start, then every day.
  const first = (DAY - dateParts(start, 0).minuteOfDay) % DAY;
  for (let t = first; t <= end; t += DAY) {
    const p = dateParts(start, t);
    const monday = p.weekday === 1;
    const firstOfMonth = p.day === 1;
    let major: boolean;
    let labelled: boolean;
    if (pxPerDay >= LABEL_PX) {
      major = monday;
      labelled = true;
    } else if (pxPerDay * 7 >= LABEL_PX) {
      major = monday;
      labelled = monday;
    } else if (pxPerDay * 30 >= LABEL_PX) {
      major = firstOfMonth;
      labelled = firstOfMonth;
    } else {
      major = firstOfMonth && p.month % 3 === 0;
      labelled = major;
    }
    const shown = major || labelled || pxPerDay >= TICK_PX || (pxPerDay * 7 >= TICK_PX && monday) || firstOfMonth;
    if (!shown) continue;
    const tick: Tick = { t, major: major || labelled };
    if (labelled)
      tick.label = pxPerDay >= LABEL_PX || !firstOfMonth || pxPerDay * 7 >= LABEL_PX ? `${p.weekdayName} ${p.day} ${p.monthName}` : `${p.monthName} ${p.year}`;
    out.push(tick);
  }
  return thinLabels(out, end, widthPx);
}

/**
 * Drops labels that would start within LABEL_PX of the previous label (month
 * starts falling beside a Monday, say): the mark stays, its words go.
 */
function thinLabels(ticks: Tick[], end: number, widthPx: number): Tick[] {
  let last = -Infinity;
  for (const tick of ticks) {
    if (!tick.label) continue;
    const x = (tick.t / end) * widthPx;
    if (x - last < LABEL_PX) delete tick.label;
    else last = x;
  }
  return ticks;
}
