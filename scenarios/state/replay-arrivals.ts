/**
 * A forecast with the arrivals that really came (`forecast --arrivals-from`):
 * every class whose arrivals are drawn (weekly rates, waves included) takes
 * instead the listed arrivals of its class within the forecast's hours, as
 * dated arrivals do (nothing drawn for when patients come; their stays and
 * routes still vary). Scored beside the forecast with the model's own
 * arrivals, the difference is the share of the error that is the arrivals'
 * randomness. Scheduled classes (case lists, appointments, clinics, bookings)
 * keep their own arrivals: those are not drawn.
 */
import type { HospitalModel } from '../../sim-core/index.js';
import { formatPath, type ScenarioIssue } from '../schema/errors.js';

/** One patient who came: its class, when (local minutes since 1970, fractions allowed) and its attributes (value names; the others drawn). */
export interface ReplayedArrival {
  class: string;
  at: number;
  attributes?: Record<string, string | number>;
}

/** What was replayed: the classes whose drawn arrivals were replaced, and how many patients came in the forecast's hours. */
export interface ReplaySummary {
  classes: string[];
  patients: number;
}

/**
 * Replaces, in the forecast's model (time 0 at `origin`), each drawn class's
 * arrivals by the listed ones after 0 and at or before `minutes`. A class or
 * attribute value the model does not know is a problem, by its row.
 */
export function replayArrivals(
  model: HospitalModel,
  replayed: readonly ReplayedArrival[],
  origin: number,
  minutes: number,
  issues: ScenarioIssue[],
): ReplaySummary {
  const classIndex = new Map(model.classes.map((c, i) => [c.name, i]));
  const drawn = model.classes.flatMap((c, i) => (c.arrivals.type === 'weekly' ? [i] : []));
  const entries = new Map(drawn.map((c) => [c, [] as { at: number; count: number; attributes: number[] }[]]));
  let patients = 0;
  replayed.forEach((a, k) => {
    const c = classIndex.get(a.class);
    if (c === undefined) {
      issues.push({
        path: formatPath(['arrivals', k, 'class']),
        message: `unknown class "${a.class}" (known: ${model.classes.map((x) => x.name).join(', ')})`,
      });
      return;
    }
    const list = entries.get(c);
    const at = a.at - origin;
    // The state holds everyone who came at or before its moment; a scheduled class keeps its own arrivals.
    if (!list || !(at > 0 && at <= minutes)) return;
    const attributes = new Array<number>(model.attributes.length).fill(-1);
    for (const [name, value] of Object.entries(a.attributes ?? {})) {
      const i = model.attributes.findIndex((x) => x.name === name);
      const v = i < 0 ? -1 : model.attributes[i]!.values.findIndex((x) => String(x) === String(value));
      if (v < 0)
        issues.push({ path: formatPath(['arrivals', k, 'attributes', name]), message: `"${value}" is not a value of an attribute "${name}" of the model` });
      else attributes[i] = v;
    }
    list.push({ at, count: 1, attributes });
    patients++;
  });
  for (const [c, list] of entries) {
    list.sort((x, y) => x.at - y.at); // stable: same-time arrivals keep their order, as the truth had them
    model.classes[c]!.arrivals = { type: 'dated', entries: list };
  }
  return { classes: drawn.map((c) => model.classes[c]!.name), patients };
}
