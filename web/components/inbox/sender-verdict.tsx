import { useTranslations } from 'next-intl';
import type { Thread } from '@/lib/api';

type Authentication = Thread['messages'][number]['authentication'];

/**
 * Whether an inbound mail's sender is vouched for (SPF, DKIM, DMARC, ARC at intake), with the reason
 * the API gave. Mail taken in before sender verification carries no verdict and shows nothing.
 */
export function SenderVerdict({ authentication }: { authentication: Authentication }) {
  const t = useTranslations('thread.verdict');
  if (!authentication) return null;
  const results = { spf: authentication.spf, dkim: authentication.dkim, dmarc: authentication.dmarc, arc: authentication.arc };
  const checks = t('checks', results);
  if (authentication.verdict === 'verified') {
    return (
      <span className="ml-2 rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800" title={authentication.reason ? t('checksWithReason', { ...results, reason: authentication.reason }) : checks} data-testid="sender-verdict" data-verdict="verified">
        {t('verified')}
      </span>
    );
  }
  return (
    <span className="ml-2 rounded-full bg-red-50 px-2 py-0.5 text-xs font-medium text-red-800" title={checks} data-testid="sender-verdict" data-verdict="unverified">
      {t('unverified', { reason: authentication.reason ?? t('noReason') })}
    </span>
  );
}
