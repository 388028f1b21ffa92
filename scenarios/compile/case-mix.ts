/**
 * Case-mix groups in the model: one per value of the group attribute, in that
 * attribute's value order, so a patient's group is its attribute value index.
 * The references check (references.ts) has already refused a value with no
 * group; a group no class can have is kept (it reports 0 cases).
 */
import type { AttributeModel, CaseMixModel } from '../../sim-core/index.js';
import type { CaseMixSpec } from '../schema/case-mix.js';

export function compileCaseMix(spec: CaseMixSpec, attributes: readonly AttributeModel[]): CaseMixModel {
  const attribute = attributes.findIndex((a) => a.name === spec.attribute);
  const values = attributes[attribute]?.values ?? [];
  return {
    attribute,
    ...(spec.baseRate !== undefined ? { baseRate: spec.baseRate } : {}),
    groups: values.map((v) => {
      const g = spec.groups.find((x) => String(x.code) === String(v))!;
      return {
        code: String(g.code),
        name: g.name ?? String(g.code),
        ...(g.weight !== undefined ? { weight: g.weight } : {}),
        ...(g.outlier ? { outlier: { ...g.outlier } } : {}),
      };
    }),
  };
}
