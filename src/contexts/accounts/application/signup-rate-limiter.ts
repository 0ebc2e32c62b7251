import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../shared/config/app-config';
import { SlidingWindow } from '../../../shared/rate-limit/sliding-window';
import { TooManySignups } from '../domain/accounts.errors';

/** Public sign-up per IP and hour (SIGNUPS_PER_IP_PER_HOUR): each attempt costs a scrypt hash and may claim an address. */
@Injectable()
export class SignupRateLimiter {
  private readonly attempts = new SlidingWindow(60 * 60 * 1000);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  take(ip: string, now = Date.now()): void {
    const wait = this.attempts.waitSeconds(ip, this.config.signupsPerIpPerHour, now);
    if (wait > 0) throw new TooManySignups(wait);
    this.attempts.add(ip, now);
  }
}
