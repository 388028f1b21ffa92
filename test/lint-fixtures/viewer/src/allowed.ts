// lint-expect: clean
import { compareResults } from '../../workers/index.js';
import { startBrowserRunner } from '../../workers/browser/index.js';
import { parseScenario } from '../../scenarios/index.js';
import type { RandomStream } from '../../sim-core/index.js';
import sepsisMapping from '../../calibration/maps/sepsis.yaml?raw';
export const parts = [compareResults, startBrowserRunner, parseScenario, sepsisMapping];
export type Stream = RandomStream;
