/**
 * Field schemas of the mapping file shared by its parts, and the parts that say
 * what other tables a case is joined to (`caseTables`) and which attribute's
 * values become case-mix groups (`model.caseMix`).
 */
import { z } from 'zod';

export const Column = z.string().min(1, 'must name a column');
export const Name = z.string().min(1, 'must not be empty');
export const WardId = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'must be an id: a letter, then letters, digits, _ or -');

/**
 * Another table of the same export that gives each case an attribute (MIMIC's drgcodes: each admission's DRG),
 * joined on the case id. See case-table.ts for how rows are matched and what is refused.
 */
export const CaseTable = z.strictObject({
  /** The file (CSV, gzipped or not); a relative path is read from the log's folder. */
  table: z.string().min(1, 'must name a file'),
  /** Field separator of the table (default: the log's). */
  delimiter: z.enum([',', ';', '\t', '|']).optional(),
  /** Its column holding the case id, matched against the log's case id (the first of columns.case). */
  key: Column,
  /** Its column holding the attribute's value (the DRG code). */
  value: Column,
  /** The attribute's name in the scenario (default: the value column's name). */
  name: Name.optional(),
  /** Keep only the rows whose columns hold these values (`{ drg_type: HCFA }`; a list allows any of several). */
  where: z.record(z.string().min(1), z.union([z.string(), z.array(z.string()).min(1)])).default({}),
  /** Its column describing each value (the DRG's description): names the case-mix groups. */
  label: Column.optional(),
  /** The value a case with no row gets (an ED visit with no admission has no DRG). */
  missing: Name.default('none'),
  /**
   * A case with rows giving different values: `refuse` (the default: narrow the rows with `where`) or `first`
   * (the first such row in the file).
   */
  several: z.enum(['refuse', 'first']).default('refuse'),
});

export const CaseMixOptions = z
  .strictObject({
    /** The attribute whose values are the groups (a column's or a case table's; default drg). */
    attribute: WardId.default('drg'),
    /**
     * A CSV of relative weights, read from the log's folder when relative: columns `code` and `weight`, and
     * optionally `trimDays` and `perDayWeight` (a long-stay payment). Groups with no row have no payment.
     */
    weights: z.string().min(1, 'must name a file').optional(),
    /** Payment for a relative weight of 1 (needed with weights). */
    baseRate: z.number().finite().min(0, 'must be 0 or more').optional(),
  })
  .refine((c) => (c.weights === undefined) === (c.baseRate === undefined), {
    message: 'weights and baseRate go together: the payment for a case is its weight times the base rate',
  });
