/**
 * What happened to one patient, or on one bed, room or device, in words:
 * read straight from the trace (patients) or from the replay's slot timeline.
 */
import type { TraceData } from '../../../sim-core/index.js';
import { TRACE_ATTRIBUTE_PREFIX, TRACE_BRANCH_END_PREFIX, TRACE_PLACED, TRACE_WORDS, type TraceWord } from '../../../workers/index.js';
import { SLOT_BROKEN, SLOT_BUSY, SLOT_CLEANING, SLOT_FREE, type Replay } from './types.js';

export interface StoryLine {
  t: number;
  text: string;
}

export interface PatientStory {
  entity: number;
  className: string;
  attributes: Record<string, string>;
  arrived: number;
  /** When it left (NaN: still in the hospital at the end). */
  left: number;
  outcome: string;
  /** Minutes spent waiting for resources. */
  waited: number;
  lines: StoryLine[];
}

const OUTCOME: Partial<Record<TraceWord, string>> = {
  [TRACE_WORDS.leave]: 'went home',
  [TRACE_WORDS.leftUnseen]: 'left without being seen',
  [TRACE_WORDS.cancelled]: 'case cancelled',
  [TRACE_WORDS.turnedAway]: 'turned away (no room)',
};

/** The story in plain words: resource and class ids become their names where known. */
export function patientStory(trace: TraceData, entity: number, nameOf: (id: string) => string = (id) => id): PatientStory {
  const story: PatientStory = { entity, className: '', attributes: {}, arrived: NaN, left: NaN, outcome: 'still in the hospital', waited: 0, lines: [] };
  let requestedAt = NaN;
  for (let i = 0; i < trace.length; i++) {
    if (trace.entity[i] !== entity) continue;
    const t = trace.time[i]!;
    const what = trace.whatNames[trace.what[i]!]!;
    const id = trace.whereNames[trace.where[i]!]!;
    const where = what.startsWith(TRACE_ATTRIBUTE_PREFIX) ? id : nameOf(id);
    let text: string;
    if (what === TRACE_WORDS.arrive || what === TRACE_PLACED) {
      story.className = where;
      story.arrived = t;
      text = what === TRACE_PLACED ? `already in the hospital at the start: ${where}` : `arrives: ${where}`;
    } else if (what.startsWith(TRACE_ATTRIBUTE_PREFIX)) {
      const name = what.slice(TRACE_ATTRIBUTE_PREFIX.length);
      story.attributes[name] = where;
      text = `${name}: ${where}`;
    } else if (what === TRACE_WORDS.request) {
      requestedAt = t;
      text = `waits for ${where}`;
    } else if (what === TRACE_WORDS.seize) {
      if (!Number.isNaN(requestedAt)) {
        story.waited += t - requestedAt;
        requestedAt = NaN;
      }
      text = `gets ${where}`;
    } else if (what === TRACE_WORDS.release) text = `is done with ${where}`;
    else if (what === TRACE_WORDS.start) text = `starts: ${where}`;
    else if (what === TRACE_WORDS.finish) text = `finishes: ${where}`;
    else if (what === TRACE_WORDS.stockout) text = `stock-out of ${where}`;
    else if (what === TRACE_WORDS.turnoverEnd) text = `${where} cleaned after the case`;
    else if (what.startsWith(TRACE_BRANCH_END_PREFIX)) {
      // One of its parallel steps could not go on: the wait for it ends, the patient stays.
      if (!Number.isNaN(requestedAt)) story.waited += t - requestedAt;
      requestedAt = NaN;
      const how = what.slice(TRACE_BRANCH_END_PREFIX.length);
      text = `one of its parallel steps ended: ${OUTCOME[how as TraceWord] ?? how}`;
    } else if (what in OUTCOME) {
      const outcome = OUTCOME[what as TraceWord]!;
      if (!Number.isNaN(requestedAt)) story.waited += t - requestedAt;
      story.left = t;
      story.outcome = outcome;
      text = outcome;
    } else text = `${what} ${where}`;
    story.lines.push({ t, text });
  }
  return story;
}

export interface SlotStory {
  slot: number;
  resource: string;
  /** "Medical ward bed 12", "or2", "ct (CT) unit 1", "ED doctors station 3". */
  title: string;
  unit: number;
  /** Patients who used it during the run. */
  uses: number;
  lines: StoryLine[];
}

/** The history of one slot: who took it and when it came free (all of it; the card shows the part around now). */
export function slotStory(r: Replay, slot: number, nameOf: (id: string) => string = (id) => id): SlotStory {
  const block = r.layout.blocks[r.layout.slotBlock[slot]!]!;
  const lines: StoryLine[] = [];
  let uses = 0;
  for (let k = r.slotStart[slot]! + 1; k < r.slotStart[slot + 1]!; k++) {
    const state = r.slotState[k]!;
    const e = r.slotEntity[k]!;
    const klass = r.classNames[r.klass[e]!];
    const name = e >= 0 ? `patient #${e} (${klass === undefined ? 'unknown class' : nameOf(klass)})` : '';
    if (state === SLOT_BUSY) uses++;
    const text =
      state === SLOT_BUSY
        ? `taken by ${name}`
        : state === SLOT_CLEANING
          ? `cleaned after ${name}`
          : state === SLOT_FREE
            ? 'free'
            : state === SLOT_BROKEN
              ? 'broken down'
              : 'closed';
    lines.push({ t: r.slotT[k]!, text });
  }
  const unit = slot - block.firstSlot + 1;
  const noun = { bed: 'bed', trolley: 'cubicle', room: 'room', device: 'unit', staff: 'station', unit: 'unit' }[block.shape];
  const title = block.units === 1 && block.shape !== 'staff' ? block.label : `${block.label} · ${noun} ${unit}`;
  return { slot, resource: block.name, title, unit, uses, lines };
}

/**
 * The part of a story around the moment shown: up to `before` lines up to now
 * and `after` lines after it, with how many are left out on each side.
 */
export function storyAround(
  lines: readonly StoryLine[],
  time: number,
  before = 6,
  after = 6,
): { earlier: number; past: StoryLine[]; future: StoryLine[]; later: number } {
  let now = 0;
  while (now < lines.length && lines[now]!.t <= time) now++;
  const from = Math.max(0, now - before);
  const to = Math.min(lines.length, now + after);
  return { earlier: from, past: lines.slice(from, now), future: lines.slice(now, to), later: lines.length - to };
}
