import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getMe } from '@/lib/api';
import { SignUpForm } from './signup-form';

export const metadata: Metadata = { title: 'Create your account' };

export default async function SignUpPage() {
  if (await getMe()) redirect('/inbox');
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-xl font-semibold">Create your account</h1>
        <p className="text-sm text-slate-600">Your email channel is switched on as soon as the account opens.</p>
      </div>
      <SignUpForm defaultTimeZone="UTC" />
      <p className="text-sm text-slate-600">
        Already have an account?{' '}
        <Link href="/login" className="font-medium text-brand-600 hover:underline">
          Sign in
        </Link>
      </p>
    </div>
  );
}
