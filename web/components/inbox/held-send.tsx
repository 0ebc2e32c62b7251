'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import type { ArrivedMessage } from '@/lib/api';

/**
 * A reply the API held because the thread changed while the agent wrote: what arrived, then "Send
 * anyway" (the same form, with force) or "Edit" (back to the text, now caught up with the thread).
 */
export function HeldSend({
  arrived,
  message,
  pending,
  onEdit,
  timeZone,
}: {
  arrived: ArrivedMessage[];
  message?: string;
  pending: boolean;
  onEdit: () => void;
  /** The account's time zone: when each message arrived, on its clock. */
  timeZone?: string;
}) {
  const t = useTranslations('thread.held');
  const format = useFormatter();
  return (
    <div role="alert" className="flex flex-col gap-3 border-t border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-950" data-testid="held-send">
      <p className="font-medium">{message ?? t('default')}</p>
      <ul className="flex flex-col gap-2" aria-label={t('arrived')}>
        {arrived.map((item) => (
          <li key={item.id} className="rounded-md border border-amber-200 bg-white px-3 py-2" data-testid="arrived-message">
            <p className="text-xs text-slate-600">
              {t.rich('did', {
                name: item.from || t('someone'),
                kind: item.kind,
                b: (chunks) => <span className="font-semibold text-slate-800">{chunks}</span>,
                time: () => <time dateTime={item.at}>{format.dateTime(new Date(item.at), { hour: '2-digit', minute: '2-digit', timeZone })}</time>,
              })}
            </p>
            <p className="mt-1 text-slate-800">{item.excerpt}</p>
          </li>
        ))}
      </ul>
      <div className="flex gap-2">
        <Button type="submit" name="force" value="true" disabled={pending}>
          {t('sendAnyway')}
        </Button>
        <Button type="button" variant="secondary" onClick={onEdit}>
          {t('edit')}
        </Button>
      </div>
    </div>
  );
}
