/** What health reports for one projection or process manager. */
export interface SubscriptionStatus {
  name: string;
  kind: 'projection' | 'process-manager';
  state: 'starting' | 'catching-up' | 'live' | 'retrying' | 'stopped';
  checkpoint: string;
  head: string | null;
  caughtUp: boolean;
  /** Events between the checkpoint and the head of the log, where the store's positions allow counting. */
  eventsBehind: number | null;
  lastError: string | null;
  /** Retrying an event that fails on its own: it is parked after a bounded number of tries (false: the environment fails, retried until it recovers). */
  failingOnEvent: boolean;
  /** Events of this subscription that are parked (see ParkedEventStore). */
  parked: number;
}
