'use client';

import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import { saveEmailNotifications } from '@/app/actions/email-notifications.actions';
import { initialFormState } from '@/app/actions/form-state';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';

export interface EmailNotificationChoices {
  mention: boolean;
  assignment: boolean;
  replyFailed: boolean;
}

const KINDS = ['mention', 'assignment', 'replyFailed'] as const;

/** The profile's "Notifications by email" section: one checkbox per kind, saved together. */
export function EmailNotificationsSection({ notifications }: { notifications: EmailNotificationChoices }) {
  const t = useTranslations('notifications-email');
  return (
    <section aria-labelledby="email-notifications-heading" className="flex flex-col gap-4">
      <h2 id="email-notifications-heading" className="text-base font-semibold">
        {t('heading')}
      </h2>
      <EmailNotificationsForm notifications={notifications} />
    </section>
  );
}

function EmailNotificationsForm({ notifications }: { notifications: EmailNotificationChoices }) {
  const t = useTranslations('notifications-email');
  const [state, save, saving] = useActionState(saveEmailNotifications, initialFormState);
  const [choices, setChoices] = useState<EmailNotificationChoices>(notifications);
  const saved = state.done && KINDS.every((kind) => choices[kind] === notifications[kind]);
  const texts: Record<(typeof KINDS)[number], { label: string; hint: string }> = {
    mention: { label: t('mention.label'), hint: t('mention.hint') },
    assignment: { label: t('assignment.label'), hint: t('assignment.hint') },
    replyFailed: { label: t('replyFailed.label'), hint: t('replyFailed.hint') },
  };
  return (
    <form action={save} className="flex flex-col gap-4" noValidate>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-sm text-slate-600">{t('legend')}</legend>
        {KINDS.map((kind) => (
          <div key={kind} className="flex items-start gap-3">
            <input
              id={`email-notification-${kind}`}
              name={kind}
              type="checkbox"
              checked={choices[kind]}
              onChange={(event) => setChoices({ ...choices, [kind]: event.target.checked })}
              aria-describedby={`email-notification-${kind}-hint`}
              className="mt-0.5 h-4 w-4 rounded border-slate-300 text-brand-600 focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-600"
            />
            <div className="flex flex-col">
              <label htmlFor={`email-notification-${kind}`} className="text-sm font-medium text-slate-800">
                {texts[kind].label}
              </label>
              <p id={`email-notification-${kind}-hint`} className="text-sm text-slate-500">
                {texts[kind].hint}
              </p>
            </div>
          </div>
        ))}
      </fieldset>
      <FormError message={!state.done ? state.message : undefined} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={saving}>
          {saving ? t('saving') : t('save')}
        </Button>
        {saved ? (
          <p role="status" className="text-sm text-emerald-700">
            {t('saved')}
          </p>
        ) : null}
      </div>
    </form>
  );
}
