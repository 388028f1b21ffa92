/**
 * The floor plan, laid out automatically from a scenario: one zone per
 * department along a corridor (ED, imaging, theatres north of it; ICU and
 * wards south), each resource a block of slots with its waiting line in front.
 * The resources are the compiled model's, in its order, each drawn as its
 * kind's module in scenarios/kinds says (shape, zone, label): the viewer knows
 * no kind by name.
 */
import type { Scenario } from '../../../scenarios/index.js';
import { compileScenario, distributionMean, resourceKind, resourceLayouts, startMinuteOfWeek, type LayoutSpec } from '../../../scenarios/index.js';
import { SHAPES, type HospitalLayout, type ResourceBlock, type ResourceKind, type SlotShape, type Zone, type ZoneKind } from './types.js';
import { profileMax, rosterProfile } from './week-profile.js';
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
  kind: ResourceKind;
  department: string;
  units: number;
  profile: Uint16Array | null;
  cleaningMinutes: number;
  look: LayoutSpec;
}

/** The compiled model's resources, in its order, with what the viewer needs of each. */
function resourceSpecs(s: Scenario): ResourceSpec[] {
  const looks = resourceLayouts(s);
  return compileScenario(s).resources.map((r, i) => {
    const look = looks[i]!;
    const profile = r.roster ? rosterProfile(r.roster) : null;
    return {
      name: r.name,
      kind: r.kind,
      department: r.department,
      units: look.drawnUnits ?? (profile ? Math.max(1, profileMax(profile)) : r.capacity),
      profile,
      cleaningMinutes: r.turnover ? distributionMean(r.turnover) : 0,
      look,
    };
  });
}

function shapeOf(r: ResourceSpec, zone: Zone['kind']): SlotShape {
  return zone === 'ed' && r.look.shapeInEd ? r.look.shapeInEd : r.look.shape;
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
  const list = specs.filter((r) => r.department === department).sort((a, b) => Number(a.look.station) - Number(b.look.station));
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

/** `keep`: draw only the resources it keeps (one site of a network: the names with its prefix). */
export function buildLayout(scenario: Scenario, keep: (resource: string) => boolean = () => true): HospitalLayout {
  const specs = resourceSpecs(scenario).filter((r) => keep(r.name));
  const departments = [...new Set(specs.map((r) => r.department))];
  const facts = new Map<string, DepartmentFacts>(departments.map((d) => [d, { zones: new Set(), emergencyClass: false }]));
  for (const r of specs) if (r.look.zone) facts.get(r.department)!.zones.add(r.look.zone);
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
        label: m.spec.look.label,
        kind: m.spec.kind,
        zone: zoneIndex,
        shape: m.shape,
        units: m.spec.units,
        firstSlot,
        lying: m.shape !== 'staff' && m.shape !== 'unit',
        station: m.spec.look.station,
        bed: resourceKind(m.spec.kind).bed,
        theatre: resourceKind(m.spec.kind).theatre,
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
    const wardNames = specs.flatMap((r) => (r.department === department && r.look.zoneName !== undefined ? [r.look.zoneName] : []));
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
