/**
 * The floor plan, laid out automatically from a scenario: one zone per
 * department along a corridor (ED, imaging, theatres north of it; ICU and
 * wards south), each resource a block of slots with its waiting line in front.
 */
import type { Scenario } from '../../../scenarios/index.js';
import { startMinuteOfWeek } from '../../../scenarios/index.js';
import { distributionMean, type DistributionLike } from './distribution-mean.js';
import { SHAPES, type HospitalLayout, type ResourceBlock, type ResourceKind, type SlotShape, type Zone } from './types.js';
import { profileMax, weekProfile } from './week-profile.js';
import { ZONE_ORDER, zoneKind, zoneLabel, type DepartmentFacts } from './zone-kind.js';

const CORRIDOR = 1.6;
/** Depth of the waiting area between a zone and the corridor. */
const QUEUE_BAND = 4.2;
const PAD = 1.4;
const LABEL_BAND = 2.6;
const ZONE_GAP = 2.5;
const QUEUE_SPACING = 0.62;

interface ResourceSpec {
  name: string;
  label: string;
  kind: ResourceKind;
  department: string;
  units: number;
  profile: Uint16Array | null;
  cleaningMinutes: number;
  wardType?: string;
}

/** The resources in the compiler's order, with what the viewer needs of each. */
function resourceSpecs(s: Scenario): ResourceSpec[] {
  const out: ResourceSpec[] = [];
  for (const w of s.wards) {
    out.push({ name: w.id, label: w.name ?? w.id, kind: 'ward', department: w.department ?? w.id, units: w.beds, profile: null, cleaningMinutes: 0, wardType: w.type });
  }
  for (const g of s.staff) {
    const profile = weekProfile(g.shifts);
    out.push({ name: g.id, label: g.name ?? g.id, kind: 'staff', department: g.department, units: Math.max(1, profileMax(profile)), profile, cleaningMinutes: 0 });
  }
  for (const r of s.operatingRooms) {
    const profile = weekProfile(r.sessions.map((x) => ({ ...x, count: 1 })));
    out.push({ name: r.id, label: r.id, kind: 'room', department: 'theatres', units: 1, profile, cleaningMinutes: distributionMean(r.turnover as DistributionLike) });
  }
  for (const d of s.imaging) {
    const profile = weekProfile(d.openingHours.map((h) => ({ ...h, count: d.units })));
    out.push({ name: d.id, label: `${d.id} (${d.kind})`, kind: 'device', department: 'imaging', units: d.units, profile, cleaningMinutes: 0 });
  }
  for (const p of s.resources) {
    out.push({ name: p.id, label: p.id, kind: 'pool', department: p.department, units: p.units, profile: null, cleaningMinutes: 0 });
  }
  return out;
}

function shapeOf(r: ResourceSpec, zone: Zone['kind']): SlotShape {
  switch (r.kind) {
    case 'ward':
      return r.wardType === 'ed' ? 'trolley' : 'bed';
    case 'staff':
      return 'staff';
    case 'room':
      return 'room';
    case 'device':
      return 'device';
    case 'pool':
      return zone === 'ed' ? 'trolley' : 'unit';
  }
}

export function buildLayout(scenario: Scenario): HospitalLayout {
  const specs = resourceSpecs(scenario);
  const departments = [...new Set(specs.map((r) => r.department))];
  const facts = new Map<string, DepartmentFacts>(departments.map((d) => [d, { resourceKinds: new Set(), wardTypes: new Set(), emergencyClass: false }]));
  for (const r of specs) {
    const f = facts.get(r.department)!;
    f.resourceKinds.add(r.kind);
    if (r.wardType) f.wardTypes.add(r.wardType);
  }
  for (const c of scenario.patientClasses) {
    const f = facts.get(c.department);
    if (f && c.emergencyDepartment) f.emergencyClass = true;
  }
  const kinds = new Map(departments.map((d) => [d, zoneKind(d, facts.get(d)!)]));
  const ordered = [...departments].sort((a, b) => ZONE_ORDER[kinds.get(a)!] - ZONE_ORDER[kinds.get(b)!] || departments.indexOf(a) - departments.indexOf(b));

  const zones: Zone[] = [];
  const blocks: ResourceBlock[] = [];
  const slotsX: number[] = [];
  const slotsZ: number[] = [];
  const slotsBlock: number[] = [];
  const cursor = { [-1]: 0, [1]: 0 } as Record<-1 | 1, number>;
  const near = CORRIDOR + QUEUE_BAND;

  for (const department of ordered) {
    const kind = kinds.get(department)!;
    const side: -1 | 1 = kind === 'icu' || kind === 'ward' ? 1 : -1;
    // Places first, staff stations at the end of the zone.
    const members = specs.filter((r) => r.department === department).sort((a, b) => Number(a.kind === 'staff') - Number(b.kind === 'staff'));
    const zoneIndex = zones.length;
    const x0 = cursor[side];
    let x = x0 + PAD;
    let depth = 0;
    for (const r of members) {
      const shape = shapeOf(r, kind);
      const g = SHAPES[shape];
      const cols = Math.max(1, Math.min(r.units, g.maxCols));
      const rows = Math.ceil(r.units / cols);
      const w = Math.max(cols * g.dx, 2.2);
      const d = rows * g.dz;
      const firstSlot = slotsX.length;
      for (let i = 0; i < r.units; i++) {
        const col = i % cols;
        const row = Math.floor(i / cols);
        slotsX.push(x + (w - cols * g.dx) / 2 + (col + 0.5) * g.dx);
        slotsZ.push(side * (near + PAD + (row + 0.5) * g.dz));
        slotsBlock.push(blocks.length);
      }
      const qz = side * (near - 0.5);
      blocks.push({
        name: r.name,
        label: r.label,
        kind: r.kind,
        zone: zoneIndex,
        shape,
        units: r.units,
        firstSlot,
        lying: shape !== 'staff' && shape !== 'unit',
        queue: { x: x + 0.35, z: qz, dx: QUEUE_SPACING, dz: -side * QUEUE_SPACING, cols: Math.max(2, Math.floor((w - 0.1) / QUEUE_SPACING)) },
        profile: r.profile,
        cleaningMinutes: r.cleaningMinutes,
        x0: x,
        x1: x + w,
        z0: Math.min(side * (near + PAD), side * (near + PAD + d)),
        z1: Math.max(side * (near + PAD), side * (near + PAD + d)),
      });
      depth = Math.max(depth, d);
      x += w + PAD;
    }
    const x1 = Math.max(x, x0 + 9);
    const far = near + PAD + depth + LABEL_BAND;
    const wardNames = scenario.wards.filter((w) => (w.department ?? w.id) === department).map((w) => w.name ?? w.id);
    zones.push({ id: department, label: zoneLabel(kind, department, wardNames), kind, side, x0, x1, z0: Math.min(side * near, side * far), z1: Math.max(side * near, side * far) });
    cursor[side] = x1 + ZONE_GAP;
  }

  const entrance = { x: -6, z: 0 };
  const bounds = {
    x0: entrance.x - 2,
    x1: Math.max(cursor[-1], cursor[1], 10),
    z0: Math.min(-near, ...zones.map((z) => z.z0)),
    z1: Math.max(near, ...zones.map((z) => z.z1)),
  };
  return {
    zones,
    blocks,
    blockOf: new Map(blocks.map((b, i) => [b.name, i])),
    slotCount: slotsX.length,
    slotX: Float32Array.from(slotsX),
    slotZ: Float32Array.from(slotsZ),
    slotBlock: Int32Array.from(slotsBlock),
    entrance,
    corridor: CORRIDOR,
    bounds,
    startMinuteOfWeek: startMinuteOfWeek(scenario.start),
  };
}

/** Position of waiting spot `k` in a block's line. */
export function queueSpot(block: ResourceBlock, k: number): { x: number; z: number } {
  const col = k % block.queue.cols;
  const row = Math.floor(k / block.queue.cols);
  return { x: block.queue.x + col * block.queue.dx, z: block.queue.z + row * block.queue.dz };
}

/** Units open at simulated minute `t` (all of them if the resource has no roster). */
export function unitsOpen(layout: HospitalLayout, block: ResourceBlock, t: number): number {
  if (!block.profile) return block.units;
  const m = (((layout.startMinuteOfWeek + Math.floor(t)) % 10080) + 10080) % 10080;
  return block.profile[m]!;
}
