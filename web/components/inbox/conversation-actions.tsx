'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useRef } from 'react';
import { actOnConversation } from '@/app/actions/conversation.actions';
import { initialFormState } from '@/app/actions/form-state';
import { Button } from '@/components/ui/button';

export function ConversationActions({
  id,
  status,
  assignee,
  me,
  assignees,
}: {
  id: string;
  status: 'open' | 'closed';
  assignee: string | null;
  me: string;
  assignees: Array<{ userId: string; name: string }>;
}) {
  const t = useTranslations('thread.actions');
  const [state, act, pending] = useActionState(actOnConversation, initialFormState);
  const assignForm = useRef<HTMLFormElement>(null);
  const button = (action: string, label: string, variant: 'primary' | 'secondary' = 'secondary') => (
    <Button type="submit" name="action" value={action} variant={variant} disabled={pending}>
      {label}
    </Button>
  );
  return (
    <div className="flex flex-wrap items-center gap-2">
      <form ref={assignForm} action={act} className="flex items-center gap-2">
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="action" value="assign" />
        <label htmlFor="assignee" className="sr-only">
          {t('assignee')}
        </label>
        <select
          id="assignee"
          name="userId"
          value={assignee ?? ''}
          disabled={pending}
          onChange={() => assignForm.current?.requestSubmit()}
          className="rounded-md border border-slate-300 bg-white px-2 py-2 text-sm text-slate-700 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30"
        >
          <option value="">{t('unassigned')}</option>
          {assignees.map((user) => (
            <option key={user.userId} value={user.userId}>
              {user.userId === me ? t('me', { name: user.name }) : user.name}
            </option>
          ))}
        </select>
      </form>
      <form action={act} className="flex flex-wrap items-center gap-2">
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="userId" value={me} />
        {assignee === me ? button('unassign', t('unassignMe')) : button('assign', t('assignToMe'))}
        {status === 'open' ? button('close', t('close'), 'primary') : button('reopen', t('reopen'), 'primary')}
      </form>
      {state.message && !state.done ? (
        <span role="alert" className="text-sm text-rose-600">
          {state.message}
        </span>
      ) : null}
    </div>
  );
}
