/** leave: the pathway ends here. */
import { z } from 'zod';
import { Id } from '../schema/common.js';
import { defineVerb } from './verb.js';

export const leave = defineVerb({
  key: 'leave',
  schema: z.strictObject({ leave: z.literal(true), id: Id.optional() }),
  check() {},
  next: () => [],
  compile: () => [{ op: 'leave' }],
});
