'use client';

import { Button } from '@/components/ui/button';
import type { ArrivedMessage } from '@/lib/api';

const ARRIVED_AS: Record<string, string> = { reply: 'replied', note: 'added a note', chat: 'wrote in the chat', mail: 'wrote', form: 'submitted the form' };

/**
 * A reply the API held because the thread changed while the agent wrote: what arrived, then "Send
 * anyway" (the same form, with force) or "Edit" (back to the text, now caught up with the thread).
 */
export function HeldSend({ arrived, message, pending, onEdit }: { arrived: ArrivedMessage[]; message?: string; pending: boolean; onEdit: () => void }) {
  return (
    <div role="alert" className="flex flex-col gap-3 border-t border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-950" data-testid="held-send">
      <p className="font-medium">{message ?? 'Something arrived in this conversation after you started your reply.'}</p>
      <ul className="flex flex-col gap-2" aria-label="What arrived">
        {arrived.map((item) => (
          <li key={item.id} className="rounded-md border border-amber-200 bg-white px-3 py-2" data-testid="arrived-message">
            <p className="text-xs text-slate-600">
              <span className="font-semibold text-slate-800">{item.from || 'Someone'}</span> {ARRIVED_AS[item.kind] ?? `sent a ${item.kind}`} ·{' '}
              <time dateTime={item.at}>{new Date(item.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}</time>
            </p>
            <p className="mt-1 text-slate-800">{item.excerpt}</p>
          </li>
        ))}
      </ul>
      <div className="flex gap-2">
        <Button type="submit" name="force" value="true" disabled={pending}>
          Send anyway
        </Button>
        <Button type="button" variant="secondary" onClick={onEdit}>
          Edit
        </Button>
      </div>
    </div>
  );
}
