/**
 * The job id of a block: its first replication, size and step, so the same
 * block asked for twice (a coordinator run again) is one job. A block of one
 * replication is that replication's key.
 */
export function blockKey(hash: string, seed: number | string, first: number, count: number, step = 1, traced = false): string {
  if (count === 1) return replicationKey(hash, seed, first, traced);
  return `${hash}.${seedTag(seed)}.${first}x${count}${step === 1 ? '' : `s${step}`}`;
}

/**
 * Splits replications into blocks: runs of equal steps in the caller's order,
 * cut where a block reaches `size` (a number, or one from the replications
 * left, so blocks can shrink towards the end). The same list and size give the same blocks.
 */
export function splitIntoBlocks(replications: number[], size: number | ((left: number) => number)): { first: number; count: number; step: number }[] {
  const blocks: { first: number; count: number; step: number }[] = [];
  let i = 0;
  while (i < replications.length) {
    const most = Math.max(1, typeof size === 'number' ? size : size(replications.length - i));
    const first = replications[i]!;
    const next = replications[i + 1];
    const step = next !== undefined && next > first ? next - first : 1;
    let count = 1;
    while (count < most && replications[i + count] === first + count * step) count++;
    blocks.push({ first, count, step });
    i += count;
  }
  return blocks;
}

/**
 * Names in Redis. A replication's key is (scenario hash, seed, replication
 * number): the job id, and the field its result is stored under, so a job
 * queued or run twice is the same job with the same one result.
 */
import { createHash } from 'node:crypto';
import type { Scenario } from '../../scenarios/index.js';

/** The scenario's identity: SHA-256 of the validated scenario as JSON. */
export function scenarioHash(scenario: Scenario): string {
  return createHash('sha256').update(scenarioText(scenario)).digest('hex');
}

/** The text stored for workers to read: what the hash is taken of. */
export function scenarioText(scenario: Scenario): string {
  return JSON.stringify(scenario);
}

/** A seed as a key part: `n42` for the number 42, `s` and its base64url for a name, so 42 and "42" differ. */
export function seedTag(seed: number | string): string {
  return typeof seed === 'number' ? `n${seed}` : `s${Buffer.from(seed, 'utf8').toString('base64url')}`;
}

/** The job id and result field of one replication (BullMQ ids may not hold ':'). A traced replication is another job. */
export function replicationKey(hash: string, seed: number | string, replication: number, traced = false): string {
  return `${hash}.${seedTag(seed)}.${replication}${traced ? '.trace' : ''}`;
}

/**
 * Redis keys under one prefix. Workers only take jobs from the queue of their
 * own version of the model, since another version may give other figures.
 */
export interface QueueNames {
  queue: string;
  prefix: string;
  /** String key: the scenario text, by hash. */
  scenario(hash: string): string;
  /** Hash: replication key -> encoded result, written once (HSETNX). */
  results: string;
}

export function queueNames(modelVersion: string, prefix = 'hospital-twin'): QueueNames {
  const version = modelVersion.replace(/[^A-Za-z0-9._-]/g, '_');
  return {
    queue: `replications-${version}`,
    prefix,
    scenario: (hash) => `${prefix}:scenario:${hash}`,
    results: `${prefix}:results:${version}`,
  };
}
