import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ForgotPasswordForm } from './forgot-password-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('password');
  return { title: t('forgot.title') };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations('password');
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-xl font-semibold">{t('forgot.title')}</h1>
        <p className="text-sm text-slate-600">{t('forgot.intro')}</p>
      </div>
      <ForgotPasswordForm />
      <p className="text-sm text-slate-600">
        <Link href="/login" className="font-medium text-brand-600 hover:underline">
          {t('backToSignIn')}
        </Link>
      </p>
    </div>
  );
}
