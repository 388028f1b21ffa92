// lint-expect: clean
import { parseScenario } from '../scenarios/index.js';
import { createStream } from '../sim-core/index.js';
import { outputProblems } from '../io/index.js';
export const parts = [parseScenario, createStream, outputProblems];
