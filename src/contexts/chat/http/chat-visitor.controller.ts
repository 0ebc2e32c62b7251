import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Put, Req, Sse, UseGuards, type MessageEvent } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { Request, Response } from 'express';
import type { Observable } from 'rxjs';
import type { CommandContext } from '../../../shared/application/command-context';
import { SERVER_SECRET } from '../../../shared/config/server-secret';
import { NotFound } from '../../../shared/domain/domain-error';
import { ChatVisitorCredential, Public } from '../../../shared/http/access';
import { RequestContext } from '../../../shared/http/signed-in-user';
import { chatVisitorPresence, Presence } from '../../../shared/presence/presence';
import { liveTopic } from '../../../shared/live/live-log';
import { LIVE_MAX_PENDING, LiveStreams } from '../../../shared/live/live-streams';
import { AccountsQueries } from '../../accounts/contract';
import { ChannelsQueries, chatChannelStream } from '../../channel-configuration/contract';
import { ConversationsQueries, ReceiveChatMessage } from '../../conversations/contract';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { ChatRateLimiter } from '../application/chat-rate-limiter';
import { ClaimVisitorEmail } from '../application/claim-visitor-email.command';
import { VerifyVisitorEmail } from '../application/verify-visitor-email.command';
import { visitorEmailDecider, visitorEmailStream, type VisitorEmailState } from '../domain/visitor-email.decider';
import { ChatUnavailable, chatConversationId, chatVisitorToken } from '../domain/chat-session';
import { ChatLineReceivedAnswer, ChatSessionAnswer, ChatTranscriptAnswer, VerifiedEmailAnswer, VisitorEmailAnswer } from './chat.answers';
import { chatConversationOf, ChatSessionGuard } from './chat-session.guard';

class VisitorDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: 'name must be at most 100 characters' })
  @Matches(/^[^\r\n]*$/, { message: 'name must be one line' })
  name?: string;

  @ApiPropertyOptional({ description: 'where replies can reach the visitor once they have left' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an email address' })
  email?: string;
}

class IdentifyDto extends VisitorDto {
  @ApiProperty()
  @IsEmail({}, { message: 'email must be an email address' })
  declare email: string;
}

class VerificationDto {
  @ApiProperty({ description: 'the six digits mailed to the address the visitor left' })
  @IsString()
  @Matches(/^\s*\d{6}\s*$/, { message: 'code must be the six digits from the mail' })
  code!: string;
}

class ChatLineDto extends VisitorDto {
  @ApiProperty()
  @IsString()
  @Matches(/\S/, { message: 'text must not be empty' })
  @MaxLength(5000, { message: 'text must be at most 5000 characters' })
  text!: string;
}

/** Conversation events the visitor's page shows. */
const CHAT_CHANGES = new Set(['ChatMessageReceived', 'ChatReplyPosted', 'ReplyQueued', 'ConversationClosed', 'ConversationReopened']);

/**
 * The visitor's side of the chat widget. A session is a random id plus a token derived from it;
 * the conversation starts with the visitor's first line. While the visitor's stream is open they
 * count as online, and agents' replies go to the chat; after that, by email if they left one.
 */
@ApiTags('chat')
@Controller('chat/:accountId')
export class ChatVisitorController {
  constructor(
    private readonly commands: CommandBus,
    private readonly channels: ChannelsQueries,
    private readonly accounts: AccountsQueries,
    private readonly conversations: ConversationsQueries,
    private readonly presence: Presence,
    private readonly limiter: ChatRateLimiter,
    private readonly eventSourcing: EventSourcing,
    private readonly live: LiveStreams,
    @Inject(SERVER_SECRET) private readonly secret: string,
  ) {}

  @Post('sessions')
  @Public()
  @HttpCode(201)
  @ApiCreatedResponse({ type: ChatSessionAnswer })
  startSession(@Param('accountId', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) accountId: string, @Req() request: Request): ChatSessionAnswer {
    this.requireChat(accountId);
    this.limiter.takeSession(request.ip ?? 'unknown');
    const sessionId = randomUUID();
    return { sessionId, token: chatVisitorToken(this.secret, accountId, sessionId), conversationId: chatConversationId(accountId, sessionId) };
  }

  @Get('sessions/:sessionId/messages')
  @ChatVisitorCredential()
  @UseGuards(ChatSessionGuard)
  @ApiOkResponse({ type: ChatTranscriptAnswer })
  async messages(@Param('accountId') accountId: string, @Req() request: Request): Promise<ChatTranscriptAnswer> {
    const conversationId = chatConversationOf(request);
    const conversation = this.conversations.conversation(accountId, conversationId);
    const lines = conversation ? this.conversations.messages(conversationId) : [];
    const claim = await this.visitorEmail(conversationId);
    const email = conversation?.contact.email || claim.verified?.email || null;
    return {
      status: conversation?.status ?? 'open',
      // pendingEmail: an address left but not yet confirmed with the mailed code.
      visitor: conversation || claim.pending || claim.verified
        ? { name: conversation?.contact.name ?? claim.verified?.name ?? '', email, pendingEmail: claim.pending && claim.pending.email !== email ? claim.pending.email : null }
        : null,
      messages: lines.map((line) => ({
        id: line.id,
        author: line.direction === 'inbound' ? 'visitor' : 'agent',
        name: line.from?.name ?? '',
        text: line.replyText,
        via: line.kind === 'chat' ? 'chat' : 'email',
        at: line.receivedAt,
      })),
    };
  }

  @Post('sessions/:sessionId/messages')
  @ChatVisitorCredential()
  @UseGuards(ChatSessionGuard)
  @HttpCode(201)
  @ApiCreatedResponse({ type: ChatLineReceivedAnswer })
  async send(@Param('accountId') accountId: string, @Param('sessionId') sessionId: string, @Body() body: ChatLineDto, @Req() request: Request, @RequestContext() context: CommandContext): Promise<ChatLineReceivedAnswer> {
    const conversationId = chatConversationOf(request);
    this.requireChat(accountId);
    this.limiter.takeLine(request.ip ?? 'unknown');
    const visitorContext = this.visitorContext(context, accountId, sessionId);
    const claim = await this.visitorEmail(conversationId);
    const received = await this.commands.execute(
      new ReceiveChatMessage(conversationId, { name: body.name ?? claim.verified?.name ?? '', email: claim.verified?.email ?? null }, randomUUID(), body.text.trim(), visitorContext),
    );
    // An address sent with a line is a claim like any other: the line is the anonymous visitor's until
    // it is confirmed. Claimed after the line is kept, so a claim refused (no code could be mailed) never loses it.
    const claimed = body.email?.trim().toLowerCase();
    if (claimed && claimed !== claim.verified?.email && claimed !== claim.pending?.email) {
      this.limiter.takeEmailClaim(request.ip ?? 'unknown');
      await this.commands.execute(new ClaimVisitorEmail(conversationId, { name: body.name ?? '', email: claimed }, visitorContext));
    }
    return received;
  }

  /**
   * The visitor leaves an address: a claim until they enter the code it is mailed (202 with
   * `pendingEmail`); an address they already confirmed answers `email`.
   */
  @Put('sessions/:sessionId/visitor')
  @ChatVisitorCredential()
  @UseGuards(ChatSessionGuard)
  @HttpCode(202)
  @ApiAcceptedResponse({ type: VisitorEmailAnswer })
  async identify(@Param('accountId') accountId: string, @Param('sessionId') sessionId: string, @Body() body: IdentifyDto, @Req() request: Request, @RequestContext() context: CommandContext): Promise<VisitorEmailAnswer> {
    const conversationId = chatConversationOf(request);
    this.requireChat(accountId);
    this.limiter.takeEmailClaim(request.ip ?? 'unknown');
    return this.commands.execute(new ClaimVisitorEmail(conversationId, { name: body.name ?? '', email: body.email }, this.visitorContext(context, accountId, sessionId)));
  }

  /** The code from the mail: the chat becomes the contact of the address it was sent to. */
  @Post('sessions/:sessionId/visitor/verification')
  @ChatVisitorCredential()
  @UseGuards(ChatSessionGuard)
  @HttpCode(200)
  @ApiOkResponse({ type: VerifiedEmailAnswer })
  async verify(@Param('accountId') accountId: string, @Param('sessionId') sessionId: string, @Body() body: VerificationDto, @Req() request: Request, @RequestContext() context: CommandContext): Promise<VerifiedEmailAnswer> {
    const conversationId = chatConversationOf(request);
    this.requireChat(accountId);
    this.limiter.takeLine(request.ip ?? 'unknown');
    return this.commands.execute(new VerifyVisitorEmail(conversationId, body.code.trim(), this.visitorContext(context, accountId, sessionId)));
  }

  @Sse('sessions/:sessionId/stream', { maxPendingDataLength: LIVE_MAX_PENDING })
  @ChatVisitorCredential()
  @UseGuards(ChatSessionGuard)
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'server-sent events: `ready`, then `chat` with `{change}` per change the visitor may see', schema: { type: 'string' } })
  stream(@Param('accountId') accountId: string, @Req() request: Request): Observable<MessageEvent> {
    const conversationId = chatConversationOf(request);
    this.requireChat(accountId);
    return this.live.open(
      {
        owner: { chatSession: conversationId, address: request.ip ?? 'unknown' },
        topics: [liveTopic.conversation(conversationId), liveTopic.stream(chatChannelStream(accountId))],
        pick: (event) => {
          // The session is good only while the account has chat on.
          if (event.type === 'ChatChannelDisabled') return 'end';
          if (!CHAT_CHANGES.has(event.type) || (event.data as { conversationId?: string }).conversationId !== conversationId) return null;
          return { type: 'chat', data: { change: event.type } };
        },
        stillValid: () => this.chatAvailable(accountId),
        // While the stream is open the visitor counts as online.
        whileOpen: () => this.presence.join(chatVisitorPresence(conversationId)),
      },
      request.res as Response,
    );
  }

  private visitorEmail(conversationId: string): Promise<VisitorEmailState> {
    return this.eventSourcing.load(visitorEmailStream(conversationId), visitorEmailDecider);
  }

  private requireChat(accountId: string): void {
    if (!this.accounts.account(accountId)) throw new NotFound('Chat');
    if (!this.channels.chatEnabled(accountId)) throw new ChatUnavailable();
  }

  private chatAvailable(accountId: string): boolean {
    return Boolean(this.accounts.account(accountId)) && this.channels.chatEnabled(accountId);
  }

  private visitorContext(context: CommandContext, accountId: string, sessionId: string): CommandContext & { accountId: string } {
    return { ...context, actor: { system: `chat-visitor:${sessionId}` }, accountId };
  }
}
