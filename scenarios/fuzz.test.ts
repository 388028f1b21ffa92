import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runHospital } from '../sim-core/index.js';
import { compileScenario, parseScenario, parseScenarioText, ScenarioError } from './index.js';
import { smallHospital } from './fixtures/small-hospital.js';
import { allPaths, type Json, type Path } from '../test/fuzz/json-mutations.js';

function get(doc: Json, path: Path): Json | undefined {
  let here: Json | undefined = doc;
  for (const key of path) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<string | number, Json>)[key];
  }
  return here;
}

/** Values a careless edit or a broken export might leave behind. */
const REPLACEMENTS: Json[] = [
  -1,
  0,
  0.5,
  1,
  2,
  3,
  7,
  24,
  59.5,
  1e9,
  -1e9,
  '',
  'x',
  'ward',
  'icu',
  'doctor',
  'ct',
  'kit',
  'home',
  'acuity',
  'all',
  '08:00',
  '24:00',
  '25:00',
  '2026-02-30T00:00',
  null,
  true,
  false,
  [],
  {},
  [1],
  ['ward'],
  { type: 'constant', value: 1 },
  { type: 'exponential', mean: 0 },
  { goto: 'home' },
];

type Mutation = { path: number; kind: 'set' | 'scale' | 'delete' | 'duplicate'; value: number };

/** Plausible edits of a number (more beds, half the staff), which mostly stay valid. */
const FACTORS = [0, 0.5, 2, 3, 10, -1, 1.5];

function applyMutation(doc: Json, paths: Path[], m: Mutation): void {
  const path = paths[m.path % paths.length]!;
  if (path.length === 0) return;
  const parent = get(doc, path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (parent === null || typeof parent !== 'object' || parent === undefined) return;
  if (Array.isArray(parent) && typeof key === 'number') {
    if (m.kind === 'delete') parent.splice(key, 1);
    else if (m.kind === 'duplicate') parent.splice(key, 0, structuredClone(parent[key]!));
    else if (m.kind === 'scale') parent[key] = scaled(parent[key]!, m.value);
    else parent[key] = structuredClone(REPLACEMENTS[m.value % REPLACEMENTS.length]!);
  } else {
    const obj = parent as Record<string, Json>;
    if (m.kind === 'delete') delete obj[key];
    else if (m.kind === 'duplicate') obj[`${key}Copy`] = structuredClone(obj[key]!);
    else if (m.kind === 'scale') obj[key] = scaled(obj[key]!, m.value);
    else obj[key] = structuredClone(REPLACEMENTS[m.value % REPLACEMENTS.length]!);
  }
}

function scaled(value: Json, which: number): Json {
  return typeof value === 'number' ? value * FACTORS[which % FACTORS.length]! : value;
}

/** Every value the user wrote is in the validated scenario, unchanged: nothing coerced or dropped. */
function expectKeptAsWritten(input: Json, output: unknown, path: Path = []): void {
  if (input !== null && typeof input === 'object') {
    for (const [k, v] of Object.entries(input)) expectKeptAsWritten(v, (output as Record<string, unknown>)[k], [...path, k]);
  } else {
    expect(output, `value at ${path.join('.')}`).toBe(input);
  }
}

const base = smallHospital as unknown as Json;
const basePaths = allPaths(base);

describe('the loader and runner under thousands of mutated scenarios', () => {
  it('each mutated scenario is either refused with located errors, or runs with exactly the values written', () => {
    let refused = 0;
    let ran = 0;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            path: fc.nat(),
            kind: fc.constantFrom<Mutation['kind']>('set', 'set', 'scale', 'scale', 'scale', 'delete', 'duplicate'),
            value: fc.nat(),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        (mutations) => {
          const doc = structuredClone(base);
          for (const m of mutations) applyMutation(doc, basePaths, m);
          let scenario;
          try {
            scenario = parseScenario(doc, 'mutant');
          } catch (e) {
            expect(e).toBeInstanceOf(ScenarioError);
            const issues = (e as ScenarioError).issues;
            expect(issues.length).toBeGreaterThan(0);
            for (const issue of issues) {
              expect(issue.message.length).toBeGreaterThan(5);
              expect(issue.message).not.toMatch(/Invalid input|undefined|\[object Object\]/);
            }
            refused++;
            return;
          }
          expectKeptAsWritten(doc, scenario);
          const result = runHospital(compileScenario(scenario), { seed: 1, replication: 1 });
          for (const [id, v] of Object.entries(result.figures)) expect(typeof v, id).toBe('number');
          ran++;
        },
      ),
      { numRuns: 2000, seed: 20261123 },
    );
    // Both outcomes must actually occur, or the test shows nothing.
    expect(refused).toBeGreaterThan(200);
    expect(ran).toBeGreaterThan(200);
  });
});

/** Values of a hostile file: inherited names, extremes of floating point, long and odd text. */
const HOSTILE: unknown[] = [
  '__proto__',
  'toString',
  'constructor',
  'valueOf',
  'hasOwnProperty',
  1e300,
  -1e300,
  5e-324,
  1e-300,
  -0,
  Infinity,
  -Infinity,
  Number.NaN,
  'x'.repeat(5000),
  '=cmd|calc',
  '2026-13-45T99:99',
  '2026-02-30T08:00',
  { type: 'lognormal', mean: 1, sd: 1e200 },
  { type: 'poisson', mean: 1e300 },
  { type: 'erlang', k: 1e9, mean: 1 },
  { type: 'empirical', values: [1, 2], weights: [0, 0] },
  { type: 'exponential', mean: 1e-300 },
  { type: 'constant', value: 5e-324 },
  [[[[[[[[[[1]]]]]]]]]],
  { goto: 'toString' },
  { hold: { type: 'constant', value: 0 }, activity: 'x' },
];

/** Text-level damage: what a broken editor, a truncated copy or a second paste leaves. */
function damageText(text: string, kind: number, at: number): string {
  const i = at % Math.max(1, text.length);
  switch (kind % 6) {
    case 0:
      return text.slice(0, i); // cut short
    case 1:
      return text.slice(0, i) + text.slice(i + 1); // a character lost
    case 2:
      return `${text.slice(0, i)}"${text.slice(i)}`; // a stray quote
    case 3:
      return `\uFEFF${text}`; // a byte-order mark
    case 4:
      return `${text}\n---\nname: second\n`; // a second document
    default: {
      const lines = text.split('\n');
      const k = at % lines.length;
      return [...lines.slice(0, k + 1), lines[k]!, ...lines.slice(k + 1)].join('\n'); // a line pasted twice
    }
  }
}

/** The run the fuzz makes of an accepted scenario: one replication of at most a day, so thousands fit in seconds. */
function shortRun(scenario: ReturnType<typeof parseScenario>): Record<string, number> {
  const short = { ...scenario, warmupDays: 0, horizonDays: Math.min(1, scenario.horizonDays) };
  return runHospital(compileScenario(short), { seed: 1, replication: 1 }).figures;
}

/** Exit 0 with figures, or exit 2 with every problem located: the two outcomes the CLI may have. */
function outcome(load: () => ReturnType<typeof parseScenario>): 'ran' | 'refused' {
  let scenario;
  try {
    scenario = load();
  } catch (e) {
    // Anything but a ScenarioError (a TypeError, a RangeError from a stack overflow) is exit 1: a failure of ours.
    if (!(e instanceof ScenarioError)) throw new Error(`not a refusal: ${e instanceof Error ? `${e.name}: ${e.message.slice(0, 200)}` : String(e)}`);
    expect(e.issues.length).toBeGreaterThan(0);
    for (const issue of e.issues) {
      expect(issue.message.length).toBeGreaterThan(5);
      // Located: a path, or for a whole-file problem a line or a limit named in the message.
      if (issue.path === '') expect(issue.message).toMatch(/line \d+|nested|larger than|YAML|JSON|documents|^must be/);
      expect(issue.message.length).toBeLessThan(2000);
    }
    return 'refused';
  }
  const figures = shortRun(scenario);
  for (const [id, v] of Object.entries(figures)) expect(typeof v, id).toBe('number');
  return 'ran';
}

describe('hostile scenarios, seeded (issue 16: exit 0 with figures or exit 2 located, never a crash or a hang)', () => {
  const small = { ...(structuredClone(smallHospital) as unknown as Record<string, Json>), horizonDays: 2 } as Json;
  const smallPaths = allPaths(small);

  it('5,000 documents and texts mutated with hostile values and damage: each runs (figures) or is refused (located), within a bound', () => {
    const counts = { ran: 0, refused: 0 };
    let slowest = 0;
    fc.assert(
      fc.property(
        fc.record({
          edits: fc.array(fc.record({ path: fc.nat(), value: fc.nat(), hostile: fc.boolean() }), { minLength: 1, maxLength: 3 }),
          text: fc.option(fc.record({ format: fc.constantFrom<'json' | 'yaml'>('json', 'yaml'), kind: fc.nat(), at: fc.nat() }), { nil: undefined, freq: 3 }),
        }),
        ({ edits, text }) => {
          const doc = structuredClone(small);
          for (const e of edits) {
            const path = smallPaths[e.path % smallPaths.length]!;
            const parent = get(doc, path.slice(0, -1));
            const key = path[path.length - 1];
            if (key === undefined || parent === null || typeof parent !== 'object') continue;
            const value = e.hostile ? HOSTILE[e.value % HOSTILE.length] : REPLACEMENTS[e.value % REPLACEMENTS.length];
            (parent as Record<string | number, unknown>)[key] = structuredClone(value);
          }
          const started = performance.now();
          const result = text
            ? outcome(() => {
                const written = text.format === 'json' ? JSON.stringify(doc) : yamlText(doc);
                return parseScenarioText(damageText(written, text.kind, text.at), 'mutant', text.format);
              })
            : outcome(() => parseScenario(doc, 'mutant'));
          slowest = Math.max(slowest, performance.now() - started);
          counts[result]++;
        },
      ),
      { numRuns: 5000, seed: 20261130 },
    );
    // Hostile values are meant to be refused; both outcomes must still occur (seed 20261130: 84 ran, the rest refused).
    expect(counts.ran).toBeGreaterThan(50);
    expect(counts.refused).toBeGreaterThan(2000);
    // A bound, not a speed target: a hang (an endless sampler, a loop that cannot move the clock) would blow it.
    expect(slowest).toBeLessThan(10_000);
  }, 180_000);
});

/** YAML of a document (JSON is YAML; flow style keeps it one line per value). */
function yamlText(doc: Json): string {
  return JSON.stringify(doc, null, 1);
}
