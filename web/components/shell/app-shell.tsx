import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { logOut } from '@/app/actions/session.actions';
import type { Me, Notifications } from '@/lib/api';
import { navFor } from '@/lib/navigation';
import { ShortcutsHelp } from '@/components/shortcuts/shortcuts-help';
import { NavLink } from './nav-link';
import { NotificationBell } from '@/components/notifications/notification-bell';

export async function AppShell({ me, notifications, children }: { me: Me; notifications: Notifications | null; children: ReactNode }) {
  const t = await getTranslations('shell');
  const roles = await getTranslations('roles');
  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      <aside className="flex shrink-0 flex-col gap-4 border-b border-slate-200 bg-white p-4 md:w-60 md:border-r md:border-b-0">
        <div className="flex items-center justify-between gap-2">
          <Link href="/inbox" className="px-2 text-lg font-semibold tracking-tight text-brand-700">
            {t('brand')}
          </Link>
          {notifications ? <NotificationBell notifications={notifications} /> : null}
        </div>
        <nav aria-label={t('mainNav')}>
          <ul className="flex gap-1 overflow-x-auto md:flex-col">
            {navFor(me).map((item) => (
              <li key={item.href}>
                <NavLink href={item.href}>{t(`nav.${item.key}`)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="mt-auto flex items-center justify-between gap-2 border-t border-slate-100 pt-4 md:flex-col md:items-stretch">
          <div className="px-2 text-sm">
            <p className="font-medium" data-testid="current-user">
              {me.name}
            </p>
            <p className="text-slate-500">{roles(`label.${me.role}`)}</p>
            <Link href="/profile" className="text-brand-700 hover:underline">
              {t('profile')}
            </Link>
          </div>
          <ShortcutsHelp />
          <form action={logOut}>
            <button type="submit" className="w-full rounded-md px-2 py-1.5 text-left text-sm text-slate-600 hover:bg-slate-100">
              {t('signOut')}
            </button>
          </form>
        </div>
      </aside>
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
