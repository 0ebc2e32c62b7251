import type { CommandContext } from '../../../shared/application/command-context';
import type { EventSourcing } from '../../../shared/application/event-sourcing.service';
import type { Role } from '../../../shared/domain/event-envelope';
import type { Position } from '../../../shared/event-store/event-store.port';
import { newSessionToken } from '../../../shared/http/session-cookie';
import { SESSION_LIFETIME_MS, sessionDecider, sessionStream } from '../domain/session.decider';

export interface StartedSession {
  token: string;
  expiresAt: Date;
  position: Position | null;
}

/** Records a new session for the user; the token goes to the cookie, only its hash to the log. */
export async function startSession(
  eventSourcing: EventSourcing,
  user: { userId: string; accountId: string; role: Role },
  context: CommandContext,
  now = new Date(),
): Promise<StartedSession> {
  const { token, sessionId } = newSessionToken();
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  const outcome = await eventSourcing.decide(
    sessionStream(sessionId),
    sessionDecider,
    { type: 'StartSession', sessionId, userId: user.userId, accountId: user.accountId, expiresAt: expiresAt.toISOString() },
    { ...context, actor: { userId: user.userId, role: user.role }, accountId: user.accountId },
  );
  return { token, expiresAt, position: outcome.position };
}
