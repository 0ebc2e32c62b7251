import { Injectable } from '@nestjs/common';
import { SlidingWindow } from '../../../shared/rate-limit/sliding-window';
import { TooManyLoginAttempts } from '../domain/accounts.errors';

/** Failed sign-ins allowed within fifteen minutes: per address and IP, and per address across IPs. */
const PER_EMAIL_AND_IP = 5;
const PER_EMAIL = 20;
/** How long an IP that signed in to an address stays exempt from that address's limit across IPs. */
const TRUSTED_FOR_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Slows password guessing. Failures are counted by the address typed, whether or not a user has it,
 * so the answers never tell which addresses exist; and never by IP alone, so people sharing an IP
 * (an office, a carrier's NAT) do not lock each other out. The count across IPs stops a botnet
 * guessing one user's password; the user keeps signing in from an IP where they succeeded before.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly failures = new SlidingWindow(15 * 60 * 1000);
  private readonly trusted = new SlidingWindow(TRUSTED_FOR_MS);

  check(email: string, ip: string, now = Date.now()): void {
    for (const [key, limit] of this.keys(email, ip, now)) {
      const wait = this.failures.waitSeconds(key, limit, now);
      if (wait > 0) throw new TooManyLoginAttempts(wait);
    }
  }

  recordFailure(email: string, ip: string, now = Date.now()): void {
    this.failures.add(pairKey(email, ip), now);
    this.failures.add(emailKey(email), now);
  }

  recordSuccess(email: string, ip: string, now = Date.now()): void {
    this.failures.clear(pairKey(email, ip));
    this.trusted.clear(pairKey(email, ip));
    this.trusted.add(pairKey(email, ip), now);
  }

  private keys(email: string, ip: string, now: number): Array<[string, number]> {
    const pair: [string, number] = [pairKey(email, ip), PER_EMAIL_AND_IP];
    return this.trusted.recent(pairKey(email, ip), now).length > 0 ? [pair] : [pair, [emailKey(email), PER_EMAIL]];
  }
}

const pairKey = (email: string, ip: string) => `${email}|${ip}`;
const emailKey = (email: string) => `email:${email}`;
