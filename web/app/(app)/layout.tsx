import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/app-shell';
import { requireMe } from '@/lib/session';
import { getNotifications } from '@/lib/api';

export const dynamic = 'force-dynamic';

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const [me, notifications] = await Promise.all([requireMe(), getNotifications()]);
  return (
    <AppShell me={me} notifications={notifications}>
      {children}
    </AppShell>
  );
}
