import { describe, expect, it } from 'vitest';
import { BUILTIN_SCENARIOS, parseScenario, parseScenarioText } from '../../../scenarios/index.js';
import { smallHospital } from '../../../scenarios/fixtures/small-hospital.js';
import { parseDays, setOpeningHours, setPolicyValue, setSession, setShiftCount, setWardBeds } from './edits.js';
import { scenarioJson, scenarioYaml } from './export.js';

const base = parseScenario(smallHospital, 'small-hospital');

describe('editing a scenario', () => {
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
});
