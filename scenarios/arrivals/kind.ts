/**
 * The scenario half of an arrival kind: its schema (the `arrivals` of a class
 * as written), its reference checks, the attribute values its patients carry
 * besides the class's mixes, and its compile step into the kernel's arrival
 * model. The table in index.ts lists them; the schema, the reference checks
 * and the compiler read it, never a kind's name.
 */
import type { z } from 'zod';
import type { ArrivalModel } from '../../sim-core/index.js';
import type { ResourceKindModule } from '../kinds/kind.js';
import type { Days } from '../schema/common.js';
import type { ScenarioIssue } from '../schema/errors.js';

/** An entry of a case list that repeats each week (an OR list), as written. */
export interface CaseListEntry {
  days: Days;
  time: string;
  count: number;
  attributes?: Record<string, string | number> | undefined;
}

/** What a kind's checks may use, for one class. */
export interface ArrivalCheckContext {
  /** The class's id and its attributes' mixes. */
  cls: { id: string; attributes: Readonly<Record<string, { values: readonly (string | number)[] }>> };
  /** The steps of the class's pathway (empty when it names none). */
  pathway: readonly unknown[];
  /** What each resource id is. */
  kindOf: ReadonlyMap<string, ResourceKindModule>;
  problem(path: string, message: string): void;
}

/** What a kind's compile step may use. */
export interface ArrivalCompileContext {
  resourceIndex: ReadonlyMap<string, number>;
  attributeIndex: ReadonlyMap<string, number>;
  valueIndex(attribute: number, value: string | number): number;
  attributeCount: number;
  /** The run's start (local date and time) and its length in minutes, warm-up included. */
  run: { start: string; minutes: number };
}

/**
 * What arrivals at a rate hold, whatever their kind: the fields a variant or
 * the viewer's edit panel reads and changes (the rate a day, busy and quiet
 * days, yearly waves). Booked kinds (a list, appointments) have no rate.
 */
export interface RateArrivals {
  perDay: number;
  /** Multiplies the rate all year (1 when not given). */
  multiplier?: number | undefined;
  dayToDayCv?: number | undefined;
  surges?: { peak: string; weeks: number; extra: number }[] | undefined;
}

export interface ScenarioArrivalKind<T = never> {
  /** The value of `type` that names the kind. */
  readonly type: string;
  readonly schema: z.ZodType<T>;
  /** What the schema cannot check; `at` is the arrivals' path (`patientClasses[2].arrivals`). */
  check?(a: T, at: string, ctx: ArrivalCheckContext): void;
  /** Attribute values (name, value) the kind gives its patients besides the class's mixes: fixed by its entries, or set by the kind. */
  carriedAttributes?(a: T): [string, string | number][];
  compile(a: T, ctx: ArrivalCompileContext): ArrivalModel;
  /**
   * Its entries may instead sit in a CSV file named by the arrivals' `file`: the loader reads the file (no
   * file access here) and this turns its text into the entries, each one's line, and every problem by file,
   * line and column. Absent: the kind takes no file.
   */
  readEntriesCsv?(text: string, file: string): { entries: unknown[]; lines: number[]; issues: ScenarioIssue[] };
  /** Its patients come as a case list that repeats each week: its entries (read by the theatre schedule); absent: not a case list. */
  caseList?(a: T): readonly CaseListEntry[];
  /** Its patients come at a rate (its arrivals hold the fields of RateArrivals), not booked one by one. */
  readonly atRate?: T extends RateArrivals ? true : never;
}

/** A kind, typed by its schema. */
export function defineArrivalKind<S extends z.ZodType>(
  kind: ScenarioArrivalKind<z.output<S>> & { schema: S },
): ScenarioArrivalKind<z.output<S>> & { schema: S } {
  return kind;
}

/** The attribute values an entry list fixes, in order. */
export function entryAttributes(entries: readonly { attributes?: Record<string, string | number> | undefined }[]): [string, string | number][] {
  return entries.flatMap((e) => Object.entries(e.attributes ?? {}));
}

/** Each entry's fixed attributes as value indices by attribute (-1: drawn as usual). */
export function fixedValues(attributes: Record<string, string | number> | undefined, ctx: ArrivalCompileContext): number[] {
  const values = new Array<number>(ctx.attributeCount).fill(-1);
  for (const [name, v] of Object.entries(attributes ?? {})) {
    const i = ctx.attributeIndex.get(name)!;
    values[i] = ctx.valueIndex(i, v);
  }
  return values;
}
