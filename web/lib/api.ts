import 'server-only';
import { cookies } from 'next/headers';

/**
 * The one way pages read the API: over loopback from the server, with the visitor's cookie, and
 * reshaped into the app's own types. Failures surface as ApiError with the API's message.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function apiGet<T>(path: string): Promise<T> {
  const base = process.env.INBOX_API_URL ?? 'http://127.0.0.1:3000';
  const cookieHeader = (await cookies()).toString();
  const response = await fetch(`${base}/api${path}`, {
    headers: cookieHeader ? { cookie: cookieHeader } : {},
    cache: 'no-store',
  });
  const body = (await response.json().catch(() => ({}))) as { message?: string };
  if (!response.ok && response.status !== 503) throw new ApiError(response.status, body.message ?? response.statusText);
  return body as T;
}

export interface SystemStatus {
  healthy: boolean;
  components: Array<{ name: string; up: boolean; detail: string }>;
}

interface HealthAnswer {
  status: 'ok' | 'unavailable';
  eventStore: { up: boolean; head: string | null; error?: string };
  readModels: { up: boolean; error?: string };
  subscriptions: Array<{ name: string; state: string; eventsBehind: number | null }>;
}

export async function getSystemStatus(): Promise<SystemStatus> {
  const health = await apiGet<HealthAnswer>('/health');
  const behind = health.subscriptions.reduce((sum, s) => sum + (s.eventsBehind ?? 0), 0);
  return {
    healthy: health.status === 'ok',
    components: [
      { name: 'Event store', up: health.eventStore.up, detail: health.eventStore.error ?? `${health.eventStore.head ?? 0} events` },
      {
        name: 'Read models',
        up: health.readModels.up,
        detail: health.readModels.error ?? (behind === 0 ? 'up to date' : `${behind} events behind`),
      },
    ],
  };
}
