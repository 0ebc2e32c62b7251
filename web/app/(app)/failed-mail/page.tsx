import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/page-header';
import { getAccount, getFailedMail, type FailedMailStatus } from '@/lib/api';
import { displayClock } from '@/lib/display-clock';
import { formatInstant } from '@/lib/time';
import { ReprocessButton } from './reprocess-button';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('failedMail'))('title') };
}

const STATUS: Record<FailedMailStatus, { className: string }> = {
  unparsed: { className: 'bg-rose-50 text-rose-700' },
  unrouted: { className: 'bg-amber-50 text-amber-800' },
  'not-shown': { className: 'bg-slate-100 text-slate-700' },
};

export default async function FailedMailPage() {
  const [account, items] = await Promise.all([getAccount(), getFailedMail()]);
  const t = await getTranslations('failedMail');
  const clock = await displayClock(account);
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
      />
      <section className="p-6">
        {items.length === 0 ? (
          <p className="rounded-lg border border-slate-200 bg-white px-4 py-10 text-center text-sm text-slate-600">{t('empty')}</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
            {items.map((item) => (
              <li key={item.id} className="flex flex-wrap items-start justify-between gap-4 px-4 py-3 text-sm" data-testid="failed-mail">
                <div className="flex min-w-0 flex-col gap-1">
                  <p className="flex flex-wrap items-center gap-2 font-medium">
                    {item.subject || t('noSubject')}
                    {STATUS[item.status] ? (
                      <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS[item.status].className}`} data-testid="failed-mail-status">
                        {t(`status.${item.status}`)}
                      </span>
                    ) : null}
                  </p>
                  <p className="text-slate-600">
                    {t('meta', { from: item.from ?? t('unknownSender'), at: formatInstant(item.receivedAt, clock), via: item.via.toUpperCase(), kb: Math.ceil(item.size / 1024) })}
                  </p>
                  {item.parked && item.parked.length > 0 ? (
                    <ul className="flex flex-col gap-1 text-rose-700">
                      {item.parked.map((parked) => (
                        <li key={parked.id}>
                          {t.rich('parked', {
                            subscription: parked.subscription,
                            eventType: parked.eventType,
                            attempts: parked.attempts,
                            error: parked.error,
                            strong: (chunks) => <span className="font-medium">{chunks}</span>,
                          })}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="text-rose-700">{item.reason}</p>
                  )}
                </div>
                <div className="flex items-start gap-3">
                  <a className="rounded-md px-3 py-2 text-sm font-medium text-brand-600 hover:bg-brand-50" href={`/api/failed-mail/${item.id}/raw`}>
                    {t('download')}
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
