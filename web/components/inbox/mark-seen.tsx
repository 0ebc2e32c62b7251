'use client';

import { useEffect } from 'react';
import { markSeen } from '@/app/actions/inbox.actions';

/** Tells the API the user has seen the conversation, again whenever a newer message is shown. */
export function MarkSeen({ id, latestMessageId }: { id: string; latestMessageId: string | null }) {
  useEffect(() => {
    void markSeen(id);
  }, [id, latestMessageId]);
  return null;
}
