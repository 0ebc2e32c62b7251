/**
 * The tab's one connection to the live stream (`GET /api/stream`), shared by everything on the page
 * that follows it (the thread, the inbox, the notification bell): a browser keeps only a few
 * connections per server, and the API counts streams per user. Opened by the first follower,
 * closed when the last one leaves.
 */

export type LiveEventName = 'inbox' | 'notification' | 'presence';

export interface LiveFollower {
  /** Called with the event's data, parsed. */
  on: Partial<Record<LiveEventName, (data: unknown) => void>>;
  /** Told whether the stream is live now, and on every change. */
  status?(live: boolean): void;
}

const EVENT_NAMES: readonly LiveEventName[] = ['inbox', 'notification', 'presence'];
const followers = new Set<LiveFollower>();
let source: EventSource | null = null;
let live = false;

function setLive(value: boolean): void {
  live = value;
  for (const follower of followers) follower.status?.(value);
}

function open(): EventSource {
  const opened = new EventSource('/api/stream');
  opened.addEventListener('ready', () => setLive(true));
  for (const name of EVENT_NAMES) {
    opened.addEventListener(name, (event) => {
      const data: unknown = JSON.parse((event as MessageEvent<string>).data);
      followers.forEach((follower) => follower.on[name]?.(data));
    });
  }
  opened.onerror = () => setLive(false);
  return opened;
}

/** Follows the live stream until the returned function is called. */
export function followLive(follower: LiveFollower): () => void {
  followers.add(follower);
  if (source) follower.status?.(live);
  else source = open();
  return () => {
    followers.delete(follower);
    if (followers.size === 0 && source) {
      source.close();
      source = null;
      live = false;
    }
  };
}
