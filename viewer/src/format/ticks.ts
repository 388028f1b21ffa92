/**
 * Marks under the timeline: days, weeks (Mondays) and months, as many as the
 * width allows. A label needs about 64 px; a bare tick about 5 px.
 */
import { dateParts } from './time.js';

export interface Tick {
  /** Simulated minutes. */
  t: number;
  major: boolean;
  label?: string;
}

const DAY = 1440;
const LABEL_PX = 64;
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
  return out;
}
