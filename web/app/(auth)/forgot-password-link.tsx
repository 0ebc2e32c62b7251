import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/** On the sign-in page, beside the password: the way to a reset link. */
export async function ForgotPasswordLink() {
  const t = await getTranslations('password');
  return (
    <p className="text-sm">
      <Link href="/forgot-password" className="font-medium text-brand-600 hover:underline">
        {t('forgot.link')}
      </Link>
    </p>
  );
}
