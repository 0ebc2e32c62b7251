import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/page-header';
import { getAccount } from '@/lib/api';
import { AccountForm } from './account-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('title') };
}

export default async function AccountPage() {
  const account = await getAccount();
  const t = await getTranslations('account');
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description', { plan: account.plan })}
      />
      <section className="max-w-lg p-6">
        <AccountForm account={account} />
      </section>
    </>
  );
}
