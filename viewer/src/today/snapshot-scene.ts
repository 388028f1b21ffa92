/**
 * A hospital state drawn by the replay's own scene: the state becomes a
 * Replay of one moment (time 0 = asOf, nobody moving), so the floor plan,
 * beds, patients and waiting counts are the components a run's replay uses.
 *
 * Each patient is placed as the replay would place it at that moment: on the
 * last place it holds (a theatre before its ward bed, an ED cubicle while it
 * waits for a bed), else at its staff station, else in the line of what it
 * waits for; one with nothing held or awaited stands at the entrance. A
 * patient in a split's branches holds what each branch holds and waits in
 * each waiting branch's line (its figure stands in the first). Staff
 * on duty now and units out of order come from the state where it gives them.
 */
import { forecastModel, plainId, stepVerb, type HospitalState, type Scenario } from '../../../scenarios/index.js';
import { buildLayout, queueSpot, unitsOpen } from '../layout/hospital-layout.js';
import type { HospitalLayout } from '../layout/types.js';
import { colourEntities } from '../replay/colours.js';
import { aliveIndex } from '../replay/prepare.js';
import { SLOT_BROKEN, SLOT_BUSY, SLOT_CLOSED, SLOT_FREE, type Replay } from '../replay/types.js';

/** One ward as a bed manager reads it. */
export interface WardCensus {
  ward: string;
  label: string;
  beds: number;
  /** Patients holding one of its beds. */
  occupied: number;
  /** Patients waiting for one of its beds (boarders in the ED among them). */
  waiting: number;
}

/** Who a figure on the plan is, for the card shown when it is clicked. */
export interface SnapshotPatient {
  /** The hospital's own reference, or "patient k" (1-based, in the state's order). */
  id: string;
  className: string;
  step: string;
  waiting: boolean;
  /** Where it is drawn, in words: "Medical ward", "waiting for Medical ward in ED cubicle". */
  where: string;
  since: string;
  arrived: string;
  attributes: Record<string, string | number>;
}

export interface SnapshotScene {
  replay: Replay;
  wards: WardCensus[];
  /** By entity number of the replay. */
  patients: SnapshotPatient[];
  /** Staff groups on duty now: as the state says, else as the roster has it. */
  staff: { group: string; label: string; onDuty: number; busy: number; fromState: boolean }[];
  outOfOrder: { resource: string; label: string; units: number; until: string }[];
  /** Patients with no bed, room, device, staff or line to be drawn at (between steps). */
  elsewhere: number;
}

/** The minute of the week at time 0, and staff/out-of-order from the state, on a floor plan of its own. */
function layoutAt(scenario: Scenario, state: HospitalState): HospitalLayout {
  const layout = buildLayout({ ...scenario, start: state.asOf.slice(0, 16) });
  const minute = unitsMinute(layout);
  for (const [group, count] of Object.entries(state.staffOnDuty)) {
    const block = layout.blocks[layout.blockOf.get(group) ?? -1];
    if (!block?.profile) continue;
    const profile = block.profile.slice();
    profile[minute] = Math.min(count, block.units);
    block.profile = profile;
  }
  return layout;
}

function unitsMinute(layout: HospitalLayout): number {
  return ((layout.startMinuteOfWeek % 10080) + 10080) % 10080;
}

/**
 * Throws the state's problems against the scenario (StateError, by path), as
 * a forecast from it would: nothing is drawn from a state that cannot run.
 */
export function snapshotScene(scenario: Scenario, state: HospitalState): SnapshotScene {
  const { model, initialState } = forecastModel(scenario, state, 0);
  const layout = layoutAt(scenario, state);
  const blockOfResource = model.resources.map((r) => layout.blockOf.get(r.name) ?? -1);
  const n = initialState.patients.length;
  const slotState = new Uint8Array(layout.slotCount);
  const slotEntity = new Int32Array(layout.slotCount).fill(-1);
  const queued = new Int32Array(layout.blocks.length);
  const kfX = new Float32Array(n);
  const kfZ = new Float32Array(n);
  const kfLying = new Uint8Array(n);
  const klass = new Int32Array(n);
  const acuity = new Int32Array(n).fill(-1);
  const acuityAttribute = model.attributes.findIndex((a) => a.name.toLowerCase() === 'acuity');
  const held = model.resources.map(() => 0);
  const awaited = model.resources.map(() => 0);
  const name = (b: number): string => layout.blocks[b]!.label;
  const classLabel = new Map(scenario.patientClasses.map((c) => [c.id, c.name ?? plainId(c.id)]));

  // Units out of order first: they are not free for anyone (the state's check counts units, not which).
  for (const o of state.outOfOrder) {
    const b = layout.blockOf.get(o.resource);
    if (b === undefined) continue;
    const block = layout.blocks[b]!;
    // Broken among the units open now (a second scanner that opens later is closed, not broken).
    const open = unitsOpen(layout, block, 0);
    for (let k = 0, s = block.firstSlot + (open > 0 ? open : block.units) - 1; k < o.units && s >= block.firstSlot; k++, s--) slotState[s] = SLOT_BROKEN;
  }
  const take = (b: number, e: number): number => {
    const block = layout.blocks[b]!;
    for (let s = block.firstSlot; s < block.firstSlot + block.units; s++) {
      if (slotState[s] !== SLOT_FREE) continue;
      slotState[s] = SLOT_BUSY;
      slotEntity[s] = e;
      return s;
    }
    return -1;
  };

  const patients: SnapshotPatient[] = [];
  let elsewhere = 0;
  initialState.patients.forEach((p, e) => {
    const cls = model.classes[p.classIndex]!;
    const sp = state.patients[e]!;
    klass[e] = p.classIndex;
    if (acuityAttribute >= 0 && p.attributes) {
      const j = cls.attributes.findIndex((a) => a.attribute === acuityAttribute);
      if (j >= 0) acuity[e] = p.attributes[j] ?? -1;
    }
    // Where the patient is: at its step, or (in a split) in each running branch, each holding and awaiting its own.
    const branches = p.branches ?? [];
    const at =
      branches.length === 0
        ? [{ step: p.step, holding: p.holding, waiting: sp.waiting }]
        : [
            { step: -1, holding: p.holding, waiting: false },
            ...branches.map((b, k) => ({ step: b.step, holding: b.holding, waiting: k === 0 ? sp.waiting : (sp.alsoIn?.[k - 1]?.waiting ?? false) })),
          ];
    const holding = at.flatMap((x) => x.holding);
    for (const r of holding) held[r]!++;
    const places: number[] = [];
    const stations: number[] = [];
    for (const r of holding) {
      const b = blockOfResource[r]!;
      if (b < 0) continue;
      const s = take(b, e);
      if (s < 0) continue;
      (layout.blocks[b]!.station ? stations : places).push(s);
    }
    // Each waiting place stands in the line of what it waits for (a place before a staff station); the figure in the first.
    const steps = model.pathways[cls.pathway]!.steps;
    const lines: number[] = [];
    for (const x of at) {
      const step = steps[x.step];
      if (!x.waiting || step === undefined) continue;
      const standing = stepVerb(step).standing;
      if (standing?.kind !== 'wait') continue;
      const wanted = standing.waitsFor(step).filter((r) => !holding.includes(r));
      const r = wanted.find((y) => !layout.blocks[blockOfResource[y]!]?.station) ?? wanted[0];
      if (r === undefined) continue;
      awaited[r]!++;
      if (blockOfResource[r]! >= 0) lines.push(blockOfResource[r]!);
    }
    const line = lines[0] ?? -1;
    // The ward bed comes first in `holding`: any other place held (a theatre, a cubicle) is where the patient is now.
    const place = places.at(-1);
    let where: string;
    if (place !== undefined) {
      const b = layout.slotBlock[place]!;
      kfX[e] = layout.slotX[place]!;
      kfZ[e] = layout.slotZ[place]!;
      kfLying[e] = layout.blocks[b]!.lying ? 1 : 0;
      where = line >= 0 ? `waiting for ${name(line)}, in ${name(b)}` : name(b);
    } else if (line >= 0) {
      const spot = queueSpot(layout.blocks[line]!, queued[line]!);
      kfX[e] = spot.x;
      kfZ[e] = spot.z;
      where = `waiting for ${name(line)}`;
    } else if (stations[0] !== undefined) {
      kfX[e] = layout.slotX[stations[0]]!;
      kfZ[e] = layout.slotZ[stations[0]]!;
      where = `with ${name(layout.slotBlock[stations[0]]!)}`;
    } else {
      kfX[e] = layout.entrance.x;
      kfZ[e] = layout.entrance.z;
      where = 'between steps (shown at the entrance)';
      elsewhere++;
    }
    for (const b of lines) queued[b]!++;
    patients.push({
      id: sp.id ?? `patient ${e + 1}`,
      className: classLabel.get(cls.name) ?? plainId(cls.name),
      step: sp.step,
      waiting: sp.waiting,
      where,
      since: sp.since,
      arrived: sp.arrived,
      attributes: sp.attributes ?? {},
    });
  });

  // Closed (off duty, out of session) units: the open ones come first, as in the replay.
  for (const block of layout.blocks) {
    const open = unitsOpen(layout, block, 0);
    for (let s = block.firstSlot + open; s < block.firstSlot + block.units; s++) if (slotState[s] === SLOT_FREE) slotState[s] = SLOT_CLOSED;
  }

  const appear = new Float64Array(n);
  const vanish = new Float64Array(n).fill(Infinity);
  const blocks = layout.blocks.length;
  const queueStart = new Int32Array(blocks + 1);
  const queueT: number[] = [];
  const queueN: number[] = [];
  for (let b = 0; b < blocks; b++) {
    if (queued[b]! > 0) {
      queueT.push(0);
      queueN.push(queued[b]!);
    }
    queueStart[b + 1] = queueT.length;
  }
  const acuityValues = acuityAttribute >= 0 ? model.attributes[acuityAttribute]!.values.map(String) : [];
  const replay: Replay = {
    layout,
    endTime: 0,
    entityCount: n,
    ...aliveIndex(appear, vanish, 0, 720),
    appear,
    vanish,
    kfStart: Int32Array.from({ length: n + 1 }, (_, e) => e),
    kfT: new Float64Array(n),
    kfX,
    kfZ,
    kfLying,
    cursor: new Int32Array(n),
    klass,
    classNames: model.classes.map((c) => c.name),
    acuity,
    acuityValues: acuity.some((a) => a >= 0) ? acuityValues : [],
    entityColour: new Float32Array(n * 3),
    // One entry per slot, from the beginning of time: the state is a moment.
    slotStart: Int32Array.from({ length: layout.slotCount + 1 }, (_, s) => s),
    slotT: new Float64Array(layout.slotCount).fill(-Infinity),
    slotState,
    slotEntity,
    slotCursor: new Int32Array(layout.slotCount),
    brokenStart: new Int32Array(blocks + 1),
    brokenT: new Float64Array(0),
    queues: { start: queueStart, t: Float64Array.from(queueT), n: Int32Array.from(queueN) },
  };
  colourEntities(replay, replay.acuityValues.length > 0 ? 'acuity' : 'class');

  const wards = scenario.wards.map((w) => {
    const r = model.resources.findIndex((x) => x.name === w.id);
    return { ward: w.id, label: w.name ?? plainId(w.id), beds: w.beds, occupied: held[r] ?? 0, waiting: awaited[r] ?? 0 };
  });
  const staff = scenario.staff.map((g) => {
    const b = layout.blockOf.get(g.id)!;
    const r = model.resources.findIndex((x) => x.name === g.id);
    return { group: g.id, label: name(b), onDuty: unitsOpen(layout, layout.blocks[b]!, 0), busy: held[r] ?? 0, fromState: g.id in state.staffOnDuty };
  });
  const outOfOrder = state.outOfOrder.map((o) => ({ resource: o.resource, label: name(layout.blockOf.get(o.resource)!), units: o.units, until: o.until }));
  return { replay, wards, patients, staff, outOfOrder, elsewhere };
}
