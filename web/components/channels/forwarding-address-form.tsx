'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { claimForwardingAddress } from '@/app/actions/channels.actions';
import { initialFormState } from '@/app/actions/form-state';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';

const part = 'min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 aria-[invalid=true]:border-rose-500';

/** Username and subdomain around a fixed "@" and suffix; a second step confirms that the claim is for good. */
export function ForwardingAddressForm({ inboxDomain }: { inboxDomain: string }) {
  const [state, claim, claiming] = useActionState(claimForwardingAddress, initialFormState);
  const [username, setUsername] = useState(state.values?.username ?? '');
  const [subdomain, setSubdomain] = useState(state.values?.subdomain ?? '');
  const [confirming, setConfirming] = useState(false);
  const t = useTranslations('channels');
  const address = `${username.trim().toLowerCase()}@${subdomain.trim().toLowerCase()}.${inboxDomain}`;
  const error = state.message && !state.done ? state.message : undefined;

  return (
    <form action={claim} className="flex flex-col gap-3" onSubmit={() => setConfirming(false)}>
      <div className="flex flex-wrap items-center gap-2">
        <label className="sr-only" htmlFor="username">
          {t('address.username')}
        </label>
        <input id="username" name="username" placeholder={t('address.usernamePlaceholder')} className={part} value={username} aria-invalid={state.field === 'username'} onChange={(e) => setUsername(e.target.value)} />
        <span aria-hidden className="text-slate-500">
          @
        </span>
        <label className="sr-only" htmlFor="subdomain">
          {t('address.subdomain')}
        </label>
        <input id="subdomain" name="subdomain" placeholder={t('address.subdomainPlaceholder')} className={part} value={subdomain} aria-invalid={state.field === 'subdomain'} onChange={(e) => setSubdomain(e.target.value)} />
        <span className="text-sm text-slate-500" data-testid="address-suffix">
          .{inboxDomain}
        </span>
      </div>
      <FormError message={error} />
      {confirming ? (
        <div role="alertdialog" aria-labelledby="confirm-claim" className="flex flex-col gap-3 rounded-md border border-amber-200 bg-amber-50 p-3">
          <p id="confirm-claim" className="text-sm text-amber-900">
            {t.rich('address.confirm', { address, strong: (chunks) => <strong className="font-mono">{chunks}</strong> })}
          </p>
          <div className="flex gap-2">
            <Button type="submit" disabled={claiming}>
              {claiming ? t('address.claiming') : t('address.claimForGood')}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <div>
          <Button type="button" variant="secondary" disabled={!username.trim() || !subdomain.trim()} onClick={() => setConfirming(true)}>
            {t('address.claim')}
          </Button>
        </div>
      )}
    </form>
  );
}
