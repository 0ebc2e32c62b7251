'use client';

import { useEffect } from 'react';
import { markSeen } from '@/app/actions/inbox.actions';

/**
 * Tells the API the user has seen the conversation up to the newest inbound message shown, again
 * whenever a newer one is shown: mail that arrives after the page rendered stays unread.
 */
export function MarkSeen({ id, latestInboundAt }: { id: string; latestInboundAt: string | null }) {
  useEffect(() => {
    void markSeen(id, latestInboundAt);
  }, [id, latestInboundAt]);
  return null;
}
