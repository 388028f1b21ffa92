import type { Distribution } from '../random/distribution.js';
import type { DistributionSpec } from '../random/distributions/index.js';
import { sharedDistribution } from '../random/distributions/index.js';
import { remainingDuration } from '../random/distributions/conditional.js';
import type { RandomStream } from '../random/stream.js';

/** A duration that may depend on one attribute: `byValue[valueIndex]`, else `otherwise`. */
export type DurationModel =
  | { kind: 'fixed'; distribution: DistributionSpec }
  | { kind: 'byAttribute'; attribute: number; byValue: (DistributionSpec | null)[]; otherwise: DistributionSpec | null };

/**
 * How long a hold step lasts for one patient. Two small classes rather than
 * closures, so that every replication calls the same two `sample` methods.
 */
export interface DurationSampler {
  /** `attributes` holds `attributeCount` value indices per patient slot; -1 for none. */
  sample(attributes: Int32Array, attributeCount: number, patient: number): number;
  /** The time still to run for a patient who has been at the step `elapsed` minutes already. */
  remaining(attributes: Int32Array, attributeCount: number, patient: number, elapsed: number): number;
}

class FixedDuration implements DurationSampler {
  constructor(
    private readonly distribution: Distribution,
    private readonly rng: RandomStream,
  ) {}

  sample(): number {
    return this.distribution.sample(this.rng);
  }

  remaining(_attributes: Int32Array, _attributeCount: number, _patient: number, elapsed: number): number {
    return remainingDuration(this.distribution, this.rng, elapsed);
  }
}

/** A duration that depends on the patient's value of an attribute (a procedure's own length). */
class DurationByAttribute implements DurationSampler {
  constructor(
    private readonly attribute: number,
    private readonly byValue: (Distribution | null)[],
    private readonly otherwise: Distribution | null,
    private readonly rng: RandomStream,
  ) {}

  sample(attributes: Int32Array, attributeCount: number, patient: number): number {
    return this.distributionFor(attributes, attributeCount, patient).sample(this.rng);
  }

  remaining(attributes: Int32Array, attributeCount: number, patient: number, elapsed: number): number {
    return remainingDuration(this.distributionFor(attributes, attributeCount, patient), this.rng, elapsed);
  }

  private distributionFor(attributes: Int32Array, attributeCount: number, patient: number): Distribution {
    const v = attributes[patient * attributeCount + this.attribute]!;
    const dist = (v >= 0 ? this.byValue[v] : null) ?? this.otherwise;
    if (dist === null) throw new Error(`no duration for attribute value index ${v}`);
    return dist;
  }
}

export function durationSampler(d: DurationModel, rng: RandomStream): DurationSampler {
  if (d.kind === 'fixed') return new FixedDuration(sharedDistribution(d.distribution), rng);
  return new DurationByAttribute(
    d.attribute,
    d.byValue.map((s) => (s ? sharedDistribution(s) : null)),
    d.otherwise ? sharedDistribution(d.otherwise) : null,
    rng,
  );
}
