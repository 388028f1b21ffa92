import { describe, expect, it } from 'vitest';
import { admissionsByHour } from '../examples/library/admissions-by-hour.js';
import { compileScenario, parseScenario, builtinScenario } from '../scenarios/index.js';
import { readTrace, TraceBuffer } from '../sim-core/index.js';

describe("the README's library example: an observer of your own", () => {
  it('counts every admission to the medical ward after the warm-up, by hour, as the trace shows them', { timeout: 120_000 }, () => {
    const trace = new TraceBuffer();
    const result = admissionsByHour('medicalWard', 7, { trace });
    const warmup = compileScenario(parseScenario(builtinScenario('general-hospital')!.document)).warmup;
    let fromTrace = 0;
    readTrace(trace.toData(), (e) => {
      if (e.kind === 'seized' && e.resource === 'medicalWard' && e.time >= warmup) fromTrace++;
    });
    const byHour = Array.from({ length: 24 }, (_, h) => result.figures[`mine.admissions.medicalWard.${h}`]);
    expect(byHour.every((n) => Number.isInteger(n))).toBe(true);
    expect(byHour.reduce((a, b) => a! + b!, 0)).toBe(fromTrace);
    expect(fromTrace).toBeGreaterThan(1000);
    // The built-in figures are there beside the observer's own.
    expect(result.figures['ed.within4h']).toBeGreaterThan(0);
  });
});
