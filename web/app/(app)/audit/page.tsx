import type { Metadata } from 'next';
import { PageHeader } from '@/components/page-header';
import { Button } from '@/components/ui/button';
import { getAccount, getChannelAudit, type AuditEvent } from '@/lib/api';
import { formatInstant, instantToWallTime, wallTimeToInstant } from '@/lib/time';

export const metadata: Metadata = { title: 'Audit' };

const EVENT_LABELS: Record<string, string> = {
  EmailChannelCreated: 'Email channel created',
  EmailChannelEnabled: 'Email enabled',
  EmailChannelDisabled: 'Email disabled',
  DefaultSubjectChanged: 'Default subject changed',
  FromNameChanged: 'From name changed',
  PlainTextOnlyChanged: 'Plain text replies switched',
  ChannelSignatureChanged: 'Signature changed',
  ReplySubjectChanged: 'Reply subject changed',
  QuoteHistoryChanged: 'Quoted history switched',
  ForwardingAddressClaimed: 'Forwarding address claimed',
  ChatChannelEnabled: 'Chat enabled',
  ChatChannelDisabled: 'Chat disabled',
};

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ at?: string }> }) {
  const account = await getAccount();
  const { at: wall } = await searchParams;
  // The picker has whole seconds, as the timeline shows them: "as of 11:26:19" includes that second.
  const picked = wall ? wallTimeToInstant(wall, account.timeZone) : null;
  const at = picked ? new Date(picked.getTime() + 999) : null;
  const audit = await getChannelAudit(at?.toISOString());
  const state = audit.state;

  return (
    <>
      <PageHeader title="Audit" description={`Channel configuration history · times in ${account.timeZone}`} />
      <div className="grid grid-cols-1 gap-6 p-4 sm:p-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <section aria-labelledby="timeline-heading" className="flex flex-col gap-3">
          <div className="flex items-center justify-between gap-3">
            <h2 id="timeline-heading" className="text-base font-semibold">
              Timeline{audit.at ? ` up to ${formatInstant(audit.at, account)}` : ''}
            </h2>
            <span
              data-testid="chain-status"
              className={`rounded-full px-2 py-0.5 text-xs font-medium ${audit.chain.intact ? 'bg-emerald-50 text-emerald-700' : 'bg-rose-50 text-rose-700'}`}
            >
              {audit.chain.intact ? 'Hash chain intact' : 'Hash chain broken: history was altered'}
            </span>
          </div>
          {audit.events.length === 0 ? (
            <p className="text-sm text-slate-600">No configuration events{audit.at ? ' up to this moment' : ''}.</p>
          ) : (
            <ol className="flex flex-col divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
              {audit.events.map((event) => (
                <li key={`${event.stream}-${event.revision}`} className="flex flex-col gap-1 px-4 py-3 text-sm" data-testid="audit-event">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <span className="font-medium">{EVENT_LABELS[event.type] ?? event.type}</span>
                    <time dateTime={event.at} className="text-slate-500">
                      {formatInstant(event.at, account)}
                    </time>
                  </div>
                  <p className="text-slate-600">
                    {describeActor(event)} · request <span className="font-mono text-xs">{event.requestId}</span>
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
              State as of
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
              <Button type="submit">Show</Button>
              {audit.at ? (
                <a href="/audit" className="rounded-md px-3 py-2 text-sm text-slate-600 hover:bg-slate-100">
                  Now
                </a>
              ) : null}
            </div>
          </form>
          <section aria-labelledby="state-heading" className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
            <h2 id="state-heading" className="mb-3 font-semibold">
              {audit.at ? `State at ${formatInstant(audit.at, account)}` : 'Current state'}
            </h2>
            <dl className="grid grid-cols-[8rem_1fr] gap-y-1" data-testid="audit-state">
              <dt className="text-slate-500">Email</dt>
              <dd>{state.email.enabled ? 'Enabled' : 'Disabled'}</dd>
              <dt className="text-slate-500">Subject</dt>
              <dd>{state.email.defaultSubject ?? '—'}</dd>
              <dt className="text-slate-500">From name</dt>
              <dd>{state.email.fromName ?? '—'}</dd>
              <dt className="text-slate-500">Replies</dt>
              <dd>{state.email.plainTextOnly ? 'Plain text only' : 'Formatted, with plain text'}</dd>
              <dt className="text-slate-500">Signature</dt>
              <dd className="whitespace-pre-line">{state.email.signature || '—'}</dd>
              <dt className="text-slate-500">Reply subject</dt>
              <dd>{state.email.replySubject === null ? '—' : state.email.replySubject === 'thread' ? 'Re: customer’s subject' : 'Default subject'}</dd>
              <dt className="text-slate-500">Quoted history</dt>
              <dd>{state.email.quoteHistory === null ? '—' : state.email.quoteHistory ? 'On' : 'Off'}</dd>
              <dt className="text-slate-500">Address</dt>
              <dd className="break-all">{state.email.forwardingAddress ?? '—'}</dd>
              <dt className="text-slate-500">Chat</dt>
              <dd>{state.chat.enabled ? 'Enabled' : 'Disabled'}</dd>
            </dl>
          </section>
        </aside>
      </div>
    </>
  );
}

function describeActor(event: AuditEvent): string {
  const actor = event.actor;
  if (!actor) return 'unknown';
  if ('system' in actor) return actor.system === 'open-email-channel' ? 'System, because the account opened' : `System (${actor.system})`;
  return `${actor.name ?? actor.userId} (${actor.role.replace('_', ' ')})`;
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
