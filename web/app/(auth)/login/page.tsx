import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getMe } from '@/lib/api';
import { safeNextPath } from '@/lib/safe-next-path';
import { LoginForm } from './login-form';
import { ForgotPasswordLink } from '../forgot-password-link';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  const target = safeNextPath(next);
  if (await getMe()) redirect(target ?? '/inbox');
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-xl font-semibold">Sign in to Inbox</h1>
      <LoginForm next={target ?? undefined} />
      <ForgotPasswordLink />
      <p className="text-sm text-slate-600">
        New here?{' '}
        <Link href="/signup" className="font-medium text-brand-600 hover:underline">
          Create an account
        </Link>
      </p>
    </div>
  );
}
