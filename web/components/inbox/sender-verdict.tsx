import type { Thread } from '@/lib/api';

type Authentication = Thread['messages'][number]['authentication'];

/**
 * Whether an inbound mail's sender is vouched for (SPF, DKIM, DMARC, ARC at intake), with the reason
 * the API gave. Mail taken in before sender verification carries no verdict and shows nothing.
 */
export function SenderVerdict({ authentication }: { authentication: Authentication }) {
  if (!authentication) return null;
  const checks = `SPF ${authentication.spf}, DKIM ${authentication.dkim}, DMARC ${authentication.dmarc}, ARC ${authentication.arc}`;
  if (authentication.verdict === 'verified') {
    return (
      <span className="ml-2 rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800" title={authentication.reason ? `${checks}; ${authentication.reason}` : checks} data-testid="sender-verdict" data-verdict="verified">
        Verified sender
      </span>
    );
  }
  return (
    <span className="ml-2 rounded-full bg-red-50 px-2 py-0.5 text-xs font-medium text-red-800" title={checks} data-testid="sender-verdict" data-verdict="unverified">
      Could not verify sender: {authentication.reason ?? 'no check vouched for it'}
    </span>
  );
}
