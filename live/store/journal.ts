/**
 * The live twin's durable journal: every message accepted, in one SQLite file
 * (WAL, synchronous=FULL, so a committed insert survives a crash or a power
 * cut). A message is acknowledged only after its insert has committed (the
 * messages that arrive together commit in one transaction: one fsync); the
 * control id is unique, so a resend stores nothing. The state is a fold over
 * this table (see live-state.ts): nothing else needs to be kept.
 *
 * An existing file that is not a sound journal of ours is refused, never
 * recreated: it may be the only copy of what the hospital sent.
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';

/** "HTTJ" in the file's header (PRAGMA application_id): this file is a hospital-twin journal. */
const APPLICATION_ID = 0x4854544a;
const SCHEMA_VERSION = 1;

export type MessageSource = 'hl7' | 'fhir';

export interface JournalEntry {
  /** Arrival order (1, 2, ...): ties in event time apply in this order. */
  seq: number;
  controlId: string;
  source: MessageSource;
  /** Event time, minutes since 1970 on the hospital's clock. */
  eventMinutes: number;
  /** The message as received (HL7 text, or a FHIR Bundle's JSON). */
  raw: string;
}

/** A store file that cannot be used: the service does not start (exit 2). */
export class JournalError extends Error {
  override readonly name = 'JournalError';
}

export class Journal {
  private readonly insert: Database.Statement;
  private readonly countStmt: Database.Statement;
  private readonly many: (es: readonly Omit<JournalEntry, 'seq'>[], receivedAt: string) => (JournalEntry | undefined)[];

  private constructor(private readonly db: Database.Database) {
    this.insert = db.prepare('INSERT OR IGNORE INTO messages (control_id, source, event_minutes, received_at, raw) VALUES (?, ?, ?, ?, ?)');
    this.countStmt = db.prepare('SELECT count(*) AS n FROM messages');
    this.many = db.transaction((es: readonly Omit<JournalEntry, 'seq'>[], receivedAt: string) => es.map((e) => this.append(e, receivedAt)));
  }

  /** Opens the journal at `path`, creating it only if no file is there. */
  static open(path: string): Journal {
    const fresh = !existsSync(path);
    let db: Database.Database;
    try {
      db = new Database(path, { fileMustExist: !fresh });
    } catch (e) {
      throw new JournalError(`${path}: cannot be opened as the store (${message(e)})`);
    }
    try {
      if (fresh) create(db);
      else check(db, path);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      return new Journal(db);
    } catch (e) {
      db.close();
      if (e instanceof JournalError) throw e;
      throw new JournalError(
        `${path}: cannot be used as the store (${message(e)}); it was left as it is. If the file is damaged, restore it from a backup, or give --store a new file name to start an empty journal`,
      );
    }
  }

  /** Stores a message durably; false if its control id is already in (a resend: nothing changes). Throws if it could not be stored. */
  append(e: Omit<JournalEntry, 'seq'>, receivedAt: string): JournalEntry | undefined {
    const r = this.insert.run(e.controlId, e.source, e.eventMinutes, receivedAt, e.raw);
    return r.changes === 0 ? undefined : { ...e, seq: Number(r.lastInsertRowid) };
  }

  /**
   * Stores several messages in one transaction (one fsync: a group commit);
   * each result as `append`'s. All or nothing: if it throws, none is stored.
   */
  appendMany(es: readonly Omit<JournalEntry, 'seq'>[], receivedAt: string): (JournalEntry | undefined)[] {
    const r = this.many(es, receivedAt);
    this.groups++;
    return r;
  }

  /** Group commits made since opening (tests: messages that arrive together share one). */
  groups = 0;

  /** Every entry, in arrival order. */
  *entries(): Generator<JournalEntry> {
    const rows = this.db
      .prepare('SELECT seq, control_id AS controlId, source, event_minutes AS eventMinutes, raw FROM messages ORDER BY seq')
      .iterate() as Iterable<JournalEntry>;
    for (const r of rows) yield r;
  }

  get count(): number {
    return (this.countStmt.get() as { n: number }).n;
  }

  /** Caps the file at `pages` pages (tests: a full disk without a tmpfs). */
  limitPages(pages: number): void {
    this.db.pragma(`max_page_count = ${Math.floor(pages)}`);
  }

  close(): void {
    this.db.close();
  }
}

function create(db: Database.Database): void {
  db.exec(`
    CREATE TABLE messages (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      control_id TEXT NOT NULL UNIQUE,
      source TEXT NOT NULL CHECK (source IN ('hl7', 'fhir')),
      event_minutes REAL NOT NULL,
      received_at TEXT NOT NULL,
      raw TEXT NOT NULL
    );
  `);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma(`user_version = ${SCHEMA_VERSION}`);
}

function check(db: Database.Database, path: string): void {
  const id = db.pragma('application_id', { simple: true }) as number;
  if (id !== APPLICATION_ID)
    throw new JournalError(`${path}: is an SQLite file but not a hospital-twin store (application id ${id}); it was left as it is: give --store another file`);
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version !== SCHEMA_VERSION) throw new JournalError(`${path}: is a store of version ${version}; this build reads version ${SCHEMA_VERSION}`);
  const problems = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check).filter((r) => r !== 'ok');
  if (problems.length > 0) throw new Error(`integrity check: ${problems.slice(0, 3).join('; ')}`);
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
