/**
 * The step verbs of the pathway interpreter, in one table: the interpreter
 * builds each verb's runner per replication and `advance` dispatches through
 * them. A new verb is one file (its step type and runner) and one line here,
 * plus its scenario half in scenarios/verbs/.
 */
import { branch, type BranchStep } from './branch.js';
import { branchOn, type BranchOnStep } from './branch-on.js';
import { consume, type ConsumeStep } from './consume.js';
import { divert, type DivertStep } from './divert.js';
import { goto, type GotoStep } from './goto.js';
import { hold, type HoldStep } from './hold.js';
import { leave, type LeaveStep } from './leave.js';
import { release, type ReleaseStep } from './release.js';
import { seize, type SeizeStep } from './seize.js';
import { join, split, type JoinStep, type SplitStep } from './split.js';
import { transfer, type TransferStep } from './transfer.js';
import { useShared, type UseSharedStep } from './use-shared.js';
import type { Verb } from './verb.js';
import { waitUntil, type WaitUntilStep } from './wait-until.js';

export type StepModel =
  | SeizeStep
  | HoldStep
  | ReleaseStep
  | ConsumeStep
  | BranchStep
  | BranchOnStep
  | GotoStep
  | LeaveStep
  | SplitStep
  | JoinStep
  | WaitUntilStep
  | TransferStep
  | DivertStep
  | UseSharedStep;

export type StepOp = StepModel['op'];

/** Every verb by its op; `satisfies` makes the table list each step type's op exactly once. */
export const VERBS = {
  seize,
  hold,
  release,
  consume,
  branch,
  branchOn,
  goto,
  leave,
  split,
  join,
  waitUntil,
  transfer,
  divert,
  useShared,
} as const satisfies { [K in StepOp]: Verb<Extract<StepModel, { op: K }>> };

/**
 * The verb of a step: what it leads to, whether a patient can stand at it and
 * by what name (for state placement, trace readers and observers, which ask
 * this rather than naming ops).
 */
export function stepVerb(step: StepModel): Verb<StepModel> {
  return VERBS[step.op] as unknown as Verb<StepModel>;
}

export type {
  BranchStep,
  BranchOnStep,
  ConsumeStep,
  GotoStep,
  HoldStep,
  JoinStep,
  LeaveStep,
  ReleaseStep,
  SeizeStep,
  SplitStep,
  WaitUntilStep,
  TransferStep,
  UseSharedStep,
};
export type { TransferDestination, TransferRule } from './transfer.js';
export type { DivertStep, DivertDestination, DiversionCondition } from './divert.js';
export type { DurationModel } from './hold-duration.js';
export { plainSeize } from './seize.js';
export { abandonBranch, endBranch, isBranch, placeBranch } from './branches.js';
export { WAIT, type ModelView, type Parallel, type Run, type Standing, type StepRunner, type Verb } from './verb.js';
