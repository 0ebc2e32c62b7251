import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/page-header';
import { getUsers } from '@/lib/api';
import { AddUserForm } from './add-user-form';
import { InviteForm } from './invite-form';
import { PendingInvitations } from './pending-invitations';
import { UserActions } from './user-actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('users'))('title') };
}

export default async function UsersPage() {
  const { items: users, assignableRoles } = await getUsers();
  const t = await getTranslations('users');
  const roleWords = await getTranslations('roles');
  const invitations = await getTranslations('invitations');
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <div className="grid grid-cols-1 gap-6 p-4 sm:p-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="flex min-w-0 flex-col gap-6">
        <section aria-labelledby="users-heading" className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <h2 id="users-heading" className="sr-only">
            {t('tableHeading')}
          </h2>
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-500 uppercase">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">{t('columns.name')}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t('columns.role')}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t('columns.status')}</th>
                <th scope="col" className="px-4 py-2 font-medium"><span className="sr-only">{t('columns.actions')}</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {users.map((user) => (
                <tr key={user.userId} data-testid="user-row">
                  <td className="px-4 py-3">
                    <p className="font-medium">{user.name}</p>
                    <p className="text-slate-500">{user.email}</p>
                  </td>
                  <td className="px-4 py-3">{roleWords(`label.${user.role}`)}</td>
                  <td className="px-4 py-3">
                    <span
                      className={`rounded-full px-2 py-0.5 text-xs font-medium ${
                        user.active ? 'bg-emerald-50 text-emerald-700' : 'bg-slate-100 text-slate-600'
                      }`}
                    >
                      {user.active ? t('active') : t('deactivated')}
                    </span>
                  </td>
                  <td className="px-4 py-3 text-right">
                    {user.changeable ? <UserActions user={user} roles={assignableRoles} /> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <PendingInvitations />
        </div>
        <div className="flex flex-col gap-6">
        <section aria-labelledby="invite-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="invite-heading" className="mb-4 text-base font-semibold">
            {invitations('invite.heading')}
          </h2>
          <InviteForm roles={assignableRoles} />
        </section>
        <section aria-labelledby="add-user-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="add-user-heading" className="mb-4 text-base font-semibold">
            {t('addHeading')}
          </h2>
          <AddUserForm roles={assignableRoles} />
        </section>
        </div>
      </div>
    </>
  );
}
