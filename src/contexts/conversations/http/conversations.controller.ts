import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiConflictResponse, ApiOkResponse, ApiProduces, ApiProperty, ApiPropertyOptional, ApiQuery } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import type { CommandContext } from '../../../shared/application/command-context';
import { ActOnConversation, type ConversationAction } from '../application/act-on-conversation.command';
import { ReplyComposer } from '../application/reply-composer';
import { RetryReply } from '../application/retry-reply.command';
import { SendReply } from '../application/send-reply.command';
import { ForwardConversation } from '../application/forward-conversation.command';
import { APP_CONFIG, type AppConfig } from '../../../shared/config/app-config';
import { MAX_RECIPIENTS, partyOf, suggestedCc } from '../domain/recipients';
import { MAX_FORWARDED_MESSAGES } from '../domain/forward';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { BLOB_STORE, type BlobStore } from '../../../shared/blobs/blob-store';
import { InvalidInput, NotFound } from '../../../shared/domain/domain-error';
import { Allow } from '../../../shared/http/access';
import { attachmentDisposition } from '../../../shared/http/content-disposition';
import { CurrentUser, RequestContext, type SignedInUser } from '../../../shared/http/signed-in-user';
import { ConversationsQueries, type MessageRow } from '../read-models/conversations.queries';
import { InboxQueries } from '../read-models/inbox.queries';
import { SendHeldAnswer } from './collision.answers';
import { AccountsQueries } from '../../accounts/contract';
import { TagsQueries } from '../read-models/tags.queries';
import { ConversationAnswer, ConversationSummaryAnswer, InboxPageAnswer, MessageAnswer, ReplyQueuedAnswer, RetryAnswer } from './conversations.answers';

class AssignDto {
  @ApiProperty({ type: String, nullable: true, description: 'a user of the account, or null to unassign' })
  @ValidateIf((_, value) => value !== null)
  @IsString()
  userId!: string | null;
}

class ReplyDto {
  @ApiPropertyOptional({ description: "the agent's subject; when absent, `Re:` and the customer's subject for a conversation that began with an email (unless the channel uses the default subject), else the channel's default subject" })
  @IsOptional()
  @IsString()
  @MaxLength(998, { message: 'subject must be at most 998 characters (one header line)' })
  @Matches(/^[^\r\n]*$/, { message: 'subject must be one line (no line breaks)' })
  subject?: string;

  @ApiProperty({ description: 'the reply as text, with the reply markup: **bold**, *italic*, [label](https://…), - and 1. lists, > quotes' })
  @IsString()
  @Matches(/\S/, { message: 'text must not be empty' })
  @MaxLength(100_000, { message: 'text must be at most 100000 characters' })
  text!: string;

  @ApiPropertyOptional({
    description:
      'the reply as HTML, sanitized like inbound mail; without it the HTML part is made from text, whose marks (**bold**, *italic*, [label](url), lists, > quotes) are formatted. Ignored when the channel sends plain text only',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500_000, { message: 'html must be at most 500000 characters' })
  html?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'when the composer last caught up with the thread: the reply is held (409) if someone else added to it since' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'savedAt must be an ISO 8601 time' })
  @MaxLength(40, { message: 'savedAt must be an ISO 8601 time' })
  savedAt?: string;

  @ApiPropertyOptional({ description: 'send even though something arrived after savedAt' })
  @IsOptional()
  @IsBoolean({ message: 'force must be true or false' })
  force?: boolean;

  @ApiPropertyOptional({ type: [String], description: `copies beside the contact, one plain address each (no groups or lists); To, Cc and Bcc together at most ${MAX_RECIPIENTS}` })
  @IsOptional()
  @IsArray({ message: 'cc must be a list of addresses' })
  @ArrayMaxSize(100, { message: `cc must be a list of addresses, at most ${MAX_RECIPIENTS} recipients in all (To, Cc and Bcc)` })
  @IsString({ each: true, message: 'cc must be a list of addresses' })
  @MaxLength(320, { each: true, message: 'cc: an address is at most 320 characters' })
  cc?: string[];

  @ApiPropertyOptional({ type: [String], description: 'blind copies: in the envelope only, never in a header' })
  @IsOptional()
  @IsArray({ message: 'bcc must be a list of addresses' })
  @ArrayMaxSize(100, { message: `bcc must be a list of addresses, at most ${MAX_RECIPIENTS} recipients in all (To, Cc and Bcc)` })
  @IsString({ each: true, message: 'bcc must be a list of addresses' })
  @MaxLength(320, { each: true, message: 'bcc: an address is at most 320 characters' })
  bcc?: string[];

  @ApiPropertyOptional({ type: [String], description: 'uploads (POST /api/uploads) sent with the reply: files, and pasted images inline' })
  @IsOptional()
  @IsArray({ message: 'attachmentIds must be a list of upload ids' })
  @ArrayMaxSize(100, { message: 'attachmentIds may name at most 100 uploads' })
  @IsString({ each: true, message: 'attachmentIds must be a list of upload ids' })
  @MaxLength(100, { each: true, message: 'attachmentIds must be a list of upload ids' })
  attachmentIds?: string[];
}

class ForwardDto {
  @ApiProperty({ description: "one address, not the contact's and not the inbox's own" })
  @IsString({ message: 'to must be an email address' })
  @MaxLength(320, { message: 'to: an address is at most 320 characters' })
  to!: string;

  @ApiProperty({ description: "the agent's note above the forwarded messages (may be empty)" })
  @IsString({ message: 'text must be text' })
  @MaxLength(100_000, { message: 'text must be at most 100000 characters' })
  text!: string;

  @ApiPropertyOptional({ type: [String], description: `the messages to forward; the whole conversation (its newest ${MAX_FORWARDED_MESSAGES} messages) when absent` })
  @IsOptional()
  @IsArray({ message: 'messageIds must be a list of message ids' })
  @ArrayMaxSize(MAX_FORWARDED_MESSAGES, { message: `messageIds: at most ${MAX_FORWARDED_MESSAGES} messages in one forward` })
  @IsString({ each: true, message: 'messageIds must be a list of message ids' })
  @MaxLength(100, { each: true, message: 'messageIds must be a list of message ids' })
  messageIds?: string[];
}

@ApiTags('conversations')
@Controller()
@Allow('conversations.read')
export class ConversationsController {
  constructor(
    private readonly queries: ConversationsQueries,
    private readonly inbox: InboxQueries,
    private readonly tags: TagsQueries,
    private readonly commands: CommandBus,
    private readonly composer: ReplyComposer,
    private readonly accounts: AccountsQueries,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('conversations/:id/replies')
  @Allow('conversations.reply')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: ReplyQueuedAnswer })
  @ApiConflictResponse({ type: SendHeldAnswer, description: 'held: something arrived after `savedAt` (send again with `force: true`)' })
  reply(@Param('id') id: string, @Body() body: ReplyDto, @CurrentUser() user: SignedInUser, @RequestContext() context: CommandContext): Promise<ReplyQueuedAnswer> {
    const input = {
      subject: body.subject,
      text: body.text,
      html: body.html,
      savedAt: body.savedAt ? new Date(body.savedAt) : undefined,
      force: body.force,
      cc: body.cc,
      bcc: body.bcc,
      attachmentIds: body.attachmentIds,
    };
    return this.commands.execute(new SendReply(id, input, { ...context, accountId: user.accountId, userId: user.userId }));
  }

  @Post('conversations/:id/forward')
  @Allow('conversations.reply')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: ReplyQueuedAnswer, description: 'recorded like a reply (undo, retry and delivery apply); `via` is always email' })
  async forward(@Param('id') id: string, @Body() body: ForwardDto, @CurrentUser() user: SignedInUser, @RequestContext() context: CommandContext): Promise<ReplyQueuedAnswer> {
    const input = { to: body.to, text: body.text, messageIds: body.messageIds };
    const forwarded = await this.commands.execute(new ForwardConversation(id, input, { ...context, accountId: user.accountId, userId: user.userId }));
    return { ...forwarded, via: 'email' };
  }

  @Post('conversations/:id/messages/:messageId/retry')
  @Allow('conversations.reply')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: RetryAnswer })
  async retry(@Param('id') id: string, @Param('messageId') messageId: string, @CurrentUser() user: SignedInUser, @RequestContext() context: CommandContext): Promise<RetryAnswer> {
    await this.commands.execute(new RetryReply(id, messageId, { ...context, accountId: user.accountId }));
    return { messageId, deliveryStatus: 'queued' };
  }

  @Post('conversations/:id/close')
  @Allow('conversations.manage')
  @HttpCode(200)
  @ApiOkResponse({ type: ConversationSummaryAnswer })
  close(@Param('id') id: string, @CurrentUser() user: SignedInUser, @RequestContext() context: CommandContext): Promise<ConversationSummaryAnswer> {
    return this.act(id, { type: 'Close' }, user, context);
  }

  @Post('conversations/:id/reopen')
  @Allow('conversations.manage')
  @HttpCode(200)
  @ApiOkResponse({ type: ConversationSummaryAnswer })
  reopen(@Param('id') id: string, @CurrentUser() user: SignedInUser, @RequestContext() context: CommandContext): Promise<ConversationSummaryAnswer> {
    return this.act(id, { type: 'Reopen' }, user, context);
  }

  @Post('conversations/:id/assign')
  @Allow('conversations.manage')
  @HttpCode(200)
  @ApiOkResponse({ type: ConversationSummaryAnswer })
  assign(@Param('id') id: string, @Body() body: AssignDto, @CurrentUser() user: SignedInUser, @RequestContext() context: CommandContext): Promise<ConversationSummaryAnswer> {
    return this.act(id, { type: 'Assign', assigneeId: body.userId ?? null }, user, context);
  }

  private async act(id: string, action: ConversationAction, user: SignedInUser, context: CommandContext): Promise<ConversationSummaryAnswer> {
    await this.commands.execute(new ActOnConversation(id, action, { ...context, accountId: user.accountId }));
    const conversation = this.queries.conversation(user.accountId, id);
    if (!conversation) throw new NotFound('Conversation');
    const { participants: _participants, linkedConversationIds: _linked, linkReason: _linkReason, ...summary } = conversation;
    return summary;
  }

  @Get('conversations')
  @ApiOkResponse({ type: InboxPageAnswer })
  @ApiQuery({ name: 'status', required: false, enum: ['open', 'closed', 'snoozed'], description: 'every status when absent; open leaves out snoozed ones' })
  @ApiQuery({ name: 'channel', required: false, enum: ['email', 'chat', 'form'] })
  @ApiQuery({ name: 'assignee', required: false, description: 'a user id, `me`, or `none` for unassigned conversations' })
  @ApiQuery({ name: 'cursor', required: false, description: "the previous page's nextCursor" })
  @ApiQuery({ name: 'limit', required: false, type: 'integer', description: '1 to 100; 25 when absent' })
  @ApiQuery({ name: 'q', required: false, description: 'search words (at most 200 characters); also finds conversations by their tags\' names' })
  @ApiQuery({ name: 'tag', required: false, description: 'a tag name: only conversations carrying it' })
  list(
    @CurrentUser() user: SignedInUser,
    @Query('status') status?: string,
    @Query('channel') channel?: string,
    @Query('assignee') assignee?: string,
    @Query('cursor') cursor?: string,
    @Query('limit') limit?: string,
    @Query('q') q?: string,
    @Query('tag') tag?: string,
  ): InboxPageAnswer {
    if (status && !['open', 'closed', 'snoozed'].includes(status)) throw new InvalidInput('status', 'status must be open, closed or snoozed');
    if (channel && !['email', 'chat', 'form'].includes(channel)) throw new InvalidInput('channel', 'channel must be email, chat or form');
    const size = limit === undefined ? 25 : Number(limit);
    if (!Number.isInteger(size) || size < 1 || size > 100) throw new InvalidInput('limit', 'limit must be a whole number from 1 to 100');
    if (q !== undefined && (typeof q !== 'string' || q.length > 200)) throw new InvalidInput('q', 'q must be text of at most 200 characters');
    if (tag !== undefined && (typeof tag !== 'string' || tag.length > 200)) throw new InvalidInput('tag', 'tag must be a tag name');
    // assignee: a user id, "me", or "none" for unassigned conversations.
    const assigneeFilter = assignee === 'none' ? null : assignee === 'me' ? user.userId : assignee;
    return this.inbox.list(user.accountId, user.userId, { status, channel, assignee: assigneeFilter, q, tag: tag || undefined, cursor, limit: size });
  }

  @Get('conversations/:id')
  @ApiOkResponse({ type: ConversationAnswer })
  async conversation(@Param('id') id: string, @CurrentUser() user: SignedInUser): Promise<ConversationAnswer> {
    const conversation = this.queries.conversation(user.accountId, id);
    if (!conversation) throw new NotFound('Conversation');
    const rows = this.queries.messages(id, { withNotes: true });
    // Who a message was forwarded to: their answers show as a third party's, never as the contact's.
    const thirdParties = new Set(rows.flatMap((row) => (row.forward ? row.to.map((person) => person.address) : [])));
    const messages = await Promise.all(rows.map((message) => this.present(message, conversation.contact.email, thirdParties)));
    // What the composer shows: the from line and subject the contact will get, or why it cannot send.
    const preview = this.composer.preview(user.accountId, user.userId, conversation);
    const composer = {
      canReply: preview.blockedBecause === null,
      reason: preview.blockedBecause,
      via: preview.via,
      note: preview.note,
      from: preview.from,
      to: conversation.contact.email || null,
      subject: preview.subject,
      cc: suggestedCc(rows, conversation.contact.email, this.config.inboxDomain, thirdParties),
      maxRecipients: MAX_RECIPIENTS,
      plainTextOnly: preview.plainTextOnly,
      signatures: preview.signatures,
    };
    const draft = this.queries.draft(user.accountId, id, user.userId);
    const colleaguesWithDrafts = this.queries
      .draftAuthors(user.accountId, id, user.userId)
      .map((userId) => ({ userId, name: this.accounts.user(user.accountId, userId)?.name ?? '' }));
    return { ...conversation, tags: this.tags.of(id), messages, composer, draft, colleaguesWithDrafts };
  }

  @Get('attachments/:id')
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: "the attachment's bytes, with its own content type", schema: { type: 'string', format: 'binary' } })
  async attachment(@Param('id') id: string, @CurrentUser() user: SignedInUser, @Res() response: Response): Promise<void> {
    const attachment = this.queries.attachment(user.accountId, id);
    if (!attachment) throw new NotFound('Attachment');
    const bytes = await this.blobs.get(attachment.hash);
    response
      .status(200)
      .setHeader('Content-Type', attachment.contentType)
      .setHeader('Content-Disposition', attachmentDisposition(attachment.filename))
      .setHeader('X-Content-Type-Options', 'nosniff')
      .setHeader('Content-Security-Policy', "default-src 'none'; sandbox")
      .send(bytes);
  }

  private async present(message: MessageRow, contactEmail: string, thirdParties: ReadonlySet<string>): Promise<MessageAnswer> {
    // Mail keeps its text part in the blob store; replies and chat lines carry their text themselves.
    const ownText = message.direction !== 'inbound' || message.kind === 'chat';
    const text = message.textHash ? (await this.blobs.get(message.textHash)).toString('utf8') : ownText ? message.replyText : '';
    let html = message.htmlHash ? (await this.blobs.get(message.htmlHash)).toString('utf8') : message.html;
    // Inline images: cid: references point at the message's own attachments, served to the account only.
    if (html) {
      for (const attachment of message.attachments.filter((a) => a.contentId)) {
        html = html.split(`cid:${attachment.contentId}`).join(`/api/attachments/${attachment.id}`);
      }
    }
    return {
      id: message.id,
      direction: message.direction,
      from: message.from,
      to: message.to,
      cc: message.cc,
      bcc: message.bcc,
      party: message.direction === 'inbound' ? (message.kind === 'chat' ? 'contact' : partyOf(message.from?.address ?? null, contactEmail, thirdParties)) : null,
      forward: message.forward,
      subject: message.subject,
      text,
      // A reply's own words, without the history it quotes.
      replyText: message.quoteStart === null ? message.replyText : message.replyText.slice(0, message.quoteStart).trimEnd(),
      html,
      attachments: message.attachments.map((a) => ({ ...a, url: `/api/attachments/${a.id}` })),
      omittedAttachments: message.omitted,
      truncated: message.truncated,
      sentAt: message.sentAt ?? message.receivedAt,
      receivedAt: message.receivedAt,
      deliveryStatus: message.deliveryStatus,
      deliveryError: message.deliveryError,
      deliveryAttempts: message.deliveryAttempts,
      nextAttemptAt: message.nextAttemptAt,
      sendsAt: message.sendsAt,
      authorId: message.authorId,
      internetMessageId: message.internetMessageId,
      kind: message.kind,
      receivedWhileDisabled: message.receivedWhileDisabled,
      authentication: message.authentication,
    };
  }
}
