import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runHospital, TraceBuffer, type TraceData } from '../sim-core/index.js';
import {
  builtinScenario,
  compileScenario,
  forecastModel,
  localMinutes,
  parseScenario,
  parseScenarioText,
  parseState,
  stateFromTrace,
  type ScenarioInput,
} from '../scenarios/index.js';
import { runForecastReplication } from '../workers/index.js';
import { goldenHashesOfDocument, type GoldenHashes } from './golden/golden-hashes.js';
import { scenarioProblems as problemsOf } from '../scenarios/fixtures/scenario-problems.js';

/**
 * A medical ward that outlies to the surgical ward when full (and surgical
 * patients the other way), busy enough that outliers and waits are common.
 */
const base: ScenarioInput = {
  name: 'outlying',
  start: '2026-01-05T00:00',
  horizonDays: 120,
  warmupDays: 10,
  seed: 3,
  wards: [
    { id: 'medical', type: 'general', beds: 6, costPerBedDay: 400 },
    { id: 'surgical', type: 'general', beds: 4, costPerBedDay: 500 },
  ],
  patientClasses: [
    { id: 'medicalPatient', department: 'medicine', arrivals: { type: 'weekly', perDay: 2 }, pathway: 'medicine' },
    { id: 'surgicalPatient', department: 'surgery', arrivals: { type: 'weekly', perDay: 1.5 }, pathway: 'surgery' },
  ],
  pathways: {
    medicine: [{ stay: 'medical', outlyTo: ['surgical'], lengthOfStay: { type: 'lognormal', mean: 3 * 1440, sd: 2 * 1440 } }],
    surgery: [{ stay: 'surgical', outlyTo: ['medical'], lengthOfStay: { type: 'gamma', shape: 2, scale: 1000 } }],
  },
};

function withSteps(medicine: object[], surgery: object[] = base.pathways['surgery'] as object[]): ScenarioInput {
  return { ...base, pathways: { medicine, surgery } } as ScenarioInput;
}

function run(
  document: ScenarioInput,
  replication = 1,
): { figures: Record<string, number>; trace: TraceData; ledger: ReturnType<typeof runHospital>['ledger'] } {
  const trace = new TraceBuffer();
  const r = runHospital(compileScenario(parseScenario(document)), { seed: 3, replication, trace });
  return { figures: r.figures, trace: trace.toData(), ledger: r.ledger };
}

describe('outlying: which wards a stay may take a bed in, refused by path when wrong', () => {
  it('refuses a ward that does not exist, a resource that is not a ward, a ward named twice, and a factor with nowhere to outly', () => {
    const stay = { stay: 'medical', lengthOfStay: { type: 'constant', value: 60 } };
    expect(problemsOf(withSteps([{ ...stay, outlyTo: ['surgicl'] }]))).toEqual([
      { path: 'pathways.medicine[0].outlyTo[0]', message: 'refers to a ward "surgicl" that is not in wards' },
    ]);
    expect(problemsOf(withSteps([{ ...stay, outlyTo: ['surgical', 'medical'] }]))).toEqual([
      { path: 'pathways.medicine[0].outlyTo[1]', message: 'names the ward "medical" again: each ward may come once among stay and outlyTo' },
    ]);
    expect(problemsOf(withSteps([{ ...stay, outlyTo: ['surgical', 'surgical'] }]))).toEqual([
      { path: 'pathways.medicine[0].outlyTo[1]', message: 'names the ward "surgical" again: each ward may come once among stay and outlyTo' },
    ]);
    const withDesk = { ...withSteps([{ ...stay, outlyTo: ['desk'] }]), resources: [{ id: 'desk', department: 'office', units: 1 }] } as ScenarioInput;
    expect(problemsOf(withDesk)).toEqual([{ path: 'pathways.medicine[0].outlyTo[0]', message: 'must name a ward, but "desk" is a resource' }]);
    expect(problemsOf(withSteps([{ ...stay, outliedStayFactor: 1.2 }]))).toEqual([
      { path: 'pathways.medicine[0].outliedStayFactor', message: 'applies to outliers only: name the wards to outly to in outlyTo' },
    ]);
    expect(problemsOf(withSteps([{ ...stay, outlyTo: ['surgical'], outliedStayFactor: 0 }]))[0]?.path).toBe('pathways.medicine[0].outliedStayFactor');
  });
});

describe('outlying: a one-ward stay is what it always was', () => {
  it('a stay with an empty outlyTo gives the built-in bed-loss scenario its committed golden hashes', () => {
    const committed = JSON.parse(readFileSync(new URL('./golden/golden-hashes.json', import.meta.url), 'utf8')) as Record<string, GoldenHashes>;
    const doc = structuredClone(builtinScenario('textbook-bed-loss')!.document) as { pathways: Record<string, Record<string, unknown>[]> };
    doc.pathways['admit']![0]!['outlyTo'] = [];
    expect(goldenHashesOfDocument(doc, 'textbook-bed-loss')).toEqual(committed['textbook-bed-loss']);
  });
});

describe('outlying: the trace, the figures and the costs tell one story', () => {
  const model = compileScenario(parseScenario(base));
  const { figures, trace, ledger } = run(base);
  const warmup = 10 * 1440;
  const end = warmup + 120 * 1440;

  /** Bed-minutes per ward from the trace's seize and release rows, split by whether the ward was the one asked for first. */
  function bedMinutesFromTrace(): Map<string, { own: number; outlied: number }> {
    const name = (i: number, names: readonly string[], codes: Int32Array | Uint32Array): string => names[codes[i]!]!;
    const asked = new Map<number, string>();
    const since = new Map<string, { t: number; outlied: boolean }>();
    const out = new Map<string, { own: number; outlied: number }>([
      ['medical', { own: 0, outlied: 0 }],
      ['surgical', { own: 0, outlied: 0 }],
    ]);
    const add = (ward: string, from: number, to: number, outlied: boolean): void => {
      const m = Math.min(to, end) - Math.max(from, warmup);
      if (m > 0) out.get(ward)![outlied ? 'outlied' : 'own'] += m;
    };
    for (let i = 0; i < trace.length; i++) {
      const e = trace.entity[i]!;
      const what = name(i, trace.whatNames, trace.what);
      const where = name(i, trace.whereNames, trace.where);
      if (what === 'request') asked.set(e, where);
      else if (what === 'seize') since.set(`${e}/${where}`, { t: trace.time[i]!, outlied: asked.get(e) !== where });
      else if (what === 'release') {
        const s = since.get(`${e}/${where}`)!;
        since.delete(`${e}/${where}`);
        add(where, s.t, trace.time[i]!, s.outlied);
      }
    }
    for (const [key, s] of since) add(key.split('/')[1]!, s.t, end, s.outlied);
    return out;
  }

  it('outliers are common here, and the trace names the ward whose bed each patient took', () => {
    expect(figures['outlied.medicine.medical.share']).toBeGreaterThan(0.05);
    expect(figures['outlied.surgery.surgical.share']).toBeGreaterThan(0.05);
    expect(figures['wait.medicine.medical.pWait']).toBeGreaterThan(0.05);
    let outlierSeizes = 0;
    for (let i = 0; i < trace.length; i++) {
      if (trace.whatNames[trace.what[i]!] !== 'seize') continue;
      const ward = trace.whereNames[trace.where[i]!]!;
      // Every seize is of a ward the patient's pathway lists; the request row before it names its first choice.
      expect(['medical', 'surgical']).toContain(ward);
      let j = i - 1;
      while (trace.entity[j] !== trace.entity[i] || trace.whatNames[trace.what[j]!] !== 'request') j--;
      if (trace.whereNames[trace.where[j]!] !== ward) outlierSeizes++;
    }
    expect(outlierSeizes).toBeGreaterThan(20);
  });

  it("outlied bed-days by host ward, by home ward and by step are the trace's, and own plus outlied make each ward's occupied bed-days", () => {
    const fromTrace = bedMinutesFromTrace();
    const days = 120;
    for (const [ward, other] of [
      ['medical', 'surgical'],
      ['surgical', 'medical'],
    ] as const) {
      const m = fromTrace.get(ward)!;
      expect(figures[`beds.${ward}.outliedBedDays`]).toBeCloseTo(m.outlied / 1440, 6);
      // Home view: this ward's patients' bed-days in the other ward.
      expect(figures[`beds.${ward}.outliedAwayBedDays`]).toBeCloseTo(fromTrace.get(other)!.outlied / 1440, 6);
      expect((m.own + m.outlied) / 1440).toBeCloseTo(figures[`beds.${ward}.meanOccupied`]! * days, 6);
    }
    expect(figures['outlied.medicine.medical.bedDays']).toBeCloseTo(figures['beds.medical.outliedAwayBedDays']!, 9);
    expect(figures['outlied.surgery.surgical.bedDays']).toBeCloseTo(figures['beds.surgical.outliedAwayBedDays']!, 9);
    // Bed costs follow the bed actually used: a pathway pays its own ward's price for its own bed-days, the host's for its outliers'.
    const perBusyDay = (ward: string): number =>
      ledger.resourceNames.indexOf(ward) >= 0 ? 24 * model.resources.find((r) => r.name === ward)!.costPerBusyHour : NaN;
    const medicine = ledger.pathwayNames.indexOf('medicine');
    expect(ledger.byPathway[medicine]).toBeCloseTo(
      (perBusyDay('medical') * fromTrace.get('medical')!.own + perBusyDay('surgical') * fromTrace.get('surgical')!.outlied) / 1440,
      6,
    );
    expect(perBusyDay('surgical')).toBeCloseTo(500, 9);
  });

  it('an outlier stays outliedStayFactor times longer, and only an outlier', () => {
    const factor = 1.5;
    const pathways = (f?: number) => ({
      ...base,
      pathways: {
        medicine: [{ stay: 'medical', outlyTo: ['surgical'], ...(f ? { outliedStayFactor: f } : {}), lengthOfStay: { type: 'constant', value: 2880 } }],
        surgery: [{ stay: 'surgical', lengthOfStay: { type: 'constant', value: 2000 } }],
      },
    });
    const { trace: t } = run(pathways(factor) as ScenarioInput);
    const seized = new Map<number, { ward: string; t: number }>();
    const lengths = { medical: new Set<number>(), surgical: new Set<number>() };
    for (let i = 0; i < t.length; i++) {
      const what = t.whatNames[t.what[i]!];
      const ward = t.whereNames[t.where[i]!]! as 'medical' | 'surgical';
      const e = t.entity[i]!;
      if (what === 'seize') seized.set(e, { ward, t: t.time[i]! });
      if (what === 'release' && seized.get(e)?.ward === ward) {
        const length = Math.round(t.time[i]! - seized.get(e)!.t);
        // Surgical patients (2000 minutes) never outly; medical ones in the surgical ward stay 1.5 x 2880.
        if (length !== 2000) lengths[ward].add(length);
      }
    }
    expect([...lengths.medical]).toEqual([2880]);
    expect([...lengths.surgical]).toEqual([2880 * factor]);
  });
});

describe('outlying: a patient placed in a stay before time 0 keeps the stay it had', () => {
  it("an outlier's time left is factor x (time left of the drawn stay at elapsed / factor); a patient in its own ward's is as drawn", () => {
    const document = {
      ...base,
      warmupDays: 0,
      horizonDays: 10,
      patientClasses: base.patientClasses.map((c) => ({ ...c, arrivals: { type: 'weekly', perDay: 0.01 } })),
      pathways: {
        medicine: [{ stay: 'medical', outlyTo: ['surgical'], outliedStayFactor: 2, lengthOfStay: { type: 'constant', value: 2880 } }],
        surgery: [{ stay: 'surgical', lengthOfStay: { type: 'constant', value: 2000 } }],
      },
    } as ScenarioInput;
    const model = compileScenario(parseScenario(document));
    const hold = model.pathways[model.classes[0]!.pathway]!.steps.findIndex((s) => s.op === 'hold');
    const [medical, surgical] = [model.resources.findIndex((r) => r.name === 'medical'), model.resources.findIndex((r) => r.name === 'surgical')];
    const placed = (ward: number) => ({ classIndex: 0, step: hold, holding: [ward], since: -1000, arrivedAt: -1000 });
    const trace = new TraceBuffer();
    runHospital(model, { seed: 3, replication: 1, trace, initialState: { patients: [placed(medical), placed(surgical)] } });
    const data = trace.toData();
    const released = [0, 1].map((e) => {
      for (let i = 0; i < data.length; i++)
        if (data.entity[i] === e && data.whatNames[data.what[i]!] === 'release') return [data.whereNames[data.where[i]!], data.time[i]];
      return null;
    });
    // Own ward: 2880 - 1000 left. Outlier: a stay of 2 x 2880, 1000 of it spent: 2 x (2880 - 1000 / 2) left.
    expect(released).toEqual([
      ['medical', 1880],
      ['surgical', 2 * (2880 - 500)],
    ]);
  });
});

describe('outlying: a snapshot of today places a patient in whichever listed ward it is in', () => {
  const at = 40 * 1440 + 8 * 60;
  const document = { ...base, warmupDays: 0, horizonDays: at / 1440 } as ScenarioInput;
  const scenario = parseScenario(document);
  const model = compileScenario(scenario);
  const trace = new TraceBuffer();
  runHospital(model, { seed: 3, replication: 1, trace });
  const taken = stateFromTrace(model, trace.toData(), at, localMinutes(scenario.start));

  it('the state names the stay by its own ward and the bed by the ward it is in', () => {
    const outliers = taken.state.patients.filter((p) => p.class === 'medicalPatient' && p.ward === 'surgical');
    expect(outliers.length).toBeGreaterThan(0);
    for (const p of outliers) expect(p.step).toBe('medical');
    expect(taken.skipped).toEqual([]);
  });

  it('round trip: run -> state -> forecast at horizon 0 gives back each ward census exactly, and beds come back to the right ward', () => {
    const state = parseState(taken.state, 'taken');
    const now = forecastModel(scenario, state, 0);
    const r = runForecastReplication(now, 0, 3, 1).forecast;
    now.model.resources.forEach((w, k) => expect(r.census[k], w.name).toEqual([state.patients.filter((p) => p.ward === w.name).length]));
    // Three days on, every stay placed has ended: each outlier's release freed a surgical bed, never a medical one.
    const later = forecastModel(scenario, state, 72);
    const t = new TraceBuffer();
    runHospital(later.model, { seed: 3, replication: 1, trace: t, initialState: later.initialState });
    const data = t.toData();
    const held = new Map<string, number>();
    for (let i = 0; i < data.length; i++) {
      const what = data.whatNames[data.what[i]!];
      const ward = data.whereNames[data.where[i]!]!;
      const d = what === 'seize' ? 1 : what === 'release' ? -1 : 0;
      held.set(ward, (held.get(ward) ?? 0) + d);
      expect(held.get(ward)!, `${ward} at row ${i}`).toBeGreaterThanOrEqual(0);
      expect(held.get(ward)!, `${ward} at row ${i}`).toBeLessThanOrEqual(ward === 'medical' ? 6 : 4);
    }
  });
});

describe('outlying: the bed-pooling example (examples/bed-pooling)', () => {
  const read = (name: string) => parseScenarioText(readFileSync(new URL(`../examples/bed-pooling/${name}`, import.meta.url), 'utf8'), name);

  it('loads both files, which differ only in outlyTo, and pooling is what brings outliers', () => {
    const separate = read('stroke-units-separate.yaml');
    const pooled = read('stroke-units-pooled.yaml');
    const strip = (x: unknown): string => JSON.stringify(x, (k, v: unknown) => (k === 'outlyTo' ? undefined : v));
    expect(strip(pooled.pathways)).toBe(strip(separate.pathways));
    expect(pooled.wards).toEqual(separate.wards);
    const short = (s: typeof separate) => runHospital(compileScenario({ ...s, horizonDays: 365, warmupDays: 30 }), { seed: 1, replication: 1 }).figures;
    const a = short(separate);
    const b = short(pooled);
    expect(a['outlied.asu.share']).toBeUndefined();
    expect(b['outlied.asu.share']).toBeGreaterThan(0.05);
    expect(b['outlied.rehab.share']).toBeGreaterThan(0.05);
    expect(b['wait.asu.pWait']).toBeLessThan(a['wait.asu.pWait']!);
  });
});
