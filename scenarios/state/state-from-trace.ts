/**
 * A hospital state read from a run's event trace at minute `at`: every
 * patient in the hospital then, with class, attributes, the step it is at
 * (found by following its pathway with what the trace shows it did), the
 * resources it holds and since when. What `run --snapshot-at` writes, so a
 * realistic state can be made from any scenario.
 */
import { readTrace, type HospitalModel, type TraceData } from '../../sim-core/index.js';
import { locateInPathway } from './locate-in-pathway.js';
import { resolveStep } from './resolve-step.js';
import { formatLocal, type StateDocumentInput, type StatePatient } from './state-schema.js';

interface Seen {
  klass: string;
  arrived: number;
  attributes: Map<string, string>;
  held: string[];
  activities: string[];
  running: number;
  request: { resource: string; at: number } | null;
  waitingForStock: boolean;
}

export interface TraceState {
  state: StateDocumentInput & { patients: (StateDocumentInput['patients'] & object)[number][] };
  /** Patients left out, with why (waiting for stock, between steps, a step that cannot be named). */
  skipped: { patient: number; reason: string }[];
  /**
   * Patients whose step the trace leaves open (the same activity at several steps, reached
   * through a branch the trace does not record): the first is written, the others listed.
   * A forecast from such a state sends them all the first way; name activities apart to avoid it.
   */
  guessed: { patient: number; step: string; among: string[] }[];
}

/** `startLocal`: the run's time 0 as minutes since 1970 in local time (localMinutes of the scenario's start). */
export function stateFromTrace(model: HospitalModel, trace: TraceData, at: number, startLocal: number): TraceState {
  const open = new Map<number, Seen>();
  readTrace(
    trace,
    (e) => {
      if (e.patient < 0) return;
      const t = e.time;
      if (e.kind === 'arrived') {
        open.set(e.patient, {
          klass: e.klass,
          arrived: t,
          attributes: new Map(),
          held: [],
          activities: [],
          running: NaN,
          request: null,
          waitingForStock: false,
        });
        return;
      }
      const p = open.get(e.patient);
      if (!p) return;
      if (e.kind === 'attribute') p.attributes.set(e.name, e.value);
      else if (e.kind === 'requested') {
        p.request = { resource: e.resource, at: t };
        p.waitingForStock = false;
      } else if (e.kind === 'seized') {
        p.held.push(e.resource);
        p.request = null;
      } else if (e.kind === 'released') {
        const k = p.held.indexOf(e.resource);
        if (k >= 0) p.held.splice(k, 1);
      } else if (e.kind === 'started') {
        p.activities.push(e.activity);
        p.running = t;
        p.waitingForStock = false;
      } else if (e.kind === 'finished') p.running = NaN;
      else if (e.kind === 'stockOut') p.waitingForStock = true;
      else if (e.kind === 'left') open.delete(e.patient);
    },
    { until: at },
  );
  const patients: StatePatient[] = [];
  const skipped: TraceState['skipped'] = [];
  const guessed: TraceState['guessed'] = [];
  const when = (t: number): string => formatLocal(startLocal + Math.floor(t));
  for (const [serial, p] of open) {
    const c = model.classes.findIndex((x) => x.name === p.klass);
    const cls = model.classes[c];
    if (!cls) {
      skipped.push({ patient: serial, reason: `class ${p.klass} is not in the model` });
      continue;
    }
    const inStep = !Number.isNaN(p.running);
    const waitingFor = p.request ? model.resources.findIndex((r) => r.name === p.request!.resource) : -1;
    if (!inStep && (p.waitingForStock || waitingFor < 0)) {
      skipped.push({ patient: serial, reason: p.waitingForStock ? 'waiting for stock' : 'between steps' });
      continue;
    }
    const valueOf = (a: number): number => {
      const attribute = model.attributes[a]!;
      const v = p.attributes.get(attribute.name);
      return v === undefined ? -1 : attribute.values.findIndex((x) => String(x) === v);
    };
    const steps = model.pathways[cls.pathway]!.steps;
    const found = locateInPathway(steps, valueOf, p.activities, inStep ? { in: true } : { in: false, waitingFor });
    const label = found.length > 0 ? nameOf(model, c, found[0]!, !inStep) : null;
    if (!label) {
      skipped.push({ patient: serial, reason: `its step in pathway ${model.pathways[cls.pathway]!.name} cannot be named` });
      continue;
    }
    if (found.length > 1) {
      const names = found.map((i) => nameOf(model, c, i, !inStep)).map((l) => (l ? stepText(l) : '?'));
      guessed.push({ patient: serial, step: names[0]!, among: names });
    }
    const wards = p.held.filter((r) => model.resources.find((x) => x.name === r)?.kind === 'ward');
    const ward = wards[0];
    const holding = [...p.held];
    if (ward !== undefined) holding.splice(holding.indexOf(ward), 1);
    // Every attribute the patient was seen with: its class's own and those its list entry set (an elective's procedure).
    const attributes: Record<string, string | number> = {};
    for (const [name, v] of p.attributes) {
      const a = model.attributes.find((x) => x.name === name);
      attributes[name] = a?.values.find((y) => String(y) === v) ?? v;
    }
    const complete = cls.attributes.every((x) => model.attributes[x.attribute]!.name in attributes);
    patients.push({
      id: `P${serial}`,
      class: p.klass,
      ...(complete && Object.keys(attributes).length > 0 ? { attributes } : {}),
      step: label.step,
      ...(label.occurrence !== undefined ? { occurrence: label.occurrence } : {}),
      waiting: !inStep,
      ...(ward !== undefined ? { ward } : {}),
      holding,
      since: when(inStep ? p.running : p.request!.at),
      arrived: when(p.arrived),
    });
  }
  return { state: { asOf: when(at), patients }, skipped, guessed };
}

function stepText(l: { step: string; occurrence?: number }): string {
  return l.occurrence !== undefined ? `${l.step} (occurrence ${l.occurrence})` : l.step;
}

/** The name (and occurrence) by which resolveStep finds step `index` again. */
function nameOf(model: HospitalModel, c: number, index: number, waiting: boolean): { step: string; occurrence?: number } | null {
  const cls = model.classes[c]!;
  const steps = model.pathways[cls.pathway]!.steps;
  const s = steps[index]!;
  const names: string[] = [];
  if (s.op === 'hold') names.push(s.activity.replace(/^stay:/, ''));
  if (s.op === 'seize') {
    names.push(s.figure);
    const next = steps.slice(index + 1).find((x) => x.op === 'hold' || x.op === 'seize');
    if (next?.op === 'hold') names.push(next.activity.replace(/^stay:/, ''));
  }
  for (const step of names) {
    for (const occurrence of [undefined, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) {
      const probe = {
        class: cls.name,
        step,
        waiting,
        holding: [],
        since: '',
        arrived: '',
        ...(occurrence !== undefined ? { occurrence } : {}),
      } as StatePatient;
      if (resolveStep(model, cls, probe) === index) return occurrence !== undefined ? { step, occurrence } : { step };
    }
  }
  return null;
}
