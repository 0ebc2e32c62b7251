import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { ChannelSwitch } from '@/components/channels/channel-switch';
import { CopyButton } from '@/components/ui/copy-button';
import { PageHeader } from '@/components/page-header';
import { getChannels } from '@/lib/api';
import { publicOrigin } from '@/lib/public-origin';
import { can } from '@/lib/permissions';
import { requireMe } from '@/lib/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('channels'))('title') };
}

export default async function ChannelsPage() {
  const [me, channels, origin] = await Promise.all([requireMe(), getChannels(), publicOrigin()]);
  const snippet = `<script src="${origin}/chat-embed.js" data-account="${me.accountId}" async></script>`;
  const email = channels.email;
  const t = await getTranslations('channels');
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <div className="grid gap-4 p-6 md:grid-cols-2">
        <section aria-labelledby="email-card" className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5">
          <div className="flex items-start justify-between gap-4">
            <div>
              <h2 id="email-card" className="text-base font-semibold">
                {t('email')}
              </h2>
              <p className="text-sm text-slate-600">
                {email?.forwardingAddress ? (
                  t.rich('forwardingTo', { address: email.forwardingAddress, mono: (chunks) => <span className="font-mono">{chunks}</span> })
                ) : (
                  t('noAddressYet')
                )}
              </p>
            </div>
            <StatusBadge on={email?.enabled ?? false} />
          </div>
          <Link href="/settings/channels/email" className="text-sm font-medium text-brand-600 hover:underline">
            {can(me, 'channels.email.configure') ? t('configureEmail') : t('viewEmail')}
          </Link>
        </section>
        <section aria-labelledby="chat-card" className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5">
          <div className="flex items-start justify-between gap-4">
            <div>
              <h2 id="chat-card" className="text-base font-semibold">
                {t('chat')}
              </h2>
              <p className="text-sm text-slate-600">{t('chatDescription')}</p>
            </div>
            <ChannelSwitch channel="chat" enabled={channels.chat.enabled} canChange={can(me, 'channels.chat.configure')} />
          </div>
          {channels.chat.enabled ? (
            <div className="flex flex-col gap-2 text-sm">
              <p className="text-slate-600">
                {t.rich('chatSnippet', {
                  link: (chunks) => (
                    <Link href={`/chat/${me.accountId}`} className="font-medium text-brand-600 hover:underline" target="_blank">
                      {chunks}
                    </Link>
                  ),
                })}
              </p>
              <pre tabIndex={0} className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600" data-testid="chat-snippet">
                {snippet}
              </pre>
              <div>
                <CopyButton value={snippet} label={t('copySnippet')} />
              </div>
            </div>
          ) : null}
        </section>
      </div>
    </>
  );
}

async function StatusBadge({ on }: { on: boolean }) {
  const t = await getTranslations('channels');
  return (
    <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${on ? 'bg-emerald-50 text-emerald-700' : 'bg-slate-100 text-slate-600'}`}>
      {on ? t('enabled') : t('disabled')}
    </span>
  );
}
