import type { Metadata } from 'next';
import { PageHeader } from '@/components/page-header';
import { getAccount, getFailedMail, type FailedMailStatus } from '@/lib/api';
import { formatInstant } from '@/lib/time';
import { ReprocessButton } from './reprocess-button';

export const metadata: Metadata = { title: 'Failed mail' };

const STATUS: Record<FailedMailStatus, { label: string; className: string }> = {
  unparsed: { label: 'Could not be read', className: 'bg-rose-50 text-rose-700' },
  unrouted: { label: 'No conversation to put it in', className: 'bg-amber-50 text-amber-800' },
  'not-shown': { label: 'Received but could not be shown', className: 'bg-slate-100 text-slate-700' },
};

export default async function FailedMailPage() {
  const [account, items] = await Promise.all([getAccount(), getFailedMail()]);
  return (
    <>
      <PageHeader
        title="Failed mail"
        description="Mail that was accepted but could not be parsed, placed in a conversation, or shown. Nothing here is lost."
      />
      <section className="p-6">
        {items.length === 0 ? (
          <p className="rounded-lg border border-slate-200 bg-white px-4 py-10 text-center text-sm text-slate-600">No failed mail. Everything that arrived is in the inbox.</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
            {items.map((item) => (
              <li key={item.id} className="flex flex-wrap items-start justify-between gap-4 px-4 py-3 text-sm" data-testid="failed-mail">
                <div className="flex min-w-0 flex-col gap-1">
                  <p className="flex flex-wrap items-center gap-2 font-medium">
                    {item.subject || '(no subject)'}
                    {STATUS[item.status] ? (
                      <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS[item.status].className}`} data-testid="failed-mail-status">
                        {STATUS[item.status].label}
                      </span>
                    ) : null}
                  </p>
                  <p className="text-slate-600">
                    {item.from ?? 'unknown sender'} · {formatInstant(item.receivedAt, account)} · via {item.via.toUpperCase()} · {Math.ceil(item.size / 1024)} KB
                  </p>
                  {item.parked && item.parked.length > 0 ? (
                    <ul className="flex flex-col gap-1 text-rose-700">
                      {item.parked.map((parked) => (
                        <li key={parked.id}>
                          <span className="font-medium">{parked.subscription}</span> ({parked.eventType}, {parked.attempts} attempts): {parked.error}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="text-rose-700">{item.reason}</p>
                  )}
                </div>
                <div className="flex items-start gap-3">
                  <a className="rounded-md px-3 py-2 text-sm font-medium text-brand-600 hover:bg-brand-50" href={`/api/failed-mail/${item.id}/raw`}>
                    Download .eml
                  </a>
                  <ReprocessButton id={item.id} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
