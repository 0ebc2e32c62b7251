import type { Metadata } from 'next';
import Link from 'next/link';
import { ChannelSwitch } from '@/components/channels/channel-switch';
import { CopyButton } from '@/components/ui/copy-button';
import { PageHeader } from '@/components/page-header';
import { getChannels } from '@/lib/api';
import { publicOrigin } from '@/lib/public-origin';
import { can } from '@/lib/permissions';
import { requireMe } from '@/lib/session';

export const metadata: Metadata = { title: 'Channels' };

export default async function ChannelsPage() {
  const [me, channels, origin] = await Promise.all([requireMe(), getChannels(), publicOrigin()]);
  const snippet = `<script src="${origin}/chat-embed.js" data-account="${me.accountId}" async></script>`;
  const email = channels.email;
  return (
    <>
      <PageHeader title="Channels" description="Where conversations come from." />
      <div className="grid gap-4 p-6 md:grid-cols-2">
        <section aria-labelledby="email-card" className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5">
          <div className="flex items-start justify-between gap-4">
            <div>
              <h2 id="email-card" className="text-base font-semibold">
                Email
              </h2>
              <p className="text-sm text-slate-600">
                {email?.forwardingAddress ? (
                  <>
                    Forwarding to <span className="font-mono">{email.forwardingAddress}</span>
                  </>
                ) : (
                  'No forwarding address yet.'
                )}
              </p>
            </div>
            <StatusBadge on={email?.enabled ?? false} />
          </div>
          <Link href="/settings/channels/email" className="text-sm font-medium text-brand-600 hover:underline">
            {can(me, 'channels.email.configure') ? 'Configure email' : 'View email settings'}
          </Link>
        </section>
        <section aria-labelledby="chat-card" className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5">
          <div className="flex items-start justify-between gap-4">
            <div>
              <h2 id="chat-card" className="text-base font-semibold">
                Chat
              </h2>
              <p className="text-sm text-slate-600">Live chat on your website; visitors who leave an email can be answered by email.</p>
            </div>
            <ChannelSwitch channel="chat" enabled={channels.chat.enabled} canChange={can(me, 'channels.chat.configure')} />
          </div>
          {channels.chat.enabled ? (
            <div className="flex flex-col gap-2 text-sm">
              <p className="text-slate-600">
                Add this to your website, or share the{' '}
                <Link href={`/chat/${me.accountId}`} className="font-medium text-brand-600 hover:underline" target="_blank">
                  chat page
                </Link>
                :
              </p>
              <pre tabIndex={0} className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600" data-testid="chat-snippet">
                {snippet}
              </pre>
              <div>
                <CopyButton value={snippet} label="Copy snippet" />
              </div>
            </div>
          ) : null}
        </section>
      </div>
    </>
  );
}

function StatusBadge({ on }: { on: boolean }) {
  return (
    <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${on ? 'bg-emerald-50 text-emerald-700' : 'bg-slate-100 text-slate-600'}`}>
      {on ? 'Enabled' : 'Disabled'}
    </span>
  );
}
