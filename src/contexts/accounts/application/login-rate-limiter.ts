import { Injectable } from '@nestjs/common';
import { TooManyLoginAttempts } from '../domain/accounts.errors';

const WINDOW_MS = 15 * 60 * 1000;
/** Failed sign-ins allowed per account and IP, and per IP across accounts, within the window. */
const PER_ACCOUNT_AND_IP = 5;
const PER_IP = 30;

/**
 * Slows password guessing: failures are counted per (account, IP) and per IP in a sliding window;
 * a success clears the account's count. In memory, per node: a restart forgives.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();

  check(accountKey: string, ip: string, now = Date.now()): void {
    for (const [key, limit] of this.keys(accountKey, ip)) {
      const recent = this.recent(key, now);
      if (recent.length >= limit) throw new TooManyLoginAttempts((recent[0] + WINDOW_MS - now) / 1000);
    }
  }

  recordFailure(accountKey: string, ip: string, now = Date.now()): void {
    for (const [key] of this.keys(accountKey, ip)) this.failures.set(key, [...this.recent(key, now), now]);
  }

  recordSuccess(accountKey: string, ip: string): void {
    this.failures.delete(`account:${accountKey}|${ip}`);
  }

  private keys(accountKey: string, ip: string): Array<[string, number]> {
    return [
      [`account:${accountKey}|${ip}`, PER_ACCOUNT_AND_IP],
      [`ip:${ip}`, PER_IP],
    ];
  }

  private recent(key: string, now: number): number[] {
    const recent = (this.failures.get(key) ?? []).filter((at) => at > now - WINDOW_MS);
    if (recent.length === 0) this.failures.delete(key);
    else this.failures.set(key, recent);
    return recent;
  }
}
