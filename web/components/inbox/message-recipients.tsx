import { useTranslations } from 'next-intl';
import type { ThreadMessage } from '@/lib/api';

const named = (person: { name: string; address: string }) => (person.name ? `${person.name} <${person.address}>` : person.address);

/**
 * Who a reply or a forward went to: To and Cc as the recipients saw them, and Bcc, which only the
 * team sees here (it is never in the mail's headers).
 */
export function MessageRecipients({ message }: { message: ThreadMessage }) {
  const t = useTranslations('thread.recipients');
  const rows: Array<[string, string, string]> = [
    [message.forward ? t('forwardedTo') : t('to'), message.to.map(named).join(', '), 'to'],
    ...(message.cc.length > 0 ? [[t('cc'), message.cc.map(named).join(', '), 'cc'] as [string, string, string]] : []),
    ...(message.bcc.length > 0 ? [[t('bcc'), message.bcc.map(named).join(', '), 'bcc'] as [string, string, string]] : []),
  ];
  return (
    <dl className="mb-3 grid grid-cols-[auto_1fr] gap-x-2 text-xs text-slate-600" data-testid="message-recipients">
      {rows.map(([label, value, key]) => (
        <div key={key} className="contents">
          <dt className="font-medium">
            {label}
            {key === 'bcc' ? <span className="ml-1 rounded bg-slate-200 px-1 text-[10px] uppercase text-slate-700">{t('teamOnly')}</span> : null}
          </dt>
          <dd className="break-all" data-testid={`recipients-${key}-line`}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
