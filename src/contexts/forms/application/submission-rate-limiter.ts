import { Injectable } from '@nestjs/common';
import { TooManyRequests } from '../../../shared/domain/domain-error';
import { SlidingWindow } from '../../../shared/rate-limit/sliding-window';

/** Submissions per IP within ten minutes, across all forms: enough for an office behind one NAT, too few for a spam run. */
const PER_IP = 20;

export class TooManySubmissions extends TooManyRequests {
  constructor(retryAfterSeconds: number) {
    super('FORMS.TOO_MANY_SUBMISSIONS', `Too many submissions from your address; try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s)`, retryAfterSeconds);
  }
}

/** Every submission attempt counts (honeypot hits and invalid ones too, which is what bots send), per IP. */
@Injectable()
export class SubmissionRateLimiter {
  private readonly window = new SlidingWindow(10 * 60 * 1000);

  /** Counts this attempt, or refuses it when the IP is over its limit. */
  take(ip: string, now = Date.now()): void {
    const wait = this.window.waitSeconds(ip, PER_IP, now);
    if (wait > 0) throw new TooManySubmissions(wait);
    this.window.add(ip, now);
  }
}
