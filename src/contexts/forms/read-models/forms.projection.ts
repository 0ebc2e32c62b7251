import type { RecordedEvent } from '../../../shared/event-store/event-store.port';
import type { Projection } from '../../../shared/projections/projection';
import { prepared, type SqliteDatabase } from '../../../shared/sqlite/open-sqlite';
import type { FormEvent } from '../domain/form.decider';
import type { FormSubmissionEvent } from '../domain/form-submission.decider';

/** Form definitions as admins list them and the public submission route reads them, with a submission count. */
export class FormsProjection implements Projection {
  readonly name = 'forms';
  readonly version = 1;

  setUp(db: SqliteDatabase): void {
    db.exec(`
      CREATE TABLE IF NOT EXISTS forms (
        id TEXT PRIMARY KEY, account_id TEXT NOT NULL, name TEXT NOT NULL, fields TEXT NOT NULL, created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL, submissions INTEGER NOT NULL, last_submitted_at TEXT
      ) STRICT;
      CREATE INDEX IF NOT EXISTS forms_by_account ON forms (account_id, name);
    `);
  }

  tearDown(db: SqliteDatabase): void {
    db.exec('DROP TABLE IF EXISTS forms;');
  }

  apply(recorded: RecordedEvent, db: SqliteDatabase): void {
    const event = { type: recorded.type, data: recorded.data } as FormEvent | FormSubmissionEvent;
    const at = recorded.metadata.occurredAt;
    switch (event.type) {
      case 'FormCreated': {
        const d = event.data;
        prepared(db, 'INSERT OR IGNORE INTO forms VALUES (?, ?, ?, ?, ?, ?, 0, NULL)').run(d.formId, d.accountId, d.name, JSON.stringify(d.fields), at, at);
        return;
      }
      case 'FormChanged': {
        const d = event.data;
        prepared(db, 'UPDATE forms SET name = ?, fields = ?, updated_at = ? WHERE id = ?').run(d.name, JSON.stringify(d.fields), at, d.formId);
        return;
      }
      case 'FormSubmitted':
        prepared(db, 'UPDATE forms SET submissions = submissions + 1, last_submitted_at = ? WHERE id = ?').run(event.data.submittedAt, event.data.formId);
        return;
      default:
        return;
    }
  }
}
