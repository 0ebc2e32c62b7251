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
}
