import { Inject, Injectable } from '@nestjs/common';
import { READ_MODEL_DB } from '../../../shared/event-store/event-store.module';
import type { SqliteDatabase } from '../../../shared/sqlite/open-sqlite';
import type { FormField } from '../domain/form.decider';

export interface FormView {
  id: string;
  name: string;
  fields: FormField[];
  createdAt: string;
  updatedAt: string;
  submissions: number;
  lastSubmittedAt: string | null;
}

interface FormRow {
  id: string;
  account_id: string;
  name: string;
  fields: string;
  created_at: string;
  updated_at: string;
  submissions: number;
  last_submitted_at: string | null;
}

const view = (row: FormRow): FormView => ({
  id: row.id,
  name: row.name,
  fields: JSON.parse(row.fields) as FormField[],
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  submissions: row.submissions,
  lastSubmittedAt: row.last_submitted_at,
});

@Injectable()
export class FormsQueries {
  constructor(@Inject(READ_MODEL_DB) private readonly db: SqliteDatabase) {}

  list(accountId: string): FormView[] {
    return (this.db.prepare('SELECT * FROM forms WHERE account_id = ? ORDER BY name, id').all(accountId) as FormRow[]).map(view);
  }

  form(accountId: string, id: string): FormView | null {
    const row = this.db.prepare('SELECT * FROM forms WHERE account_id = ? AND id = ?').get(accountId, id) as FormRow | undefined;
    return row ? view(row) : null;
  }

  /** For the public routes, which know no account: the form and the account it belongs to. */
  publicForm(id: string): (FormView & { accountId: string }) | null {
    const row = this.db.prepare('SELECT * FROM forms WHERE id = ?').get(id) as FormRow | undefined;
    return row ? { ...view(row), accountId: row.account_id } : null;
  }
}
