import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinScenario, parseScenario, parseState, StateError, type HospitalState } from '../../../scenarios/index.js';
import {
  createEntityFrame,
  fillEntityFrame,
  queueCountAt,
  slotHolderAt,
  slotStateAt,
  SLOT_BROKEN,
  SLOT_BUSY,
  SLOT_CLOSED,
  SLOT_FREE,
} from '../replay/index.js';
import { snapshotScene } from './snapshot-scene.js';

const hospital = parseScenario(builtinScenario('general-hospital')!.document, 'general-hospital');
const example = (name: string): string => readFileSync(new URL(`../../../examples/state/${name}`, import.meta.url), 'utf8');
/** A Monday with two patients (the example before the full hospital's), small enough to count its beds by hand. */
const monday = (): HospitalState => parseState(JSON.parse(readFileSync(new URL('./fixtures/two-patients-monday.json', import.meta.url), 'utf8')), 'monday');
const thursday = (): HospitalState =>
  parseState(JSON.parse(example('general-hospital-2026-02-19.json')), 'thursday', {
    text: example('general-hospital-2026-02-19-patients.csv'),
    file: 'general-hospital-2026-02-19-patients.csv',
  });

/** Slots of a resource in each state at the snapshot's moment. */
function slotCounts(scene: ReturnType<typeof snapshotScene>, resource: string): Record<number, number> {
  const { layout } = scene.replay;
  const block = layout.blocks[layout.blockOf.get(resource)!]!;
  const out: Record<number, number> = {};
  for (let s = block.firstSlot; s < block.firstSlot + block.units; s++) {
    const k = slotStateAt(scene.replay, s, 0);
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

/** Where each patient is drawn at the moment shown. */
function positions(scene: ReturnType<typeof snapshotScene>): Map<number, { x: number; z: number; lying: boolean }> {
  const frame = createEntityFrame(scene.replay.maxAlive);
  const n = fillEntityFrame(scene.replay, 0, frame);
  const out = new Map<number, { x: number; z: number; lying: boolean }>();
  for (let i = 0; i < n; i++) out.set(frame.ids[i]!, { x: frame.positions[2 * i]!, z: frame.positions[2 * i + 1]!, lying: frame.lying[i] === 1 });
  return out;
}

describe('a hospital state drawn as the replay draws a run', () => {
  it("puts the Monday example's two patients where the state has them: one in a medical bed, one boarding in an ED cubicle", () => {
    const scene = snapshotScene(hospital, monday());
    const { replay } = scene;
    const { layout } = replay;
    const medical = scene.wards.find((w) => w.ward === 'medicalWard')!;
    expect(medical).toEqual({ ward: 'medicalWard', label: 'Medical wards', beds: 148, occupied: 1, waiting: 1 });
    expect(scene.wards.filter((w) => w.ward !== 'medicalWard').every((w) => w.occupied === 0 && w.waiting === 0)).toBe(true);
    expect(slotCounts(scene, 'medicalWard')).toEqual({ [SLOT_BUSY]: 1, [SLOT_FREE]: 147 });
    expect(slotCounts(scene, 'edCubicle')).toEqual({ [SLOT_BUSY]: 1, [SLOT_FREE]: 15 });

    const at = positions(scene);
    expect(at.size).toBe(2);
    const bedOf = (resource: string, e: number): number => {
      const block = layout.blocks[layout.blockOf.get(resource)!]!;
      for (let s = block.firstSlot; s < block.firstSlot + block.units; s++) if (slotHolderAt(replay, s, 0) === e) return s;
      return -1;
    };
    const bed = bedOf('medicalWard', 0);
    const cubicle = bedOf('edCubicle', 1);
    expect(at.get(0)).toEqual({ x: layout.slotX[bed], z: layout.slotZ[bed], lying: true });
    expect(at.get(1)).toMatchObject({ x: layout.slotX[cubicle], z: layout.slotZ[cubicle] });
    // The boarder counts in the medical wards' line, as a run's replay counts it.
    expect(queueCountAt(replay.queues, layout.blockOf.get('medicalWard')!, 0)).toBe(1);
    expect(scene.patients.map((p) => [p.id, p.where])).toEqual([
      ['A1', 'Medical wards'],
      ['A3', 'waiting for Medical wards, in ED cubicle'],
    ]);
    // Acuity colours: the ambulance patient has acuity 2.
    expect(replay.acuityValues[replay.acuity[0]!]).toBe('2');
    expect(replay.acuity[1]).toBe(-1);
  });

  it('has, for every ward of a full hospital, as many beds taken and patients on them as the state has in that ward', () => {
    const state = thursday();
    const scene = snapshotScene(hospital, state);
    const at = positions(scene);
    expect(at.size).toBe(state.patients.length);
    const { layout } = scene.replay;
    for (const w of hospital.wards) {
      const inWard = state.patients.filter((p) => p.ward === w.id).length;
      expect(scene.wards.find((x) => x.ward === w.id)!.occupied, w.id).toBe(inWard);
      expect(slotCounts(scene, w.id)[SLOT_BUSY] ?? 0, w.id).toBe(inWard);
      // Each patient on a bed of this ward and in nothing else lies on that bed.
      const block = layout.blocks[layout.blockOf.get(w.id)!]!;
      for (let s = block.firstSlot; s < block.firstSlot + block.units; s++) {
        const e = slotHolderAt(scene.replay, s, 0);
        if (e < 0 || state.patients[e]!.holding.length > 0) continue;
        expect(at.get(e), `${w.id} slot ${s}`).toEqual({ x: layout.slotX[s], z: layout.slotZ[s], lying: true });
      }
    }
    expect(scene.elsewhere).toBe(scene.patients.filter((p) => p.where.startsWith('between steps')).length);
  });

  it('shows staff on duty as the state gives them and a device out of order as broken, with the rest of the roster as it is then', () => {
    const state: HospitalState = { ...monday(), staffOnDuty: { edDoctor: 1 }, outOfOrder: [{ resource: 'ct', units: 1, until: '2026-03-02T15:00' }] };
    const scene = snapshotScene(hospital, state);
    // 07:00 on a Monday: one doctor on duty by the state (the roster has two, from 22:00 to 08:00).
    expect(scene.staff.find((s) => s.group === 'edDoctor')).toMatchObject({ onDuty: 1, fromState: true });
    const doctors = slotCounts(scene, 'edDoctor');
    expect(doctors[SLOT_FREE]).toBe(1);
    expect(doctors[SLOT_CLOSED]).toBeGreaterThan(0);
    expect(scene.staff.find((s) => s.group === 'edNurse')).toMatchObject({ onDuty: 2, fromState: false });
    // The CT's one unit open at 07:00 is broken; its second, open weekdays 09:00-17:00, is closed.
    expect(slotCounts(scene, 'ct')).toEqual({ [SLOT_BROKEN]: 1, [SLOT_CLOSED]: 1 });
    expect(scene.outOfOrder).toEqual([{ resource: 'ct', label: 'CT', units: 1, until: '2026-03-02T15:00' }]);
    // Surgeons work weekdays from 08:00: at 07:00 all off duty.
    expect(slotCounts(scene, 'surgeon')).toEqual({ [SLOT_CLOSED]: 3 });
  });

  it('refuses a state that does not fit the scenario, by path, as a forecast would', () => {
    const state: HospitalState = { ...monday(), patients: [{ ...monday().patients[0]!, ward: 'nowhere' }] };
    expect(() => snapshotScene(hospital, state)).toThrow(StateError);
    expect(() => snapshotScene(hospital, state)).toThrow(/patients\[0\]\.ward.*unknown ward "nowhere"/);
  });

  it("draws what a split patient's other branches hold and wait for, not only its own step's", () => {
    // A clinic with an observation bed around a split: a blood test (the lab) and a CT scan (one scanner) at once.
    const clinic = parseScenario({
      name: 'split-clinic',
      start: '2026-01-05T00:00',
      horizonDays: 1,
      warmupDays: 0,
      seed: 2,
      wards: [{ id: 'obs', type: 'general', beds: 2, costPerBedDay: 100 }],
      resources: [
        { id: 'lab', department: 'diagnostics', units: 2, costPerHour: 60 },
        { id: 'ct', department: 'diagnostics', units: 1, costPerHour: 120 },
      ],
      patientClasses: [
        { id: 'outpatient', department: 'clinic', arrivals: { type: 'list', entries: [{ days: 'all', time: '08:00', count: 1 }] }, pathway: 'workup' },
      ],
      pathways: {
        workup: [
          { seize: ['obs'], id: 'bed' },
          {
            split: [
              [
                { seize: ['lab'], id: 'lab' },
                { hold: { type: 'constant', value: 10 }, activity: 'blood test' },
              ],
              [{ seize: ['ct'], id: 'ct' }, { hold: { type: 'constant', value: 30 }, activity: 'CT scan' }, { release: 'all' }],
            ],
          },
          { hold: { type: 'constant', value: 5 }, activity: 'review' },
          { release: 'all' },
        ],
      },
    });
    const inSplit = {
      class: 'outpatient',
      step: 'blood test',
      waiting: false,
      ward: 'obs',
      holding: ['lab'],
      since: '2026-01-06T08:00',
      arrived: '2026-01-06T08:00',
    };
    const state = parseState(
      {
        asOf: '2026-01-06T08:05',
        patients: [
          { ...inSplit, alsoIn: [{ step: 'CT scan', waiting: false, holding: ['ct'], since: '2026-01-06T08:00' }] },
          { ...inSplit, alsoIn: [{ step: 'ct', waiting: true, since: '2026-01-06T08:00' }] },
        ],
      },
      'state',
    );
    const scene = snapshotScene(clinic, state);
    const { layout } = scene.replay;
    // The first's scan is under way in its other branch: the scanner is busy with it; the second waits for it.
    expect(slotCounts(scene, 'ct')).toEqual({ [SLOT_BUSY]: 1 });
    expect(slotHolderAt(scene.replay, layout.blocks[layout.blockOf.get('ct')!]!.firstSlot, 0)).toBe(0);
    expect(queueCountAt(scene.replay.queues, layout.blockOf.get('ct')!, 0)).toBe(1);
    expect(slotCounts(scene, 'lab')).toEqual({ [SLOT_BUSY]: 2 });
    expect(slotCounts(scene, 'obs')).toEqual({ [SLOT_BUSY]: 2 });
    expect(scene.patients.map((p) => p.where)).toEqual(['CT', 'waiting for CT, in Lab']);
  });
});
