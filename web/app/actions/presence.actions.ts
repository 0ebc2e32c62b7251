'use server';

import { send, type PresentUser } from '@/lib/api';

/** The tab's heartbeat in a thread; answers the others viewing or typing there (null when refused). */
export async function heartbeat(id: string, state: 'viewing' | 'typing'): Promise<PresentUser[] | null> {
  const answer = await send((api) => api.POST('/api/conversations/{id}/presence', { params: { path: { id } }, body: { state } }));
  return answer.ok ? answer.body.users : null;
}
