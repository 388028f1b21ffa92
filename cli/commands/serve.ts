/**
 * `serve SCENARIO --map MAP`: the live twin (live/), until SIGTERM or Ctrl-C.
 * A store file that is damaged or not ours, a mapping that is wrong, or a
 * listener beyond loopback without a token is refused before anything listens
 * (exit 2).
 */
import { type Command, InvalidArgumentError, Option } from 'commander';
import { defaultWorkerCount } from '../../workers/node.js';
import { JournalError, serveLiveTwin, ServeError } from '../../live/index.js';
import { parseFhirMapping, readDataText, StateError } from '../../scenarios/index.js';
import { readFile } from 'node:fs/promises';
import { EXIT } from '../exit-codes.js';
import { stateWarnings } from '../forecast-warnings.js';
import { parseReplications, parseSeed, parseWorkers } from '../option-values.js';
import { resolveScenario } from '../resolve-scenario.js';
import { parseHours } from './forecast.js';

export interface ServeCommandOptions {
  map: string;
  store: string;
  host: string;
  port: number;
  mllpPort: number;
  token?: string;
  allow: string[];
  cors: string[];
  hours: number;
  replications: number;
  seed?: number | string;
  workers?: number;
  every: number;
  debounce: number;
  stale: number;
}

const whole = (what: string, min: number, max: number) => (text: string) => {
  const n = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || n < min || n > max) throw new InvalidArgumentError(`must be ${what} from ${min} to ${max}, got "${text.slice(0, 40)}"`);
  return n;
};

/** A number (fractions allowed: `--stale 0.5` is 30 seconds) within bounds. */
const decimal =
  (what: string, min: number, max: number, minIncluded = true) =>
  (text: string) => {
    const n = Number(text);
    if (!/^\s*\d+(\.\d+)?\s*$/.test(text) || n > max || (minIncluded ? n < min : n <= min))
      throw new InvalidArgumentError(`must be ${what} from ${min}${minIncluded ? '' : ' (not included)'} to ${max}, got "${text.slice(0, 40)}"`);
    return n;
  };

export function registerServeCommand(program: Command): Command {
  return program
    .command('serve')
    .description('the live twin: HL7 v2 ADT over MLLP and FHIR over HTTP into a durable journal, the state, a forecast after each change, an HTTP/SSE API')
    .argument('<scenario>', 'a built-in scenario name or a scenario file')
    .requiredOption('--map <file>', "the FHIR mapping (.json/.yaml) from the feed's locations and codes to the scenario's wards and classes")
    .option('--store <file>', 'the journal (SQLite), created if absent, never recreated if damaged', 'hospital-twin-live.sqlite')
    .option('--host <address>', 'address to listen on (beyond loopback needs --token)', '127.0.0.1')
    .addOption(new Option('--port <n>', 'HTTP port (0: any free one)').argParser(whole('a port', 0, 65535)).default(8080))
    .addOption(new Option('--mllp-port <n>', 'MLLP port for HL7 v2 (0: any free one)').argParser(whole('a port', 0, 65535)).default(2575))
    .option('--token <secret>', 'bearer token every write must carry (and every request from another machine)')
    .addOption(new Option('--allow <address...>', 'interface engines (IP addresses) allowed to connect over MLLP besides loopback').default([]))
    .addOption(new Option('--cors <origin...>', "browser origins allowed to read the API, e.g. the viewer's http://localhost:5173").default([]))
    .addOption(new Option('--hours <h>', 'hours each forecast looks ahead').argParser(parseHours).default(72))
    .addOption(new Option('-r, --replications <n>', 'replications per forecast').argParser(parseReplications).default(200))
    .addOption(new Option('-s, --seed <seed>', "master seed (default: the scenario's)").argParser(parseSeed))
    .addOption(new Option('-w, --workers <n>', 'worker threads (default: one per core)').argParser(parseWorkers))
    .addOption(new Option('--every <minutes>', 'forecast at least this often, even with no change').argParser(whole('minutes', 1, 1440)).default(15))
    .addOption(
      new Option('--debounce <seconds>', 'forecast once messages pause this long (at the latest 5 s after a change)')
        .argParser(decimal('seconds', 0, 86400))
        .default(0.2),
    )
    .addOption(
      new Option('--stale <minutes>', 'warn of a stale feed after this long without a message (fractions allowed)')
        .argParser(decimal('minutes', 0, 10080, false))
        .default(30),
    )
    .action(async (scenario: string, o: ServeCommandOptions) => {
      process.exitCode = await serveCommand(scenario, o);
    });
}

export async function serveCommand(scenarioArg: string, o: ServeCommandOptions): Promise<number> {
  const scenario = await resolveScenario(scenarioArg);
  const read = readDataText(await readFile(o.map, 'utf8'), o.map.endsWith('.json') ? 'json' : 'yaml');
  if ('problem' in read) throw new StateError(o.map, [{ path: '', message: read.problem }]);
  const mapping = parseFhirMapping(read.document, o.map);
  const log = (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);
  let handle;
  try {
    handle = await serveLiveTwin({
      scenario,
      mapping,
      store: o.store,
      host: o.host,
      httpPort: o.port,
      mllpPort: o.mllpPort,
      ...(o.token !== undefined ? { token: o.token } : {}),
      allow: o.allow,
      cors: o.cors,
      hours: o.hours,
      replications: o.replications,
      seed: o.seed ?? scenario.seed,
      workers: o.workers ?? defaultWorkerCount(),
      debounceMs: o.debounce * 1000,
      everyMs: o.every * 60_000,
      staleMs: o.stale * 60_000,
      stateWarnings: (state) => stateWarnings(scenario, state),
      log,
    });
  } catch (e) {
    if (e instanceof JournalError || e instanceof ServeError) {
      process.stderr.write(`error: ${e.message}\n`);
      return EXIT.badInput;
    }
    throw e;
  }
  process.stdout.write(`${JSON.stringify({ http: handle.httpPort, mllp: handle.mllpPort })}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  log('stopping');
  await handle.close();
  return EXIT.ok;
}
