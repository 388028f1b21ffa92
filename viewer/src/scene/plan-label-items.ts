/**
 * The words drawn over the plan, in order of importance: department names,
 * each ward's beds ("182 of 220 beds occupied", or the labels a caller gives,
 * such as a snapshot's census), the entrance, the count over each waiting
 * line, then the names of the blocks in a department of several. Counts
 * change with the clock; each label keeps room for its widest text, so the
 * layout does not move while a replay plays.
 */
import type { HospitalLayout } from '../layout/types.js';
import { queueCountAt, slotStateAt, SLOT_BUSY, type Replay } from '../replay/index.js';
import type { PlanLabel } from './label-sprite.js';

export type PlanLabelKind = 'zone' | 'ward' | 'entrance' | 'badge' | 'block';

export interface PlanItem {
  key: string;
  kind: PlanLabelKind;
  /** Where it belongs on the plan, in metres. */
  anchor: readonly [number, number, number];
  /** The widest text it can show: its room on screen. */
  widest: string;
  /** Its text at simulated minute t; null: not shown now. */
  text: (t: number) => string | null;
  /** Places to try around the anchor, in label widths (dx) and heights (dy), best first. */
  candidates: readonly (readonly [number, number])[];
  colour?: string;
  background?: string;
  /** A count that is long (10 waiting or more). */
  alarm?: (t: number) => boolean;
}

const AROUND: readonly (readonly [number, number])[] = [
  [0, 0],
  [0, -1],
  [0, 1],
  [0, -2],
  [0, 2],
];
/** Around the anchor, then beside it: for names and counts in a crowded row. */
const AROUND_AND_BESIDE: readonly (readonly [number, number])[] = [...AROUND, [-0.6, 0], [0.6, 0], [-0.6, -1], [0.6, -1], [-0.6, 1], [0.6, 1]];
const BESIDE_LINE: readonly (readonly [number, number])[] = [
  [0.5, 0],
  [0.5, -1],
  [0.5, 1],
  [-0.5, 0],
  [1.5, 0],
  [-0.5, -1],
  [-0.5, 1],
  [0.5, -2],
  [0.5, 2],
];

/** "182 of 220 beds occupied" where the ward's beds are wide enough for it, else "5/8 beds" (as Today words it). */
export function bedsText(occupied: number, beds: number, wide: boolean): string {
  return wide ? `${occupied} of ${beds} beds occupied` : `${occupied}/${beds} beds`;
}

function occupiedAt(replay: Replay, block: number, t: number): number {
  const b = replay.layout.blocks[block]!;
  let n = 0;
  for (let s = b.firstSlot; s < b.firstSlot + b.units; s++) if (slotStateAt(replay, s, t) === SLOT_BUSY) n++;
  return n;
}

/** A name short enough to sit over a few beds: "Intensive care unit (level 3)" → "Intensive care". */
export function shortName(label: string): string {
  const short = label
    .replace(/\s*\(.*?\)/g, '')
    .replace(/\s+(unit|ward)$/i, '')
    .trim();
  return short || label;
}

function several(layout: HospitalLayout, zone: number): boolean {
  return layout.blocks.filter((o) => o.zone === zone).length > 1;
}

function fixed(text: string): (t: number) => string {
  return () => text;
}

/**
 * `given`: labels for the wards (a snapshot's census, keyed by ward id) instead of the replay's own count of
 * busy beds. Either way a ward beside others in its department is named with its count, by the scenario's
 * name for it ("Intensive care: 5/7 beds"), and not named again below.
 */
export function planItems(replay: Replay, given: readonly PlanLabel[] | undefined): PlanItem[] {
  const layout: HospitalLayout = replay.layout;
  const wardName = (b: HospitalLayout['blocks'][number]): string => (several(layout, b.zone) ? `${shortName(b.label)}: ` : '');
  const countedWards = new Set<string>();
  const items: PlanItem[] = layout.zones.map((z) => ({
    key: `zone-${z.id}`,
    kind: 'zone',
    anchor: [(z.x0 + z.x1) / 2, 0.6, (z.side < 0 ? z.z0 : z.z1) - z.side * 1.1],
    widest: z.label,
    text: fixed(z.label),
    candidates: AROUND.slice(0, 3),
  }));
  if (given) {
    for (const l of given) {
      const block = layout.blockOf.get(l.key);
      const b = block === undefined ? undefined : layout.blocks[block];
      const text = (b?.bed ? wardName(b) : '') + l.text;
      if (b?.bed) countedWards.add(b.name);
      items.push({
        key: `ward-${l.key}`,
        kind: 'ward',
        anchor: l.position,
        widest: text,
        text: fixed(text),
        candidates: AROUND,
        ...(l.colour ? { colour: l.colour } : {}),
        ...(l.background ? { background: l.background } : {}),
      });
    }
  } else {
    layout.blocks.forEach((b, i) => {
      if (!b.bed) return;
      const wide = b.x1 - b.x0 >= 12;
      const name = wardName(b);
      countedWards.add(b.name);
      items.push({
        key: `ward-${b.name}`,
        kind: 'ward',
        anchor: [(b.x0 + b.x1) / 2, 1.2, (b.z0 + b.z1) / 2],
        widest: name + bedsText(b.units, b.units, wide),
        text: (t) => name + bedsText(occupiedAt(replay, i, t), b.units, wide),
        candidates: AROUND_AND_BESIDE,
      });
    });
  }
  items.push({
    key: 'entrance',
    kind: 'entrance',
    anchor: [layout.entrance.x, 1.6, layout.entrance.z],
    widest: 'Entrance',
    text: fixed('Entrance'),
    candidates: AROUND.slice(0, 3),
  });
  layout.blocks.forEach((b, i) => {
    const { start, n } = replay.queues;
    // Room only for lines that ever form.
    let longest = 0;
    for (let k = start[i]!; k < start[i + 1]!; k++) longest = Math.max(longest, n[k]!);
    if (longest === 0) return;
    const zone = layout.zones[b.zone]!;
    items.push({
      key: `badge-${b.name}`,
      kind: 'badge',
      anchor: [b.queue.x, 1.5, b.queue.z - zone.side * 0.6],
      widest: `${longest} waiting`,
      text: (t) => {
        const count = queueCountAt(replay.queues, i, t);
        return count > 0 ? `${count} waiting` : null;
      },
      alarm: (t) => queueCountAt(replay.queues, i, t) >= 10,
      candidates: BESIDE_LINE,
    });
  });
  // Places (beds, rooms, devices) are named before staff stations; a ward named with its count above is not named again.
  const named = layout.blocks.filter((b) => several(layout, b.zone) && !countedWards.has(b.name)).sort((a, b) => Number(a.station) - Number(b.station));
  named.forEach((b) => {
    const zone = layout.zones[b.zone]!;
    const near = zone.side < 0 ? b.z1 : b.z0;
    items.push({
      key: `block-${b.name}`,
      kind: 'block',
      anchor: [(b.x0 + b.x1) / 2, 0.45, near - zone.side * 0.55],
      widest: b.label,
      text: fixed(b.label),
      candidates: AROUND_AND_BESIDE,
    });
  });
  return items;
}
