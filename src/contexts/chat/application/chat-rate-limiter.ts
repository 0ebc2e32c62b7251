import { Injectable } from '@nestjs/common';
import { TooManyRequests } from '../../../shared/domain/domain-error';
import { SlidingWindow } from '../../../shared/rate-limit/sliding-window';

/** New chat sessions per IP in ten minutes, and chat lines per IP in a minute: plenty for people, few for a script. */
const SESSIONS_PER_IP = 30;
const LINES_PER_IP = 60;
/** Each address a visitor leaves is mailed a code: few per hour, so the chat cannot be used to mail-bomb strangers. */
const EMAIL_CLAIMS_PER_IP = 10;

export class ChatTooBusy extends TooManyRequests {
  constructor(retryAfterSeconds: number) {
    super('CHAT.TOO_MANY_REQUESTS', `Too many chat messages from your address; try again in ${retryAfterSeconds} second(s)`, retryAfterSeconds);
  }
}

/** The public chat endpoints' guard against floods, per IP. */
@Injectable()
export class ChatRateLimiter {
  private readonly sessions = new SlidingWindow(10 * 60 * 1000);
  private readonly lines = new SlidingWindow(60 * 1000);
  private readonly emailClaims = new SlidingWindow(60 * 60 * 1000);

  takeSession(ip: string, now = Date.now()): void {
    take(this.sessions, ip, SESSIONS_PER_IP, now);
  }

  takeLine(ip: string, now = Date.now()): void {
    take(this.lines, ip, LINES_PER_IP, now);
  }

  takeEmailClaim(ip: string, now = Date.now()): void {
    take(this.emailClaims, ip, EMAIL_CLAIMS_PER_IP, now);
  }
}

function take(window: SlidingWindow, ip: string, limit: number, now: number): void {
  const wait = window.waitSeconds(ip, limit, now);
  if (wait > 0) throw new ChatTooBusy(wait);
  window.add(ip, now);
}
