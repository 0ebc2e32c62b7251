import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/page-header';
import { Button } from '@/components/ui/button';
import { getAccount, getChannelAudit, type AuditEvent } from '@/lib/api';
import { displayClock } from '@/lib/display-clock';
import { formatInstant, instantToWallTime, wallTimeToInstant } from '@/lib/time';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('audit'))('title') };
}

type Translate = Awaited<ReturnType<typeof getTranslations<'audit'>>>;

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ at?: string }> }) {
  const account = await getAccount();
  const { at: wall } = await searchParams;
  // The picker has whole seconds, as the timeline shows them: "as of 11:26:19" includes that second.
  const picked = wall ? wallTimeToInstant(wall, account.timeZone) : null;
  const at = picked ? new Date(picked.getTime() + 999) : null;
  const audit = await getChannelAudit(at?.toISOString());
  const state = audit.state;
  const t = await getTranslations('audit');
  const clock = await displayClock(account);

  return (
    <>
      <PageHeader title={t('title')} description={t('description', { timeZone: account.timeZone })} />
      <div className="grid grid-cols-1 gap-6 p-4 sm:p-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <section aria-labelledby="timeline-heading" className="flex flex-col gap-3">
          <div className="flex items-center justify-between gap-3">
            <h2 id="timeline-heading" className="text-base font-semibold">
              {audit.at ? t('timelineUpTo', { at: formatInstant(audit.at, clock) }) : t('timeline')}
            </h2>
            <span
              data-testid="chain-status"
              className={`rounded-full px-2 py-0.5 text-xs font-medium ${audit.chain.intact ? 'bg-emerald-50 text-emerald-700' : 'bg-rose-50 text-rose-700'}`}
            >
              {audit.chain.intact ? t('chainIntact') : t('chainBroken')}
            </span>
          </div>
          {audit.events.length === 0 ? (
            <p className="text-sm text-slate-600">{audit.at ? t('noEventsUpTo') : t('noEvents')}</p>
          ) : (
            <ol className="flex flex-col divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
              {audit.events.map((event) => (
                <li key={`${event.stream}-${event.revision}`} className="flex flex-col gap-1 px-4 py-3 text-sm" data-testid="audit-event">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <span className="font-medium">{t.has(`events.${event.type}`) ? t(`events.${event.type}` as 'events.EmailChannelCreated') : event.type}</span>
                    <time dateTime={event.at} className="text-slate-500">
                      {formatInstant(event.at, clock)}
                    </time>
                  </div>
                  <p className="text-slate-600">
                    {t.rich('byRequest', { actor: describeActor(event, t), requestId: event.requestId, mono: (chunks) => <span className="font-mono text-xs">{chunks}</span> })}
                  </p>
                  <Details event={event} />
                </li>
              ))}
            </ol>
          )}
        </section>
        <aside className="flex flex-col gap-4">
          <form className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4" method="get">
            <label htmlFor="at" className="text-sm font-medium">
              {t('stateAsOf')}
            </label>
            <input
              id="at"
              name="at"
              type="datetime-local"
              step="1"
              defaultValue={audit.at ? instantToWallTime(audit.at, account.timeZone) : ''}
              className="rounded-md border border-slate-300 px-3 py-2 text-sm"
            />
            <div className="flex gap-2">
              <Button type="submit">{t('show')}</Button>
              {audit.at ? (
                <a href="/audit" className="rounded-md px-3 py-2 text-sm text-slate-600 hover:bg-slate-100">
                  {t('now')}
                </a>
              ) : null}
            </div>
          </form>
          <section aria-labelledby="state-heading" className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
            <h2 id="state-heading" className="mb-3 font-semibold">
              {audit.at ? t('stateAt', { at: formatInstant(audit.at, clock) }) : t('currentState')}
            </h2>
            <dl className="grid grid-cols-[8rem_1fr] gap-y-1" data-testid="audit-state">
              <dt className="text-slate-500">{t('state.email')}</dt>
              <dd>{state.email.enabled ? t('state.enabled') : t('state.disabled')}</dd>
              <dt className="text-slate-500">{t('state.subject')}</dt>
              <dd>{state.email.defaultSubject ?? '—'}</dd>
              <dt className="text-slate-500">{t('state.fromName')}</dt>
              <dd>{state.email.fromName ?? '—'}</dd>
              <dt className="text-slate-500">{t('state.replies')}</dt>
              <dd>{state.email.plainTextOnly ? t('state.plainTextOnly') : t('state.formatted')}</dd>
              <dt className="text-slate-500">{t('state.signature')}</dt>
              <dd className="whitespace-pre-line">{state.email.signature || '—'}</dd>
              <dt className="text-slate-500">{t('state.replySubject')}</dt>
              <dd>{state.email.replySubject === null ? '—' : state.email.replySubject === 'thread' ? t('state.threadSubject') : t('state.defaultSubject')}</dd>
              <dt className="text-slate-500">{t('state.quoteHistory')}</dt>
              <dd>{state.email.quoteHistory === null ? '—' : state.email.quoteHistory ? t('state.on') : t('state.off')}</dd>
              <dt className="text-slate-500">{t('state.address')}</dt>
              <dd className="break-all">{state.email.forwardingAddress ?? '—'}</dd>
              <dt className="text-slate-500">{t('state.chat')}</dt>
              <dd>{state.chat.enabled ? t('state.enabled') : t('state.disabled')}</dd>
            </dl>
          </section>
        </aside>
      </div>
    </>
  );
}

function describeActor(event: AuditEvent, t: Translate): string {
  const actor = event.actor;
  if (!actor) return t('actor.unknown');
  if ('system' in actor) return actor.system === 'open-email-channel' ? t('actor.accountOpened') : t('actor.system', { process: actor.system });
  return t('actor.user', { name: actor.name ?? actor.userId, role: actor.role });
}

function Details({ event }: { event: AuditEvent }) {
  const entries = Object.entries(event.data).filter(([key]) => key !== 'accountId');
  if (entries.length === 0) return null;
  return (
    <dl className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-500">
      {entries.map(([key, value]) => (
        <div key={key} className="flex gap-1">
          <dt>{key}:</dt>
          <dd className="font-mono text-slate-700">{String(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
