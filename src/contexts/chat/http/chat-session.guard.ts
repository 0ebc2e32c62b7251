import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { SERVER_SECRET } from '../../../shared/config/server-secret';
import { ChatTokenInvalid, chatConversationId, chatTokenMatches, chatVisitorToken } from '../domain/chat-session';
import { bearerToken } from '../../../shared/http/bearer-token';

/** The conversation of the chat session whose token the visitor proved. */
export const chatConversationOf = (request: Request): string => (request as Request & { chatConversationId: string }).chatConversationId;

/**
 * A visitor proves their session with its token (Authorization: Bearer, or ?token= for EventSource,
 * which cannot send headers). Checked as a guard, so a caller without it learns nothing from validation.
 */
@Injectable()
export class ChatSessionGuard implements CanActivate {
  constructor(@Inject(SERVER_SECRET) private readonly secret: string) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const { accountId, sessionId } = request.params as { accountId: string; sessionId: string };
    const fromQuery = typeof request.query.token === 'string' ? request.query.token : '';
    const presented = bearerToken(request) ?? fromQuery;
    if (!presented || !chatTokenMatches(presented, chatVisitorToken(this.secret, accountId, sessionId))) throw new ChatTokenInvalid();
    (request as Request & { chatConversationId: string }).chatConversationId = chatConversationId(accountId, sessionId);
    return true;
  }
}
