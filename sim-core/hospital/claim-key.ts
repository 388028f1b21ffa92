/**
 * One number for "unit of resource r held under claim c", for maps keyed by
 * both (rooms being cleaned). Exact for any number of resources while
 * claims × resources stays below 2⁵³.
 */
export function heldUnitKey(claim: number, resource: number, resourceCount: number): number {
  return claim * resourceCount + resource;
}

export function claimOfKey(key: number, resourceCount: number): number {
  return Math.floor(key / resourceCount);
}

export function resourceOfKey(key: number, resourceCount: number): number {
  return key % resourceCount;
}
