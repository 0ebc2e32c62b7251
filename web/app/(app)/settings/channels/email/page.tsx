import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ChannelSwitch } from '@/components/channels/channel-switch';
import { CopyButton } from '@/components/ui/copy-button';
import { EmailTemplatesEditor } from '@/components/channels/email-templates-editor';
import { ForwardingAddressForm } from '@/components/channels/forwarding-address-form';
import { ForwardingInstructions } from '@/components/channels/forwarding-instructions';
import { PlainTextSwitch } from '@/components/channels/plain-text-switch';
import { PageHeader } from '@/components/page-header';
import { ReplySettings } from '@/components/channels/reply-settings';
import { getChannels, getSavedReplies } from '@/lib/api';
import { can } from '@/lib/permissions';
import { requireMe } from '@/lib/session';

export const metadata: Metadata = { title: 'Email channel' };

export default async function EmailChannelPage() {
  const [me, channels, { variables }] = await Promise.all([requireMe(), getChannels(), getSavedReplies()]);
  const email = channels.email;
  if (!email) notFound();
  const canChange = can(me, 'channels.email.configure');

  return (
    <>
      <PageHeader
        title="Email"
        description={
          <Link href="/settings/channels" className="hover:underline">
            ← Channels
          </Link>
        }
        actions={<ChannelSwitch channel="email" enabled={email.enabled} canChange={canChange} />}
      />
      <div className="flex flex-col gap-8 p-6">
        {canChange ? null : (
          <p role="note" className="rounded-md border border-slate-200 bg-slate-50 px-4 py-3 text-sm text-slate-700">
            Read-only: only the primary admin of the account can change the email channel.
          </p>
        )}
        {email.enabled ? null : (
          <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
            Email is switched off: no reply can be sent by email. Incoming mail is still accepted and kept.
          </p>
        )}
        <section aria-labelledby="templates-heading" className="flex flex-col gap-4">
          <h2 id="templates-heading" className="text-base font-semibold">
            Subject, sender and signature
          </h2>
          {canChange ? (
            <EmailTemplatesEditor
              defaultSubject={email.defaultSubject}
              fromName={email.fromName}
              signature={email.signature}
              forwardingAddress={email.forwardingAddress}
              variables={variables}
            />
          ) : (
            <dl className="grid max-w-2xl grid-cols-[10rem_1fr] gap-2 text-sm">
              <dt className="text-slate-500">Default subject line</dt>
              <dd data-testid="readonly-subject">{email.defaultSubject}</dd>
              <dt className="text-slate-500">From name</dt>
              <dd>{email.fromName}</dd>
              <dt className="text-slate-500">Signature</dt>
              <dd className="whitespace-pre-line" data-testid="readonly-signature">
                {email.signature || 'None'}
              </dd>
            </dl>
          )}
        </section>

        <section aria-labelledby="replies-heading" className="flex max-w-3xl flex-col gap-4">
          <h2 id="replies-heading" className="text-base font-semibold">
            Replies
          </h2>
          <ReplySettings replySubject={email.replySubject} quoteHistory={email.quoteHistory} canChange={canChange} />
        </section>

        <section aria-labelledby="format-heading" className="flex max-w-3xl flex-col gap-3">
          <h2 id="format-heading" className="text-base font-semibold">
            Reply format
          </h2>
          <PlainTextSwitch plainTextOnly={email.plainTextOnly} canChange={canChange} />
        </section>

        <section aria-labelledby="address-heading" className="flex max-w-3xl flex-col gap-4">
          <h2 id="address-heading" className="text-base font-semibold">
            Forwarding address
          </h2>
          {email.forwardingAddress ? (
            <>
              <div className="flex flex-wrap items-center gap-3">
                <output data-testid="forwarding-address" className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 font-mono text-sm">
                  {email.forwardingAddress}
                </output>
                <CopyButton value={email.forwardingAddress} label="Copy address" />
              </div>
              <p className="text-sm text-slate-600">This address is permanent: it can never be changed or released.</p>
              <ForwardingInstructions address={email.forwardingAddress} />
            </>
          ) : canChange ? (
            <>
              <p className="text-sm text-slate-600">
                Choose the address your mailbox forwards to. It cannot be changed later.
              </p>
              <ForwardingAddressForm inboxDomain={email.inboxDomain} />
            </>
          ) : (
            <p className="text-sm text-slate-600">No forwarding address yet; the primary admin chooses it.</p>
          )}
          {email.providerConfirmations.length > 0 ? (
            <div className="rounded-md border border-emerald-200 bg-emerald-50 p-4 text-sm">
              <h3 className="mb-2 font-semibold text-emerald-900">Forwarding confirmations received</h3>
              <ul className="space-y-1">
                {email.providerConfirmations.map((c) => (
                  <li key={`${c.provider}-${c.receivedAt}`}>
                    {c.provider}: {c.code ? <span className="font-mono">{c.code}</span> : null}{' '}
                    {c.link ? (
                      <a className="text-brand-700 underline" href={c.link} rel="noreferrer noopener" target="_blank">
                        confirmation link
                      </a>
                    ) : null}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </section>

        <p className="text-sm text-slate-500">
          {email.outbound === 'smtp'
            ? 'Replies are sent through the configured SMTP relay.'
            : 'No outbound SMTP relay is configured (OUTBOUND_SMTP_URL): replies are written as .eml files under DATA_DIR/outbox.'}
        </p>
      </div>
    </>
  );
}
