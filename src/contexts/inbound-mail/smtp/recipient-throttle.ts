import { SlidingWindow } from '../../../shared/rate-limit/sliding-window';
import { SMTP_LIMITS, type UnknownRecipientLimits } from './smtp-limits';

export interface UnknownRecipientAnswer {
  /** How long to wait before answering. */
  delayMs: number;
  /** Answer 421 and end the session instead of 550. */
  close: boolean;
}

/**
 * Slows down guessing which addresses exist: a session's first few unknown recipients are answered
 * at once, later ones a step slower each, and one more ends the session; an address that keeps
 * guessing across sessions is slowed and cut short in every new session for a while.
 */
export class RecipientThrottle {
  private readonly perSession = new Map<string, number>();
  private readonly perIp: SlidingWindow;

  constructor(private readonly limits: UnknownRecipientLimits = SMTP_LIMITS.unknownRecipients) {
    this.perIp = new SlidingWindow(limits.windowMs);
  }

  unknown(sessionId: string, ip: string, now = Date.now()): UnknownRecipientAnswer {
    const inSession = (this.perSession.get(sessionId) ?? 0) + 1;
    this.perSession.set(sessionId, inSession);
    this.perIp.add(ip, now);
    const fromIp = this.perIp.recent(ip, now).length;
    const over = Math.max(inSession - this.limits.freePerSession, fromIp - this.limits.freePerIp, 0);
    return {
      delayMs: Math.min(over * this.limits.stepMs, this.limits.maxDelayMs),
      close: inSession >= this.limits.closeSessionAt || fromIp > this.limits.freePerIp,
    };
  }

  forget(sessionId: string): void {
    this.perSession.delete(sessionId);
  }
}
