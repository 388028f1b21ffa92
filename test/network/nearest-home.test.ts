/**
 * Down-referral to the site nearest the patient's home, from a network
 * document: a patient attribute whose values name sites or areas of the
 * network. Every referred patient reaches the site its home value gives (read
 * from the trace), and the rule without its attribute is refused by its path.
 */
import { describe, expect, it } from 'vitest';
import { runHospital, TraceBuffer, TRACE_WORDS } from '../../sim-core/index.js';
import { compileScenario, parseScenario, ScenarioError } from '../../scenarios/index.js';

const county = (name: string): Record<string, unknown> => ({
  name,
  start: '2026-01-05T00:00',
  horizonDays: 20,
  warmupDays: 0,
  resources: [{ id: 'bed', department: 'ward', units: 100 }],
  patientClasses: [{ id: 'local', department: 'ward', arrivals: { type: 'weekly', perDay: 2 }, pathway: 'rehab' }],
  pathways: { rehab: [{ seize: ['bed'] }, { hold: { type: 'exponential', mean: 2880 }, activity: 'rehabilitation' }, { release: ['bed'] }] },
});

function network(transfer: Record<string, unknown>): unknown {
  const tertiary = {
    ...county('tertiary'),
    patientClasses: [
      {
        id: 'surgical',
        department: 'ward',
        arrivals: { type: 'weekly', perDay: 12 },
        attributes: { home: { values: ['north', 'south', 'hills', 'abroad'], weights: [0.3, 0.3, 0.2, 0.2] } },
        pathway: 'surgery',
      },
    ],
    pathways: {
      surgery: [{ seize: ['bed'] }, { hold: { type: 'exponential', mean: 600 }, activity: 'surgery' }, { transfer, pathway: 'rehab', reason: 'down-referral' }],
    },
  };
  return {
    name: 'down-referral',
    sites: [
      { id: 'tertiary', xKm: 0, yKm: 0, hospital: { scenario: tertiary } },
      { id: 'north', xKm: 0, yKm: 50, hospital: { scenario: county('north') } },
      { id: 'south', xKm: 0, yKm: -30, hospital: { scenario: county('south') } },
    ],
    areas: [{ id: 'hills', name: 'The hills', xKm: 10, yKm: 35 }],
  };
}

describe('down-referral to the site nearest home', () => {
  it('the rule without its attribute, or with one no class has, is refused by its path', () => {
    const issuesOf = (doc: unknown): string[] => {
      try {
        parseScenario(doc, 'down.json');
      } catch (e) {
        if (e instanceof ScenarioError) return e.issues.map((i) => `${i.path}: ${i.message}`);
        throw e;
      }
      return [];
    };
    expect(issuesOf(network({ rule: 'nearest-home', among: ['north', 'south'] }))).toEqual([
      'pathways.tertiary_surgery[2].transfer.attribute: is needed by the rule "nearest-home": the patient attribute that names the home site or area',
    ]);
    expect(issuesOf(network({ rule: 'nearest-home', among: ['north', 'south'], attribute: 'hometown' }))[0]).toMatch(
      /^pathways\.tertiary_surgery\[2\]\.transfer\.attribute: refers to an attribute "hometown" that no patient class has/,
    );
  });

  it('each patient goes to its home site, or for an area the site nearest it, or else the nearest to the tertiary site', () => {
    const doc = network({ rule: 'nearest-home', among: ['north', 'south'], attribute: 'home' });
    const buffer = new TraceBuffer();
    runHospital(compileScenario(parseScenario(doc, 'down.json')), { seed: 5, replication: 1, trace: buffer });
    const t = buffer.toData();
    const home = new Map<number, string>();
    const reached = new Map<number, string>();
    for (let i = 0; i < t.length; i++) {
      const what = t.whatNames[t.what[i]!]!;
      const where = t.whereNames[t.where[i]!]!;
      if (what === 'attr:home') home.set(t.entity[i]!, where);
      if (what === TRACE_WORDS.seize && where !== 'tertiary_bed') reached.set(t.entity[i]!, where);
    }
    // The hills (10, 35) are 15.8 km from north (0, 50) and 65.8 from south; abroad is no site or area:
    // the site nearest the tertiary one, south (30 km against 50).
    const expected: Record<string, string> = { north: 'north_bed', south: 'south_bed', hills: 'north_bed', abroad: 'south_bed' };
    expect([...reached.keys()].filter((serial) => home.has(serial)).length).toBeGreaterThan(100);
    const seen = new Set<string>();
    for (const [serial, bed] of reached) {
      const h = home.get(serial);
      if (h === undefined) continue; // a county's own patient
      seen.add(h);
      expect(bed, `patient ${serial} from ${h}`).toBe(expected[h]);
    }
    expect([...seen].sort()).toEqual(['abroad', 'hills', 'north', 'south']);
  });
});
