import { useTranslations } from 'next-intl';
import { CopyButton } from '@/components/ui/copy-button';

/** The contact's own reply address, for the Reply-To of campaign and automation mail sent to them. */
export function ReplyAddress({ answer }: { answer: { address: string } | { reason: string } }) {
  const t = useTranslations('contacts');
  return (
    <section aria-labelledby="reply-address-heading" className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4 lg:col-span-2">
      <h2 id="reply-address-heading" className="text-base font-semibold">
        {t('replyAddress')}
      </h2>
      {'address' in answer ? (
        <>
          <div className="flex flex-wrap items-center gap-2">
            <code className="min-w-0 flex-1 truncate rounded bg-slate-100 px-2 py-1 text-sm" data-testid="reply-address">
              {answer.address}
            </code>
            <CopyButton value={answer.address} label={t('copyAddress')} />
          </div>
          <p className="text-xs text-slate-500">{t('replyAddressHint')}</p>
        </>
      ) : (
        <p className="text-sm text-slate-600">{answer.reason}</p>
      )}
    </section>
  );
}
