import { Injectable } from '@nestjs/common';
import { SlidingWindow } from '../../../shared/rate-limit/sliding-window';
import { TooManyResetRequests } from '../domain/accounts.errors';

/** Reset mails per address and hour, and reset requests per IP and hour. */
const PER_EMAIL = 3;
const PER_IP = 20;

/**
 * Keeps password reset from mailing a user over and over, and one IP from probing many addresses.
 * Requests are counted by the address typed, whether or not a user has it. Over the address's limit
 * the answer stays the same and nothing is sent; over the IP's the caller is told to wait (that says
 * nothing about any address).
 */
@Injectable()
export class PasswordResetRateLimiter {
  private readonly byEmail = new SlidingWindow(60 * 60 * 1000);
  private readonly byIp = new SlidingWindow(60 * 60 * 1000);

  /** Throws when the IP is over its limit; otherwise whether a mail may go to `email`. */
  take(email: string, ip: string, now = Date.now()): boolean {
    const wait = this.byIp.waitSeconds(ip, PER_IP, now);
    if (wait > 0) throw new TooManyResetRequests(wait);
    this.byIp.add(ip, now);
    if (this.byEmail.waitSeconds(email, PER_EMAIL, now) > 0) return false;
    this.byEmail.add(email, now);
    return true;
  }
}
