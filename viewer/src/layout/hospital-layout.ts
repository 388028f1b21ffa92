/**
 * The floor plan, laid out automatically from a scenario: one zone per
 * department along a corridor (ED, imaging, theatres north of it; ICU and
 * wards south), each resource a block of slots with its waiting line in front.
 */
import type { Scenario } from '../../../scenarios/index.js';
import { plainId, startMinuteOfWeek } from '../../../scenarios/index.js';
import { distributionMean, type DistributionLike } from './distribution-mean.js';
import { SHAPES, type HospitalLayout, type ResourceBlock, type ResourceKind, type SlotShape, type Zone, type ZoneKind } from './types.js';
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
    out.push({
      name: w.id,
      label: w.name ?? plainId(w.id),
      kind: 'ward',
      department: w.department ?? w.id,
      units: w.beds,
      profile: null,
      cleaningMinutes: 0,
      wardType: w.type,
    });
  }
  for (const g of s.staff) {
    const profile = weekProfile(g.shifts);
    out.push({
      name: g.id,
      label: g.name ?? plainId(g.id),
      kind: 'staff',
      department: g.department,
      units: Math.max(1, profileMax(profile)),
      profile,
      cleaningMinutes: 0,
    });
  }
  for (const r of s.operatingRooms) {
    const profile = weekProfile(r.sessions.map((x) => ({ ...x, count: 1 })));
    out.push({
      name: r.id,
      label: plainId(r.id),
      kind: 'room',
      department: 'theatres',
      units: 1,
      profile,
      cleaningMinutes: distributionMean(r.turnover as DistributionLike),
    });
  }
  for (const d of s.imaging) {
    const profile = weekProfile(d.openingHours.map((h) => ({ ...h, count: d.units })));
    out.push({
      name: d.id,
      label: plainId(d.id).toLowerCase().startsWith(d.kind.toLowerCase()) ? plainId(d.id) : `${plainId(d.id)} (${d.kind})`,
      kind: 'device',
      department: 'imaging',
      units: d.units,
      profile,
      cleaningMinutes: 0,
    });
  }
  for (const p of s.resources) {
    out.push({ name: p.id, label: plainId(p.id), kind: 'pool', department: p.department, units: p.units, profile: null, cleaningMinutes: 0 });
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

interface ZonePlan {
  department: string;
  kind: ZoneKind;
  side: -1 | 1;
  width: number;
  depth: number;
  /** Blocks with their offset from the zone's left edge. */
  members: { spec: ResourceSpec; shape: SlotShape; cols: number; w: number; d: number; x: number }[];
}

/** Columns of a block: beds and cubicles in a roughly square grid, rooms and devices in a row of up to four. */
function columns(shape: SlotShape, units: number): number {
  const g = SHAPES[shape];
  if (shape === 'bed' || shape === 'trolley' || shape === 'unit') return Math.max(1, Math.min(units, g.maxCols, Math.ceil(Math.sqrt(units * 2.4))));
  return Math.max(1, Math.min(units, g.maxCols));
}

/** The blocks of a department side by side, places first and staff stations last. */
function planZone(department: string, kind: ZoneKind, specs: ResourceSpec[]): ZonePlan {
  const members: ZonePlan['members'] = [];
  let x = PAD;
  let depth = 0;
  const list = specs.filter((r) => r.department === department).sort((a, b) => Number(a.kind === 'staff') - Number(b.kind === 'staff'));
  for (const spec of list) {
    const shape = shapeOf(spec, kind);
    const g = SHAPES[shape];
    const cols = columns(shape, spec.units);
    const w = Math.max(cols * g.dx, shape === 'staff' ? 1.6 : 2.2);
    const d = Math.ceil(spec.units / cols) * g.dz;
    members.push({ spec, shape, cols, w, d, x });
    depth = Math.max(depth, d);
    x += w + (shape === 'staff' ? PAD * 0.7 : PAD);
  }
  return { department, kind, side: -1, width: Math.max(x, 9), depth, members };
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

  const plans = ordered.map((department) => planZone(department, kinds.get(department)!, specs));
  // Departments go north of the corridor in order until that side holds half the width; the rest go south.
  const total = plans.reduce((sum, p) => sum + p.width + ZONE_GAP, 0);
  let northWidth = 0;
  for (const p of plans) {
    p.side = northWidth < total / 2 ? -1 : 1;
    if (p.side === -1) northWidth += p.width + ZONE_GAP;
  }

  const zones: Zone[] = [];
  const blocks: ResourceBlock[] = [];
  const slotsX: number[] = [];
  const slotsZ: number[] = [];
  const slotsBlock: number[] = [];
  const cursor = { [-1]: 0, [1]: 0 } as Record<-1 | 1, number>;
  const near = CORRIDOR + QUEUE_BAND;

  for (const plan of plans) {
    const { side, kind, department } = plan;
    const zoneIndex = zones.length;
    const x0 = cursor[side];
    for (const m of plan.members) {
      const g = SHAPES[m.shape];
      const x = x0 + m.x;
      const firstSlot = slotsX.length;
      for (let i = 0; i < m.spec.units; i++) {
        const col = i % m.cols;
        const row = Math.floor(i / m.cols);
        slotsX.push(x + (m.w - m.cols * g.dx) / 2 + (col + 0.5) * g.dx);
        slotsZ.push(side * (near + PAD + (row + 0.5) * g.dz));
        slotsBlock.push(blocks.length);
      }
      blocks.push({
        name: m.spec.name,
        label: m.spec.label,
        kind: m.spec.kind,
        zone: zoneIndex,
        shape: m.shape,
        units: m.spec.units,
        firstSlot,
        lying: m.shape !== 'staff' && m.shape !== 'unit',
        queue: {
          x: x + 0.35,
          z: side * (near - 0.5),
          dx: QUEUE_SPACING,
          dz: -side * QUEUE_SPACING,
          cols: Math.max(2, Math.floor((m.w - 0.1) / QUEUE_SPACING)),
        },
        profile: m.spec.profile,
        cleaningMinutes: m.spec.cleaningMinutes,
        x0: x,
        x1: x + m.w,
        z0: Math.min(side * (near + PAD), side * (near + PAD + m.d)),
        z1: Math.max(side * (near + PAD), side * (near + PAD + m.d)),
      });
    }
    const far = near + PAD + plan.depth + LABEL_BAND;
    const wardNames = scenario.wards.filter((w) => (w.department ?? w.id) === department).map((w) => w.name ?? w.id);
    zones.push({
      id: department,
      label: zoneLabel(kind, department, wardNames),
      kind,
      side,
      x0,
      x1: x0 + plan.width,
      z0: Math.min(side * near, side * far),
      z1: Math.max(side * near, side * far),
    });
    cursor[side] = x0 + plan.width + ZONE_GAP;
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
