import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { getMe } from '@/lib/api';
import { SignUpForm } from './signup-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('signup.title') };
}

export default async function SignUpPage() {
  if (await getMe()) redirect('/inbox');
  const t = await getTranslations('auth');
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-xl font-semibold">{t('signup.title')}</h1>
        <p className="text-sm text-slate-600">{t('signup.intro')}</p>
      </div>
      <SignUpForm defaultTimeZone="UTC" />
      <p className="text-sm text-slate-600">
        {t.rich('signup.haveAccount', {
          link: (chunks) => (
            <Link href="/login" className="font-medium text-brand-600 hover:underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
    </div>
  );
}
