/**
 * `dated` arrivals (a trace-driven run): one patient at each listed local date and time, with the
 * attributes given (the others drawn as usual). `file` names a CSV beside the scenario file (column
 * `at`, and one column per attribute) that the command line reads into `entries`.
 */
import { z } from 'zod';
import { localMinutes } from '../state/state-schema.js';
import { quoteList } from '../verbs/index.js';
import { readDatedArrivalsCsv } from '../dated-arrivals-csv.js';
import { defineArrivalKind, entryAttributes, fixedValues, type ArrivalCheckContext } from './kind.js';

const schema = z.strictObject({
  type: z.literal('dated'),
  file: z.string().min(1).optional(),
  entries: z
    .array(
      z.strictObject({
        at: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'must be a local date and time "YYYY-MM-DDTHH:MM" (seconds allowed)')
          .refine((t) => !Number.isNaN(localMinutes(t)), 'is not a date and time that exists'),
        attributes: z.record(z.string(), z.union([z.number(), z.string()])).optional(),
      }),
    )
    .default([]),
});

type Dated = z.output<typeof schema>;

export const dated = defineArrivalKind({
  type: 'dated',
  schema,
  check(a, at, ctx) {
    if (a.entries.length === 0)
      ctx.problem(
        `${at}.entries`,
        a.file !== undefined
          ? `are empty: the file ${JSON.stringify(a.file)} is read into them by the command line (a library user reads it with readDatedArrivalsCsv)`
          : 'must list at least one arrival',
      );
    checkDatedAttributes(a, `${at}.entries`, ctx);
  },
  carriedAttributes: (a) => entryAttributes(a.entries),
  readEntriesCsv: readDatedArrivalsCsv,
  compile(a, ctx) {
    // Minutes from the run's start (warm-up included); times before it or after its end never come. Same-time entries keep their order.
    const origin = localMinutes(ctx.run.start);
    const entries = a.entries
      .map((e) => ({ at: localMinutes(e.at) - origin, count: 1, attributes: fixedValues(e.attributes, ctx) }))
      .filter((e) => e.at >= 0 && e.at <= ctx.run.minutes)
      .sort((x, y) => x.at - y.at);
    return { type: 'dated', entries };
  },
});

/** A dated arrival's attributes are the class's own, each with one of the values of its mix (at most 20 problems shown). */
function checkDatedAttributes(a: Dated, at: string, { cls, problem }: ArrivalCheckContext): void {
  let shown = 0;
  for (const [k, e] of a.entries.entries()) {
    for (const [name, v] of Object.entries(e.attributes ?? {})) {
      if (shown >= 20) return;
      const mix = Object.hasOwn(cls.attributes, name) ? cls.attributes[name] : undefined;
      if (mix === undefined) {
        problem(
          `${at}[${k}].attributes.${name}`,
          `is not an attribute of class ${cls.id} (its attributes: ${quoteList(Object.keys(cls.attributes)) || 'none'})`,
        );
        shown++;
      } else if (!mix.values.some((x) => String(x) === String(v))) {
        problem(`${at}[${k}].attributes.${name}`, `${JSON.stringify(v)} is not one of its values (${mix.values.join(', ')})`);
        shown++;
      }
    }
  }
}
