import { getTranslations } from 'next-intl/server';
import { PasswordForm } from './password-form';

export async function PasswordSection() {
  const t = await getTranslations('password');
  return (
    <section aria-labelledby="password-heading" className="flex flex-col gap-4">
      <h2 id="password-heading" className="text-base font-semibold">
        {t('profile.heading')}
      </h2>
      <PasswordForm />
    </section>
  );
}
