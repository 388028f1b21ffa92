/**
 * `optimise` with `theatreSchedule.scenario`: the week of the user's own
 * scenario is scheduled (the written scenario keeps what the user changed),
 * its own week is shown as "current", and a scenario that is missing, not
 * valid, or lacks what the schedule writes into is refused by its paths
 * before anything runs, writing nothing.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { parseScenarioText } from '../scenarios/index.js';
import { allSmallSchedules, applySchedule, SMALL_BINDING, SMALL_PROBLEM, smallBase } from '../workers/node.js';
import { optimiseInProcess } from '../test/optimise-in-process.js';

const optimise = optimiseInProcess;

const spec = (scenario: string) =>
  `name: mine\ntheatreSchedule:\n  hospital: small-instance\n  scenario: ${scenario}\n  horizonDays: 14\nseed: 3\nsamples: 50\nperRound: 2\nrounds: 1\nreplications: { firstStage: 3, budget: 12 }\n`;

describe('hospital-twin optimise on the user’s own scenario (theatreSchedule.scenario)', () => {
  let dir: string;
  // The user's hospital: the small instance's, with 45 ward beds at 350 a bed-day, running the 7th of its 30 weeks today.
  const own = allSmallSchedules()[6]!;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'theatre-own-'));
    const mine = applySchedule(smallBase(2), SMALL_PROBLEM, SMALL_BINDING, own);
    mine.name = 'my-hospital';
    mine.wards![0] = { ...mine.wards![0]!, beds: 45, costPerBedDay: 350 };
    // Urgent ward admissions replayed from a CSV of dated arrivals beside the scenario (docs/dated-arrivals.md).
    mine.patientClasses.push({ id: 'urgentAdmission', department: 'surgery', arrivals: { type: 'dated', file: 'urgent.csv' }, pathway: 'urgentStay' });
    mine.pathways['urgentStay'] = [{ seize: ['ward'] }, { hold: { type: 'constant', value: 1440 }, activity: 'stay:ward' }, { release: 'all' }];
    await writeFile(join(dir, 'urgent.csv'), 'at\n2026-01-06T10:00\n2026-01-13T14:30\n');
    await writeFile(join(dir, 'my-hospital.yaml'), stringify(mine));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("schedules the named scenario's week (relative to the file) and shows its own week as current", async () => {
    await writeFile(join(dir, 'mine.yaml'), spec('my-hospital.yaml'));
    const out = join(dir, 'out');
    const r = await optimise(join(dir, 'mine.yaml'), '--out', out, '--workers', '1');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`The week scheduled is that of ${join(dir, 'my-hospital.yaml')} (today it runs its own week, shown as "current")`);
    expect(r.stdout).toMatch(/Figure +Chosen +The scenario's own week\n/);
    const written = parseScenarioText(await readFile(join(out, 'theatre-schedule-scenario.yaml'), 'utf8'), 'written');
    expect(written.name).toBe('my-hospital-mine');
    expect(written.wards[0]).toMatchObject({ id: 'ward', beds: 45, costPerBedDay: 350 });
    // The dated admissions were read from the CSV, and the written scenario carries them inline (it runs from anywhere).
    expect(written.patientClasses.find((c) => c.id === 'urgentAdmission')!.arrivals).toMatchObject({
      type: 'dated',
      entries: [{ at: '2026-01-06T10:00' }, { at: '2026-01-13T14:30' }],
    });
    const report = JSON.parse(await readFile(join(out, 'theatre-schedule.json'), 'utf8')) as {
      current: string;
      builtins: { name: string; schedule: unknown }[];
    };
    expect(report.current).toBe('current');
    expect(report.builtins.find((b) => b.name === 'current')!.schedule).toEqual(own);
  }, 300_000);

  it('refuses a scenario file that is missing, by the field, exit code 2, and writes nothing', async () => {
    await writeFile(join(dir, 'missing.yaml'), spec('nowhere.yaml'));
    const out = join(dir, 'missing-out');
    const r = await optimise(join(dir, 'missing.yaml'), '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/theatreSchedule\.scenario: .*nowhere\.yaml/);
    expect(existsSync(out)).toBe(false);
  });

  it("refuses a scenario that is not valid with its own problems by path, and one that lacks the schedule's parts by name", async () => {
    const text = await readFile(join(dir, 'my-hospital.yaml'), 'utf8');
    await writeFile(join(dir, 'bad-beds.yaml'), text.replace('beds: 45', 'beds: -4'));
    await writeFile(join(dir, 'bad.yaml'), spec('bad-beds.yaml'));
    let r = await optimise(join(dir, 'bad.yaml'), '--out', join(dir, 'bad-out'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/theatreSchedule\.scenario \(.*bad-beds\.yaml\) wards\[0\]\.beds: /);
    const noT2 = parse(text) as Record<string, unknown>;
    const rooms = noT2['operatingRooms'] as { id: string }[];
    noT2['operatingRooms'] = rooms.filter((room) => room.id !== 't2');
    noT2['pathways'] = {
      ...(noT2['pathways'] as object),
      elective: [{ seize: ['t1'] }, { hold: { type: 'constant', value: 60 }, activity: 'surgery' }, { release: 'all' }],
    };
    await writeFile(join(dir, 'one-theatre.yaml'), stringify(noT2));
    await writeFile(join(dir, 'lacking.yaml'), spec('one-theatre.yaml'));
    r = await optimise(join(dir, 'lacking.yaml'), '--out', join(dir, 'lacking-out'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('has no operating room "t2" (a theatre of the week to schedule)');
    expect(existsSync(join(dir, 'bad-out')) || existsSync(join(dir, 'lacking-out'))).toBe(false);
  });
});
