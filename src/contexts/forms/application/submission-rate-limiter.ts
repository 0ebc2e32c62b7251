import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../shared/domain/domain-error';

const WINDOW_MS = 10 * 60 * 1000;
/** Submissions per IP within the window, across all forms: enough for an office behind one NAT, too few for a spam run. */
const PER_IP = 20;

export class TooManySubmissions extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super('FORMS.TOO_MANY_SUBMISSIONS', 'too_many_requests', `Too many submissions from your address; try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s)`);
  }
}

/**
 * Every submission attempt counts (honeypot hits and invalid ones too, which is what bots send), in a
 * sliding window per IP. In memory, per node, like the sign-in limiter: a restart forgives.
 */
@Injectable()
export class SubmissionRateLimiter {
  private readonly attempts = new Map<string, number[]>();

  /** Counts this attempt, or refuses it when the IP is over its limit. */
  take(ip: string, now = Date.now()): void {
    const recent = (this.attempts.get(ip) ?? []).filter((at) => at > now - WINDOW_MS);
    if (recent.length >= PER_IP) {
      this.attempts.set(ip, recent);
      throw new TooManySubmissions(Math.max(1, Math.ceil((recent[0] + WINDOW_MS - now) / 1000)));
    }
    this.attempts.set(ip, [...recent, now]);
    // Forget idle IPs now and then, so the map does not grow with every visitor ever seen.
    if (this.attempts.size > 10_000) {
      for (const [key, times] of this.attempts) if (times[times.length - 1] <= now - WINDOW_MS) this.attempts.delete(key);
    }
  }
}
