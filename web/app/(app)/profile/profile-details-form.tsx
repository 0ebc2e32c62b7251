'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { saveProfileDetails } from '@/app/actions/profile.actions';
import { initialFormState } from '@/app/actions/form-state';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import type { Me } from '@/lib/api';

const LANGUAGES = ['en', 'de'] as const;

/** Name and language: what the user is called and which language the product speaks to them. */
export function ProfileDetailsForm({ me }: { me: Pick<Me, 'name' | 'language'> }) {
  const t = useTranslations('profile.details');
  const languages = useTranslations('common.languages');
  const [state, save, saving] = useActionState(saveProfileDetails, initialFormState);
  const error = !state.done && state.message ? state.message : undefined;
  return (
    <form action={save} className="flex flex-col gap-4" noValidate>
      <div className="flex flex-col gap-1">
        <label htmlFor="profile-name" className="text-sm font-medium">
          {t('name')}
        </label>
        <input
          id="profile-name"
          name="name"
          defaultValue={state.values?.name ?? me.name}
          required
          aria-invalid={state.field === 'name' || undefined}
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="profile-language" className="text-sm font-medium">
          {t('language')}
        </label>
        <select
          id="profile-language"
          name="language"
          defaultValue={state.values?.language ?? me.language}
          aria-describedby="profile-language-hint"
          className="w-fit rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
        >
          {LANGUAGES.map((language) => (
            <option key={language} value={language} lang={language}>
              {languages(language)}
            </option>
          ))}
        </select>
        <p id="profile-language-hint" className="text-sm text-slate-600">
          {t('languageHint')}
        </p>
      </div>
      <FormError message={error} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={saving}>
          {saving ? t('saving') : t('save')}
        </Button>
        {state.done ? (
          <p role="status" className="text-sm text-emerald-700">
            {t('saved')}
          </p>
        ) : null}
      </div>
    </form>
  );
}
