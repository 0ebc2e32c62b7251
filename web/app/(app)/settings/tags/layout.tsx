import type { ReactNode } from 'react';
import { requirePermission } from '@/lib/session';

// The permission check sits in the layout, above the page's loading boundary, so a refusal is a real 403.
export default async function TagsLayout({ children }: { children: ReactNode }) {
  await requirePermission('tags.manage');
  return children;
}
