import type { ReactNode } from 'react';
import { requireRole } from '@/lib/session';

// The role check sits in the layout, above the page's loading boundary, so a refusal is a real 403.
export default async function FormsLayout({ children }: { children: ReactNode }) {
  await requireRole(['primary_admin', 'admin']);
  return children;
}
