'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { saveSignature } from '@/app/actions/profile.actions';
import { initialFormState } from '@/app/actions/form-state';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { SignatureField } from '@/components/ui/signature-field';

export function SignatureForm({ signature, variables }: { signature: string; variables: string[] }) {
  const [state, save, saving] = useActionState(saveSignature, initialFormState);
  const [value, setValue] = useState(state.values?.signature ?? signature);
  const error = !state.done && state.message ? state.message : undefined;
  const t = useTranslations('profile.signature');
  return (
    <form action={save} className="flex flex-col gap-4" noValidate>
      <SignatureField
        id="profile-signature"
        name="signature"
        label={t('yourSignature')}
        value={value}
        onChange={setValue}
        variables={variables}
        hint={t('signatureHint')}
        error={state.field === 'signature' ? error : undefined}
      />
      <FormError message={state.field === 'signature' ? undefined : error} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={saving}>
          {saving ? t('saving') : t('saveSignature')}
        </Button>
        {state.done && value === signature ? (
          <p role="status" className="text-sm text-emerald-700">
            {state.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}
