import type { ReactNode } from 'react';
import { requirePermission } from '@/lib/session';

// The permission check sits in the layout, above the page's loading boundary, so a refusal is a real 403.
export default async function SavedRepliesLayout({ children }: { children: ReactNode }) {
  await requirePermission('saved-replies.manage');
  return children;
}
