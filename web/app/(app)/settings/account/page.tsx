import type { Metadata } from 'next';
import { PageHeader } from '@/components/page-header';
import { getAccount } from '@/lib/api';
import { AccountForm } from './account-form';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage() {
  const account = await getAccount();
  return (
    <>
      <PageHeader
        title="Account"
        description={`${account.plan === 'trial' ? 'Free trial' : 'Seats'} · times are shown in the account's time zone and locale.`}
      />
      <section className="max-w-lg p-6">
        <AccountForm account={account} />
      </section>
    </>
  );
}
