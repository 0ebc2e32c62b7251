import type { EventStore, FromPosition, Position, RecordedEvent } from '../../../shared/event-store/event-store.port';
import { prepared, type SqliteDatabase } from '../../../shared/sqlite/open-sqlite';
import { DIRECTORY_EVENT_TYPES, directoryEntriesOf, type DirectoryEntry, type ThreadKeyKind } from '../domain/thread-directory';
import type { ThreadCandidate } from '../domain/threading';

/** Bump it when the tables or the meaning of an entry change: the directory is then built again from the log. */
const VERSION = 1;
const PAGE = 1000;
/** How many recent inbound mails a build remembers to date the decisions they caused (see buildFrom). */
const RECENT_CAUSES = 10_000;

/** The directory's contents without the positions that wrote them: what a build from the log must reproduce. */
export interface DirectorySnapshot {
  keys: Array<{ accountId: string; keyKind: ThreadKeyKind; key: string; conversationId: string }>;
  participants: Array<{ conversationId: string; address: string }>;
  contacts: Array<{ accountId: string; contactPrefix: string; conversationId: string; email: string; startedAt: string }>;
}

/**
 * Threading's own record of where mail belongs, kept by the threading process manager in the
 * database that holds its checkpoint: (account, key kind, key) → conversation, each conversation's
 * participants, and the conversations of each contact (by the contact id prefix a contact reply
 * token names).
 *
 * Every row carries `source`, the log position of the event that wrote it (the smallest, when
 * several did). A lookup made while deciding the event at position P sees only rows from before
 * P, so handling an event again, after a crash or a failed batch, decides exactly as the first
 * time, even though its own entries (and later ones) may already be here. Every write is an
 * idempotent upsert: a key stays with the first conversation that claimed it, participants and
 * contacts only add rows, and a contact a conversation leaves is closed with `until`.
 */
export class ThreadDirectory {
  private built = false;

  constructor(private readonly db: SqliteDatabase) {
    const version = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'thread_directory_meta'").get()
      ? (db.prepare("SELECT value FROM thread_directory_meta WHERE name = 'version'").pluck().get() as number | undefined)
      : undefined;
    if (version === VERSION) return;
    db.transaction(() => {
      db.exec(`
        DROP TABLE IF EXISTS thread_directory_keys; DROP TABLE IF EXISTS thread_directory_participants;
        DROP TABLE IF EXISTS thread_directory_contacts; DROP TABLE IF EXISTS thread_directory_meta;
        CREATE TABLE thread_directory_meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL) STRICT;
        CREATE TABLE thread_directory_keys (
          account_id TEXT NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL, conversation_id TEXT NOT NULL, source INTEGER NOT NULL,
          PRIMARY KEY (account_id, kind, key)
        ) STRICT;
        CREATE TABLE thread_directory_participants (
          conversation_id TEXT NOT NULL, address TEXT NOT NULL, source INTEGER NOT NULL, PRIMARY KEY (conversation_id, address)
        ) STRICT;
        CREATE TABLE thread_directory_contacts (
          account_id TEXT NOT NULL, contact_prefix TEXT NOT NULL, conversation_id TEXT NOT NULL, email TEXT NOT NULL,
          started_at TEXT NOT NULL, source INTEGER NOT NULL, until INTEGER, PRIMARY KEY (account_id, contact_prefix, conversation_id)
        ) STRICT;
        CREATE INDEX thread_directory_contacts_by_conversation ON thread_directory_contacts (conversation_id);
      `);
      db.prepare("INSERT INTO thread_directory_meta VALUES ('version', ?), ('built', 0)").run(VERSION);
    })();
  }

  /**
   * False until the directory has been built from the log: a new database beside an existing log
   * (an upgrade from the builds that threaded by the read models, a restore, a new version).
   */
  isBuilt(): boolean {
    // Once built it stays built (a new version starts over in the constructor): ask the database only until then.
    this.built ||= prepared(this.db, "SELECT value FROM thread_directory_meta WHERE name = 'built'").pluck().get() === 1;
    return this.built;
  }

  /**
   * Folds every directory event of the log into this directory (idempotent: upserts) and marks it
   * built. A conversation event that a threading decision caused is dated by that decision's mail,
   * as the live directory dates it, when the mail is among the recent ones: a mail handled again
   * after the build (it was after the checkpoint) then sees the decisions of the mails before it,
   * and no others, as it did the first time.
   */
  async buildFrom(store: EventStore): Promise<number> {
    const causes = new Map<string, Position>();
    let from: FromPosition = 'start';
    let folded = 0;
    for (;;) {
      const page = await store.readAll({ fromPosition: from, maxCount: PAGE });
      const fresh: RecordedEvent[] = from === 'start' ? page : page.filter((event) => event.position > (from as Position));
      if (fresh.length === 0) break;
      this.db.transaction(() => {
        for (const event of fresh) {
          if (event.type === 'InboundMailAccepted') {
            causes.set(event.metadata.eventId, event.position);
            if (causes.size > RECENT_CAUSES) causes.delete(causes.keys().next().value as string);
            continue;
          }
          if (!(DIRECTORY_EVENT_TYPES as readonly string[]).includes(event.type)) continue;
          const cause = event.metadata.causationId ? causes.get(event.metadata.causationId) : undefined;
          this.record(directoryEntriesOf(event), cause !== undefined && cause < event.position ? cause : event.position);
          folded += 1;
        }
      })();
      from = fresh[fresh.length - 1].position;
    }
    prepared(this.db, "UPDATE thread_directory_meta SET value = 1 WHERE name = 'built'").run();
    return folded;
  }

  /** Writes `entries`, which the event at `source` made; the caller holds the transaction. */
  record(entries: readonly DirectoryEntry[], source: Position): void {
    for (const entry of entries) {
      switch (entry.kind) {
        case 'key':
          prepared(
            this.db,
            `INSERT INTO thread_directory_keys VALUES (?, ?, ?, ?, ?) ON CONFLICT (account_id, kind, key)
             DO UPDATE SET source = min(source, excluded.source) WHERE conversation_id = excluded.conversation_id`,
          ).run(entry.accountId, entry.keyKind, entry.key, entry.conversationId, source);
          break;
        case 'participants':
          for (const address of entry.addresses) {
            prepared(
              this.db,
              `INSERT INTO thread_directory_participants VALUES (?, ?, ?) ON CONFLICT (conversation_id, address)
               DO UPDATE SET source = min(source, excluded.source)`,
            ).run(entry.conversationId, address, source);
          }
          break;
        case 'contact':
          // A conversation is with one contact at a time: whoever it was with before, it no longer is.
          prepared(this.db, 'UPDATE thread_directory_contacts SET until = ? WHERE conversation_id = ? AND contact_prefix <> ? AND until IS NULL').run(
            source, entry.conversationId, entry.contactPrefix,
          );
          prepared(
            this.db,
            `INSERT INTO thread_directory_contacts VALUES (?, ?, ?, ?, ?, ?, NULL) ON CONFLICT (account_id, contact_prefix, conversation_id)
             DO UPDATE SET source = min(source, excluded.source), email = excluded.email, until = NULL`,
          ).run(entry.accountId, entry.contactPrefix, entry.conversationId, entry.email, entry.startedAt, source);
          break;
      }
    }
  }

  /** Forgets what the events at `position` and after wrote: handling them did not (all) take effect, and they will be handled again or are parked. */
  forgetFrom(position: Position): void {
    for (const table of ['thread_directory_keys', 'thread_directory_participants', 'thread_directory_contacts']) {
      prepared(this.db, `DELETE FROM ${table} WHERE source >= ?`).run(position);
    }
    prepared(this.db, 'UPDATE thread_directory_contacts SET until = NULL WHERE until >= ?').run(position);
  }

  /** The conversation a key names, as known before the event at `before`. */
  byKey(accountId: string, keyKind: ThreadKeyKind, key: string, before: Position): ThreadCandidate | null {
    const conversationId = prepared(
      this.db,
      'SELECT conversation_id FROM thread_directory_keys WHERE account_id = ? AND kind = ? AND key = ? AND source < ?',
    ).pluck().get(accountId, keyKind, key, before) as string | undefined;
    return conversationId === undefined ? null : { conversationId, participants: this.participants(conversationId, before) };
  }

  /** The contact's latest conversation before the event at `before`, with the contact as its only participant (see ThreadLookups). */
  latestOfContact(accountId: string, contactPrefix: string, before: Position): ThreadCandidate | null {
    const row = prepared(
      this.db,
      `SELECT conversation_id, email FROM thread_directory_contacts
       WHERE account_id = ? AND contact_prefix = ? AND source < ? AND (until IS NULL OR until > ?)
       ORDER BY started_at DESC, conversation_id DESC LIMIT 1`,
    ).get(accountId, contactPrefix, before, before) as { conversation_id: string; email: string } | undefined;
    return row ? { conversationId: row.conversation_id, participants: [row.email] } : null;
  }

  snapshot(): DirectorySnapshot {
    return {
      keys: this.db
        .prepare('SELECT account_id AS accountId, kind AS keyKind, key, conversation_id AS conversationId FROM thread_directory_keys ORDER BY 1, 2, 3')
        .all() as DirectorySnapshot['keys'],
      participants: this.db
        .prepare('SELECT conversation_id AS conversationId, address FROM thread_directory_participants ORDER BY 1, 2')
        .all() as DirectorySnapshot['participants'],
      contacts: this.db
        .prepare(
          `SELECT account_id AS accountId, contact_prefix AS contactPrefix, conversation_id AS conversationId, email, started_at AS startedAt
           FROM thread_directory_contacts WHERE until IS NULL ORDER BY 1, 2, 3`,
        )
        .all() as DirectorySnapshot['contacts'],
    };
  }

  private participants(conversationId: string, before: Position): string[] {
    return prepared(this.db, 'SELECT address FROM thread_directory_participants WHERE conversation_id = ? AND source < ? ORDER BY rowid')
      .pluck()
      .all(conversationId, before) as string[];
  }
}
