import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { getMe } from '@/lib/api';
import { safeNextPath } from '@/lib/safe-next-path';
import { LoginForm } from './login-form';
import { ForgotPasswordLink } from '../forgot-password-link';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('login.title') };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  const target = safeNextPath(next);
  if (await getMe()) redirect(target ?? '/inbox');
  const t = await getTranslations('auth');
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-xl font-semibold">{t('login.heading')}</h1>
      <LoginForm next={target ?? undefined} />
      <ForgotPasswordLink />
      <p className="text-sm text-slate-600">
        {t.rich('login.newHere', {
          link: (chunks) => (
            <Link href="/signup" className="font-medium text-brand-600 hover:underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
    </div>
  );
}
