import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { logOut } from '@/app/actions/session.actions';
import type { Me, Notifications } from '@/lib/api';
import { navFor } from '@/lib/navigation';
import { ShortcutsHelp } from '@/components/shortcuts/shortcuts-help';
import { NavLink } from './nav-link';
import { ShellMenu } from './shell-menu';
import { NotificationBell } from '@/components/notifications/notification-bell';

/** Where the skip link lands: the page's own content, past the navigation. */
export const MAIN_ID = 'main';

export async function AppShell({ me, notifications, children }: { me: Me; notifications: Notifications | null; children: ReactNode }) {
  const t = await getTranslations('shell');
  const roles = await getTranslations('roles');
  const a11y = await getTranslations('a11y');
  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      <a
        href={`#${MAIN_ID}`}
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:font-medium focus:text-brand-700 focus:shadow-lg"
      >
        {a11y('skipToContent')}
      </a>
      <header className="flex shrink-0 flex-wrap items-center gap-x-2 gap-y-4 border-b border-slate-200 bg-white p-4 md:w-60 md:flex-col md:flex-nowrap md:items-stretch md:border-r md:border-b-0">
        <div className="flex flex-1 items-center justify-between gap-2 md:flex-none">
          <Link href="/inbox" className="px-2 py-1 text-lg font-semibold tracking-tight text-brand-700">
            {t('brand')}
          </Link>
          {notifications ? <NotificationBell notifications={notifications} /> : null}
        </div>
        <ShellMenu label={a11y('menu')}>
          <nav aria-label={t('mainNav')}>
            <ul className="flex flex-col gap-1">
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
              <p className="text-slate-600">{roles(`label.${me.role}`)}</p>
              <Link href="/profile" className="inline-block py-0.5 text-brand-700 hover:underline">
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
        </ShellMenu>
      </header>
      <main id={MAIN_ID} tabIndex={-1} className="min-w-0 flex-1 focus:outline-none">
        {children}
      </main>
    </div>
  );
}
