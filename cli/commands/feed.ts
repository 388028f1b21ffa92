/**
 * `feed LOG --map MAP --to HOST:PORT`: an event log replayed into a live twin
 * as HL7 v2 ADT over MLLP, each message waiting for its ACK and sent again
 * until acknowledged; for demos, tests and the README's walk-through.
 */
import { type Command, InvalidArgumentError, Option } from 'commander';
import { feedMessages } from '../../live/index.js';
import { EXIT } from '../exit-codes.js';
import { logAsAdt } from '../feed-log.js';

export interface FeedCommandOptions {
  map: string;
  to: { host: string; port: number };
  speed: number;
  maxWait: number;
  from?: number;
  count?: number;
}

function parseTarget(text: string): { host: string; port: number } {
  const m = /^(.+):(\d+)$/.exec(text.trim());
  const port = Number(m?.[2]);
  if (!m || !(port >= 1 && port <= 65535)) throw new InvalidArgumentError(`must be HOST:PORT (e.g. 127.0.0.1:2575), got "${text.slice(0, 60)}"`);
  return { host: m[1]!.replace(/^\[(.*)\]$/, '$1'), port };
}

const number = (what: string, min: number, max: number) => (text: string) => {
  const n = Number(text);
  if (text.trim() === '' || !(n >= min && n <= max)) throw new InvalidArgumentError(`must be ${what} from ${min} to ${max}, got "${text.slice(0, 40)}"`);
  return n;
};

export function registerFeedCommand(program: Command): Command {
  return program
    .command('feed')
    .description('replay an event log into a live twin (serve) as HL7 v2 ADT messages over MLLP, at a chosen speed, each waiting for its ACK')
    .argument('<log>', 'the event log (CSV, XES, OCEL; .gz or not), e.g. examples/data/mimic-iv-demo/hosp/transfers.csv.gz')
    .requiredOption('--map <file>', 'its calibration mapping (e.g. calibration/maps/mimic-iv-transfers.yaml)')
    .addOption(new Option('--to <host:port>', "the twin's MLLP address").argParser(parseTarget).makeOptionMandatory())
    .addOption(
      new Option('--speed <x>', 'log minutes per wall minute (60: an hour a minute; 0: as fast as ACKs come)')
        .argParser(number('a number', 0, 1e9))
        .default(60),
    )
    .addOption(
      new Option('--max-wait <seconds>', 'longest pause between two messages (a log with shifted dates has years between patients)')
        .argParser(number('seconds', 0, 86400))
        .default(2),
    )
    .addOption(new Option('--from <k>', 'start at the k-th message (1 = first)').argParser(number('a message number', 1, 1e9)))
    .addOption(new Option('--count <n>', 'send at most this many messages').argParser(number('a count', 1, 1e9)))
    .action(async (log: string, o: FeedCommandOptions) => {
      process.exitCode = await feedCommand(log, o);
    });
}

export async function feedCommand(logPath: string, o: FeedCommandOptions): Promise<number> {
  const all = await logAsAdt(logPath, o.map);
  const from = (o.from ?? 1) - 1;
  const messages = all.slice(from, o.count !== undefined ? from + o.count : undefined);
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  process.stderr.write(`Sending ${messages.length} of ${all.length} ADT message(s) to ${o.to.host}:${o.to.port}...\n`);
  const r = await feedMessages(messages, {
    host: o.to.host,
    port: o.to.port,
    speed: o.speed,
    maxWaitMs: o.maxWait * 1000,
    signal: controller.signal,
  });
  process.stderr.write(`${r.sent} sent: ${r.accepted} acknowledged (AA), ${r.refused.length} refused (AR), ${r.resent} resend(s)\n`);
  for (const x of r.refused.slice(0, 10)) process.stderr.write(`  ${x.controlId}: ${x.reason}\n`);
  if (controller.signal.aborted) return EXIT.interrupted;
  return r.refused.length > 0 ? EXIT.failed : EXIT.ok;
}
