'use client';

import { useActionState } from 'react';
import { actOnConversation } from '@/app/actions/conversation.actions';
import { initialFormState } from '@/app/actions/form-state';
import { Button } from '@/components/ui/button';

export function ConversationActions({ id, status, assignee, me }: { id: string; status: 'open' | 'closed'; assignee: string | null; me: string }) {
  const [state, act, pending] = useActionState(actOnConversation, initialFormState);
  const button = (action: string, label: string, variant: 'primary' | 'secondary' = 'secondary') => (
    <Button type="submit" name="action" value={action} variant={variant} disabled={pending}>
      {label}
    </Button>
  );
  return (
    <form action={act} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="userId" value={me} />
      {assignee === me ? button('unassign', 'Unassign me') : button('assign', 'Assign to me')}
      {status === 'open' ? button('close', 'Close', 'primary') : button('reopen', 'Reopen', 'primary')}
      {state.message && !state.done ? (
        <span role="alert" className="text-sm text-rose-600">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
