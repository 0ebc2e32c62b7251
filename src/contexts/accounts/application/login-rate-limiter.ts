import { Injectable } from '@nestjs/common';
import { SlidingWindow } from '../../../shared/rate-limit/sliding-window';
import { TooManyLoginAttempts } from '../domain/accounts.errors';

/** Failed sign-ins allowed per account and IP, and per IP across accounts, within fifteen minutes. */
const PER_ACCOUNT_AND_IP = 5;
const PER_IP = 30;

/** Slows password guessing: failures are counted per (account, IP) and per IP; a success clears the account's count. */
@Injectable()
export class LoginRateLimiter {
  private readonly failures = new SlidingWindow(15 * 60 * 1000);

  check(accountKey: string, ip: string, now = Date.now()): void {
    for (const [key, limit] of this.keys(accountKey, ip)) {
      const wait = this.failures.waitSeconds(key, limit, now);
      if (wait > 0) throw new TooManyLoginAttempts(wait);
    }
  }

  recordFailure(accountKey: string, ip: string, now = Date.now()): void {
    for (const [key] of this.keys(accountKey, ip)) this.failures.add(key, now);
  }

  recordSuccess(accountKey: string, ip: string): void {
    this.failures.clear(`account:${accountKey}|${ip}`);
  }

  private keys(accountKey: string, ip: string): Array<[string, number]> {
    return [
      [`account:${accountKey}|${ip}`, PER_ACCOUNT_AND_IP],
      [`ip:${ip}`, PER_IP],
    ];
  }
}
