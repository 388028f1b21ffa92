/** One hospital in 3D: the floor plan, its beds/rooms/devices, and the patients of a run's replay. */
import { Canvas, useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import type { Mesh } from 'three';
import type { EntityFrame, Replay } from '../replay/index.js';
import { FIGURE_HEIGHT } from '../replay/index.js';
import { clock as playbackClock, SPEEDS, usePlayback } from '../store/playback.js';
import { useView, type SceneSide, type Selection } from '../store/view.js';
import { CameraRig } from './CameraRig.js';
import { FloorPlan } from './FloorPlan.js';
import type { PlanLabel } from './label-sprite.js';
import { PatientMeshes } from './PatientMeshes.js';
import { planItems } from './plan-label-items.js';
import { PlanLabelLayer, PlanLabelPlacer, type LabelElements } from './PlanLabels.js';
import { SlotMeshes } from './SlotMeshes.js';

function SelectionRing({ replay, side, frameRef }: { replay: Replay; side: SceneSide; frameRef: { current: EntityFrame | null } }) {
  const ring = useRef<Mesh>(null);
  useFrame(() => {
    const m = ring.current;
    if (!m) return;
    const sel: Selection | null = useView.getState().selection;
    m.visible = false;
    if (!sel || sel.side !== side) return;
    if (sel.kind === 'slot') {
      m.position.set(replay.layout.slotX[sel.id]!, 0.05, replay.layout.slotZ[sel.id]!);
      m.scale.setScalar(2.2);
      m.visible = true;
      return;
    }
    const f = frameRef.current;
    if (!f) return;
    for (let i = 0; i < f.count; i++) {
      if (f.ids[i] !== sel.id) continue;
      const lying = f.lying[i] === 1;
      m.position.set(f.positions[i * 2]!, lying ? 0.7 : 0.05, f.positions[i * 2 + 1]! + (lying ? FIGURE_HEIGHT / 2 : 0));
      m.scale.setScalar(lying ? 1.4 : 1);
      m.visible = true;
      return;
    }
  });
  return (
    <mesh ref={ring} rotation={[-Math.PI / 2, 0, 0]} visible={false} renderOrder={5}>
      <ringGeometry args={[0.42, 0.62, 32]} />
      <meshBasicMaterial color="#ff2d95" depthTest={false} transparent />
    </mesh>
  );
}

/**
 * Paused, the scene is drawn only when something on it changes: the time (a
 * seek), the selection, the colouring, the camera. Playing, every frame.
 */
function FrameRequests({ hidden }: { hidden: boolean }) {
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    if (hidden) return;
    invalidate();
    const offPlayback = usePlayback.subscribe(() => invalidate());
    const offView = useView.subscribe(() => invalidate());
    return () => {
      offPlayback();
      offView();
    };
  }, [invalidate, hidden]);
  return null;
}

/** Simulated minutes per second from which a replay is drawn at a lower resolution while it plays. */
const FAST = 1440;
/** Share of the pixels' width and height drawn then. */
const FAST_RESOLUTION = 0.6;

/**
 * At a day a second or faster, patients jump from frame to frame anyway: the
 * scene is drawn at 0.6 of its resolution while it plays (a third of the
 * pixels, which is what software rendering spends its time on), and sharp
 * again once paused. The words on the plan are HTML and stay sharp.
 */
function FastPlayResolution() {
  const setDpr = useThree((s) => s.setDpr);
  const full = useThree((s) => s.viewport.initialDpr);
  const fast = usePlayback((s) => s.playing && SPEEDS[s.speed]!.minutesPerSecond >= FAST);
  useEffect(() => setDpr(fast ? full * FAST_RESOLUTION : full), [fast, full, setDpr]);
  return null;
}

/**
 * `clock`: the time shown, the playback's unless given (a snapshot is one
 * moment); `labels`: words to draw over the wards (a snapshot's census),
 * instead of the replay's count of busy beds;
 * `hidden`: kept for coming back to (another view is on screen), drawing nothing.
 */
export function HospitalScene({
  replay,
  side,
  label,
  clock,
  labels,
  hidden = false,
}: {
  replay: Replay;
  side: SceneSide;
  label: string;
  clock?: { time: number };
  labels?: readonly PlanLabel[];
  hidden?: boolean;
}) {
  const frameRef = useRef<EntityFrame | null>(null);
  const playing = usePlayback((s) => s.playing);
  const items = useMemo(() => planItems(replay, labels), [replay, labels]);
  const elements = useMemo<LabelElements>(() => ({ current: [] }), []);
  const select = (kind: Selection['kind'], id: number): void => useView.setState({ selection: { side, kind, id } });
  return (
    <>
      <Canvas
        flat
        dpr={[1, 2]}
        frameloop={hidden ? 'never' : playing ? 'always' : 'demand'}
        camera={{ fov: 30, position: [0, 60, 60] }}
        onPointerMissed={() => useView.setState({ selection: null })}
        data-testid={`scene-${side}`}
        aria-label={label}
        role="img"
      >
        <FrameRequests hidden={hidden} />
        {!clock && <FastPlayResolution />}
        <color attach="background" args={['#e4e8ec']} />
        <ambientLight intensity={1.9} />
        <directionalLight position={[30, 80, 50]} intensity={1.6} />
        <CameraRig bounds={replay.layout.bounds} />
        <FloorPlan layout={replay.layout} />
        <SlotMeshes replay={replay} onPick={(slot) => select('slot', slot)} {...(clock ? { clock } : {})} />
        <PatientMeshes replay={replay} frameRef={frameRef} onPick={(e) => select('patient', e)} {...(clock ? { clock } : {})} />
        <SelectionRing replay={replay} side={side} frameRef={frameRef} />
        <PlanLabelPlacer items={items} elements={elements} clock={clock ?? playbackClock} />
      </Canvas>
      <PlanLabelLayer items={items} elements={elements} />
    </>
  );
}
