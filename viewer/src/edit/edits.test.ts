import { describe, expect, it } from 'vitest';
import { BUILTIN_SCENARIOS, parseScenario, parseScenarioText } from '../../../scenarios/index.js';
import { smallHospital } from '../../../scenarios/fixtures/small-hospital.js';
import {
  addSurge,
  NEW_SURGE,
  setDayToDayCv,
  parseDays,
  removeSurge,
  setArrivalsPerDay,
  setOpeningHours,
  setPolicyValue,
  setSession,
  setShiftCount,
  setSurge,
  setWardBeds,
} from './edits.js';
import { scenarioJson, scenarioYaml } from './export.js';
import { addNetChange } from './net-changes.js';

const base = parseScenario(smallHospital, 'small-hospital');

describe('editing a scenario', () => {
  it('leaves no change (nor a line in the exported header) after a time typed wrong and put back', () => {
    const original = base.imaging[0]!.openingHours[0]!.start;
    const wrong = setOpeningHours(base, 0, 0, { start: '25:99' });
    const back = setOpeningHours(wrong.scenario, 0, 0, { start: original });
    const changes = addNetChange(addNetChange([], wrong.change), back.change);
    expect(changes).toEqual([]);
    expect(scenarioYaml(back.scenario, changes)).not.toMatch(/changed:/);
    const session = setSession(base, 0, 0, { end: '24:99' });
    expect(addNetChange([session.change], setSession(session.scenario, 0, 0, { end: base.operatingRooms[0]!.sessions[0]!.end }).change)).toEqual([]);
  });

  it('changes only what was asked, and the exported file runs in the CLI loader with the change', () => {
    let s = setShiftCount(base, 0, 0, 3).scenario;
    s = setWardBeds(s, 0, 9).scenario;
    s = setSession(s, 0, 0, { end: '18:00' }).scenario;
    s = setOpeningHours(s, 0, 0, { start: '07:00', end: '22:00' }).scenario;
    s = setPolicyValue(s, 0, 's', 8).scenario;
    const back = parseScenarioText(scenarioYaml(s, ['ward beds: 6 → 9']), 'edited.yaml', 'yaml');
    expect(back.staff[0]!.shifts[0]!.count).toBe(3);
    expect(back.wards[0]!.beds).toBe(9);
    expect(back.operatingRooms[0]!.sessions[0]!.end).toBe('18:00');
    expect(back.imaging[0]!.openingHours[0]!.start).toBe('07:00');
    expect(back.items[0]!.policy).toEqual({ type: 'sS', s: 8, S: 20 });
    expect(back.pathways).toEqual(base.pathways);
    expect(base.wards[0]!.beds).toBe(6);
  });

  it('exports every built-in scenario as YAML and JSON the loader accepts unchanged', () => {
    for (const b of BUILTIN_SCENARIOS) {
      const s = parseScenario(b.document, b.name);
      expect(parseScenarioText(scenarioYaml(s), `${b.name}.yaml`, 'yaml')).toEqual(s);
      expect(parseScenarioText(scenarioJson(s), `${b.name}.json`, 'json')).toEqual(s);
    }
  });

  it('reads weekday lists as the schema writes them', () => {
    expect(parseDays('weekdays')).toBe('weekdays');
    expect(parseDays('Mon, wed')).toEqual(['mon', 'wed']);
    expect(parseDays('monday')).toBeNull();
  });

  it('reports a reorder point above its order-up-to level as a problem of the scenario', () => {
    const s = setPolicyValue(base, 0, 's', 50).scenario;
    expect(() => parseScenario(s, 'edited')).toThrow(/items\[0\]\.policy\.S: S must be above s/);
  });

  it('raises a class’s arrivals and gives it a winter wave, which the exported file keeps and the loader accepts', () => {
    const raised = setArrivalsPerDay(base, 0, 28.8);
    expect(raised.change).toBe('ed arrivals: 24 → 28.8 a day (+20%)');
    const waved = addSurge(raised.scenario, 0);
    expect(waved.change).toBe('ed: yearly wave added (peak 01-15, 12 weeks, +20% at the peak)');
    const moved = setSurge(waved.scenario, 0, 0, { peak: '02-01', extra: 0.3 });
    expect(moved.change).toBe('ed wave 1: peak 01-15, 12 weeks, +20% at the peak → peak 02-01, 12 weeks, +30% at the peak');
    const back = parseScenarioText(scenarioYaml(moved.scenario), 'edited.yaml', 'yaml');
    expect(back.patientClasses[0]!.arrivals).toMatchObject({ type: 'weekly', perDay: 28.8, surges: [{ peak: '02-01', weeks: 12, extra: 0.3 }] });
    // Everything else as it was; the base scenario untouched.
    expect(back.patientClasses.slice(1)).toEqual(base.patientClasses.slice(1));
    expect(base.patientClasses[0]!.arrivals).toMatchObject({ perDay: 24 });
    expect('surges' in base.patientClasses[0]!.arrivals).toBe(false);
    expect(NEW_SURGE).toEqual({ peak: '01-15', weeks: 12, extra: 0.2 });
    // Removing the last wave leaves no empty list behind: the scenario is as before the wave.
    const removed = removeSurge(moved.scenario, 0, 0);
    expect(removed.change).toBe('ed: wave removed (peak 02-01, 12 weeks, +30% at the peak)');
    expect(removed.scenario).toEqual(raised.scenario);
  });

  it('reports a wave on a day that does not exist, and no arrivals at all, as problems of the scenario', () => {
    const waved = addSurge(base, 0).scenario;
    expect(() => parseScenario(setSurge(waved, 0, 0, { peak: '02-30' }).scenario, 'edited')).toThrow(
      /patientClasses\[0\]\.arrivals\.surges\[0\]\.peak: is not a day of the year/,
    );
    expect(() => parseScenario(setArrivalsPerDay(base, 0, 0).scenario, 'edited')).toThrow(/patientClasses\[0\]\.arrivals\.perDay/);
    // A class booked by list or appointment has no rate to change.
    expect(() => setArrivalsPerDay(base, 1, 5)).toThrow(/elective does not arrive at a rate/);
  });

  it('sets busy and quiet days, and 0 takes them out again', () => {
    const busy = setDayToDayCv(base, 0, 0.25);
    expect(busy.change).toBe('ed day-to-day variation: none → cv 0.25');
    expect(parseScenarioText(scenarioYaml(busy.scenario), 'edited.yaml', 'yaml').patientClasses[0]!.arrivals).toMatchObject({ dayToDayCv: 0.25 });
    const back = setDayToDayCv(busy.scenario, 0, 0);
    expect(back.change).toBe('ed day-to-day variation: cv 0.25 → none');
    expect(back.scenario).toEqual(base);
    expect(() => parseScenario(setDayToDayCv(base, 0, 3).scenario, 'edited')).toThrow(/patientClasses\[0\]\.arrivals\.dayToDayCv: must be at most 2/);
  });
});
