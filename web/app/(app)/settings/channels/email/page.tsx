import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
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

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('channels'))('emailTitle') };
}

export default async function EmailChannelPage() {
  const [me, channels, { variables }] = await Promise.all([requireMe(), getChannels(), getSavedReplies()]);
  const email = channels.email;
  if (!email) notFound();
  const canChange = can(me, 'channels.email.configure');
  const t = await getTranslations('channels');

  return (
    <>
      <PageHeader
        title={t('email')}
        description={
          <Link href="/settings/channels" className="hover:underline">
            {t('back')}
          </Link>
        }
        actions={<ChannelSwitch channel="email" enabled={email.enabled} canChange={canChange} />}
      />
      <div className="flex flex-col gap-8 p-6">
        {canChange ? null : (
          <p role="note" className="rounded-md border border-slate-200 bg-slate-50 px-4 py-3 text-sm text-slate-700">
            {t('readOnly')}
          </p>
        )}
        {email.enabled ? null : (
          <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
            {t('switchedOff')}
          </p>
        )}
        <section aria-labelledby="templates-heading" className="flex flex-col gap-4">
          <h2 id="templates-heading" className="text-base font-semibold">
            {t('templates.heading')}
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
              <dt className="text-slate-500">{t('templates.defaultSubject')}</dt>
              <dd data-testid="readonly-subject">{email.defaultSubject}</dd>
              <dt className="text-slate-500">{t('templates.fromName')}</dt>
              <dd>{email.fromName}</dd>
              <dt className="text-slate-500">{t('templates.signatureShort')}</dt>
              <dd className="whitespace-pre-line" data-testid="readonly-signature">
                {email.signature || t('none')}
              </dd>
            </dl>
          )}
        </section>

        <section aria-labelledby="replies-heading" className="flex max-w-3xl flex-col gap-4">
          <h2 id="replies-heading" className="text-base font-semibold">
            {t('replies.heading')}
          </h2>
          <ReplySettings replySubject={email.replySubject} quoteHistory={email.quoteHistory} canChange={canChange} />
        </section>

        <section aria-labelledby="format-heading" className="flex max-w-3xl flex-col gap-3">
          <h2 id="format-heading" className="text-base font-semibold">
            {t('format.heading')}
          </h2>
          <PlainTextSwitch plainTextOnly={email.plainTextOnly} canChange={canChange} />
        </section>

        <section aria-labelledby="address-heading" className="flex max-w-3xl flex-col gap-4">
          <h2 id="address-heading" className="text-base font-semibold">
            {t('address.heading')}
          </h2>
          {email.forwardingAddress ? (
            <>
              <div className="flex flex-wrap items-center gap-3">
                <output data-testid="forwarding-address" className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 font-mono text-sm">
                  {email.forwardingAddress}
                </output>
                <CopyButton value={email.forwardingAddress} label={t('address.copy')} />
              </div>
              <p className="text-sm text-slate-600">{t('address.permanent')}</p>
              <ForwardingInstructions address={email.forwardingAddress} />
            </>
          ) : canChange ? (
            <>
              <p className="text-sm text-slate-600">
                {t('address.choose')}
              </p>
              <ForwardingAddressForm inboxDomain={email.inboxDomain} />
            </>
          ) : (
            <p className="text-sm text-slate-600">{t('address.adminChooses')}</p>
          )}
          {email.providerConfirmations.length > 0 ? (
            <div className="rounded-md border border-emerald-200 bg-emerald-50 p-4 text-sm">
              <h3 className="mb-2 font-semibold text-emerald-900">{t('address.confirmations')}</h3>
              <ul className="space-y-1">
                {email.providerConfirmations.map((c) => (
                  <li key={`${c.provider}-${c.receivedAt}`}>
                    {c.provider}: {c.code ? <span className="font-mono">{c.code}</span> : null}{' '}
                    {c.link ? (
                      <a className="text-brand-700 underline" href={c.link} rel="noreferrer noopener" target="_blank">
                        {t('address.confirmationLink')}
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
            ? t('outbound.smtp')
            : t('outbound.files')}
        </p>
      </div>
    </>
  );
}
