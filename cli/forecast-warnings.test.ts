import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinScenario, localMinutes, parseScenario, parseState, type HospitalState } from '../scenarios/index.js';
import { runCli, tempDir } from '../test/run-cli.js';
import { stateWarnings } from './forecast-warnings.js';
import { loadStateFile } from './state-file.js';

const EXAMPLE = 'examples/state/general-hospital-2026-02-19.json';
const general = parseScenario(builtinScenario('general-hospital')!.document, 'general-hospital');

/** The example state with only the patients `keep` picks (their paths kept in step). */
function only(state: HospitalState, keep: (p: HospitalState['patients'][number], i: number) => boolean): HospitalState {
  const kept = state.patients.map((p, i) => ({ p, i })).filter(({ p, i }) => keep(p, i));
  return { ...state, patients: kept.map(({ p }) => p), patientPaths: kept.map(({ i }) => state.patientPaths[i]!) };
}

describe('forecast warns of a state that looks incomplete', () => {
  it('a full state: no warning', async () => {
    expect(stateWarnings(general, await loadStateFile(EXAMPLE))).toEqual([]);
  });

  it('two patients in the medical ward, none in the surgical: both wards named, with the usual census at that hour', async () => {
    const full = await loadStateFile(EXAMPLE);
    let medical = 0;
    const two = only(full, (p) => p.ward === 'medicalWard' && medical++ < 2);
    const warnings = stateWarnings(general, two);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(
      /^the state has 2 patient\(s\) in medicalWard, where general-hospital usually has \d+\.\d at 07:00 on a Thursday \(of 148 beds\)/,
    );
    expect(warnings[1]).toMatch(/^the state has 0 patient\(s\) in surgicalWard/);
    // A ward with few beds in use but a small usual census (ICU, step-down) is not named.
    expect(warnings.join(' ')).not.toMatch(/icu|stepDown/);
  });

  it('a patient in no ward, holding nothing and waiting for nothing', async () => {
    const full = await loadStateFile(EXAMPLE);
    const i = full.patients.findIndex((p) => p.ward !== undefined);
    const lost = { ...full, patients: full.patients.map((p, k) => (k === i ? { ...p, ward: undefined, holding: [], waiting: false } : p)) } as HospitalState;
    const warnings = stateWarnings(general, lost);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^1 patient\(s\) are in no ward, hold nothing and wait for nothing \(/);
    expect(warnings[0]).toContain(`${full.patientPaths[i]} "${full.patients[i]!.id}" at ${full.patients[i]!.step}): is their location missing?`);
  });

  it('the command says it on stderr and in the JSON, and still forecasts', async () => {
    const dir = await tempDir();
    const file = join(dir, 'two.json');
    const full = await loadStateFile(EXAMPLE);
    const two = full.patients.filter((p) => p.ward === 'medicalWard').slice(0, 2);
    await writeFile(file, JSON.stringify({ asOf: full.asOf, patients: two }));
    const r = await runCli(['forecast', 'general-hospital', '--state', file, '--hours', '2', '-r', '2', '-w', '1', '--json', '--start', '2026-02-19T09:30']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^Warning: the state has 2 patient\(s\) in medicalWard/m);
    expect(r.stderr).toMatch(/^Warning: the state is as of 2026-02-19T07:00, 2.5 hours before the forecast's start \(2026-02-19T09:30\)/m);
    const out = JSON.parse(r.stdout) as { warnings: string[]; forecast: unknown };
    expect(out.warnings[0]).toMatch(/^the state has 2 patient\(s\) in medicalWard/);
    expect(out.warnings.at(-1)).toMatch(/^the state is as of 2026-02-19T07:00, 2.5 hours before/);
    expect(out.forecast).toBeDefined();
    const quiet = await runCli(['forecast', 'general-hospital', '--state', EXAMPLE, '--hours', '2', '-r', '2', '-w', '1', '--json']);
    expect(quiet.stderr).not.toContain('Warning');
    expect((JSON.parse(quiet.stdout) as { warnings: string[] }).warnings).toEqual([]);
  });

  it('a state older than the forecast start by more than an hour is warned of; one within the hour, or later, is not', async () => {
    const full = await loadStateFile(EXAMPLE);
    const at = (t: string): string[] => stateWarnings(general, full, { start: localMinutes(t) });
    expect(at('2026-02-19T07:45')).toEqual([]);
    expect(at('2026-02-19T08:00')).toEqual([]);
    expect(at('2026-02-19T06:00')).toEqual([]);
    expect(at('2026-02-19T08:01')).toEqual([
      "the state is as of 2026-02-19T07:00, 61 minutes before the forecast's start (2026-02-19T08:01): the forecast begins at the state's moment, so its first hours are already past",
    ]);
    expect(at('2026-02-21T07:00')[0]).toMatch(/, 48 hours before the forecast's start/);
  });
});

/**
 * A ward filled on weekdays only: 84 admissions a weekday, none at the weekend,
 * each staying an exponential 8 hours (about 28 patients at noon midweek,
 * under one by Sunday noon). The usual census is by hour and weekday.
 */
describe('the usual census is by the hour and the weekday', () => {
  const weekdays = parseScenario(
    {
      name: 'weekday-unit',
      start: '2026-03-02T00:00',
      horizonDays: 28,
      warmupDays: 7,
      seed: 3,
      wards: [{ id: 'unit', type: 'general', beds: 60, costPerBedDay: 1 }],
      patientClasses: [
        { id: 'admission', department: 'medicine', arrivals: { type: 'weekly', perDay: 60, dayOfWeek: [1, 1, 1, 1, 1, 0, 0] }, pathway: 'stay' },
      ],
      pathways: { stay: [{ stay: 'unit', lengthOfStay: { type: 'exponential', mean: 480 } }] },
    },
    'weekday-unit',
  );
  const empty = (asOf: string): HospitalState => parseState({ asOf, patients: [] }, 'empty');

  it('an empty unit at noon on a Wednesday is far below its usual; at noon on a Sunday it is as usual', () => {
    // 2026-03-04 is a Wednesday, 2026-03-08 a Sunday.
    expect(stateWarnings(weekdays, empty('2026-03-04T12:00'))).toEqual([
      expect.stringMatching(/^the state has 0 patient\(s\) in unit, where weekday-unit usually has (2\d|3\d)\.\d at 12:00 on a Wednesday \(of 60 beds\)/),
    ]);
    expect(stateWarnings(weekdays, empty('2026-03-08T12:00'))).toEqual([]);
  });
});
