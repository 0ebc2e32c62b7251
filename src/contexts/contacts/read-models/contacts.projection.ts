import type { RecordedEvent } from '../../../shared/event-store/event-store.port';
import type { Projection } from '../../../shared/projections/projection';
import { prepared, type SqliteDatabase } from '../../../shared/sqlite/open-sqlite';
import type { ContactEvent } from '../domain/contact.decider';
import type { ChatVisitorIdentified, ConversationStarted } from '../../conversations/contract';
import type { FormSubmitted } from '../../forms/contract';
import { contactIdFor } from '../domain/contact.decider';

/**
 * Contacts, their conversations (from Conversations' events) and their "Recent activity" (created,
 * details changed, forms, chats). Email conversations are listed apart and never in recent activity.
 */
export class ContactsProjection implements Projection {
  readonly name = 'contacts';
  readonly version = 2;

  setUp(db: SqliteDatabase): void {
    db.exec(`
      CREATE TABLE IF NOT EXISTS contacts (
        id TEXT PRIMARY KEY, account_id TEXT NOT NULL, name TEXT NOT NULL, email TEXT NOT NULL, source TEXT NOT NULL, created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX IF NOT EXISTS contacts_by_account ON contacts (account_id, name);
      CREATE TABLE IF NOT EXISTS contact_activity (
        contact_id TEXT NOT NULL, type TEXT NOT NULL, at TEXT NOT NULL, details TEXT NOT NULL
      ) STRICT;
      CREATE INDEX IF NOT EXISTS activity_by_contact ON contact_activity (contact_id, at);
      CREATE TABLE IF NOT EXISTS contact_conversations (
        contact_id TEXT NOT NULL, conversation_id TEXT NOT NULL, channel TEXT NOT NULL, subject TEXT NOT NULL, started_at TEXT NOT NULL,
        PRIMARY KEY (contact_id, conversation_id)
      ) STRICT;
    `);
  }

  tearDown(db: SqliteDatabase): void {
    db.exec('DROP TABLE IF EXISTS contacts; DROP TABLE IF EXISTS contact_activity; DROP TABLE IF EXISTS contact_conversations;');
  }

  apply(recorded: RecordedEvent, db: SqliteDatabase): void {
    const event = { type: recorded.type, data: recorded.data } as ContactEvent | ConversationStarted | ChatVisitorIdentified | FormSubmitted;
    if (event.type === 'FormSubmitted') {
      const f = event.data;
      const details = { formId: f.formId, formName: f.formName, conversationId: f.conversationId };
      prepared(db, "INSERT INTO contact_activity VALUES (?, 'form_submitted', ?, ?)").run(contactIdFor(f.accountId, f.contact.email), f.submittedAt, JSON.stringify(details));
      return;
    }
    if (event.type === 'ConversationStarted' || event.type === 'ChatVisitorIdentified') {
      const c = event.data;
      // An anonymous chat visitor is no contact yet: the conversation joins a contact once they leave an email.
      if (!c.contact.email) return;
      const channel = event.type === 'ConversationStarted' ? event.data.channel : 'chat';
      const linked = prepared(db, 'INSERT OR IGNORE INTO contact_conversations VALUES (?, ?, ?, ?, ?)').run(c.contact.id, c.conversationId, channel, c.subject || '(no subject)', c.startedAt);
      // Email conversations are listed apart and never in recent activity; a chat is activity.
      if (channel === 'chat' && linked.changes > 0) {
        prepared(db, "INSERT INTO contact_activity VALUES (?, 'chat_started', ?, ?)").run(c.contact.id, c.startedAt, JSON.stringify({ conversationId: c.conversationId }));
      }
      return;
    }
    if (event.type !== 'ContactCreated') return;
    const d = event.data;
    const at = recorded.metadata.occurredAt;
    const inserted = prepared(db, 'INSERT OR IGNORE INTO contacts VALUES (?, ?, ?, ?, ?, ?)').run(d.contactId, d.accountId, d.name, d.email, d.source, at);
    if (inserted.changes > 0) {
      prepared(db, "INSERT INTO contact_activity VALUES (?, 'created', ?, ?)").run(d.contactId, at, JSON.stringify({ source: d.source }));
    }
  }
}
