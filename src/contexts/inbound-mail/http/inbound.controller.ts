import { Controller, Get, HttpCode, Inject, Param, Post, Req, Res, UnauthorizedException, UnprocessableEntityException } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConsumes, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { CommandContext } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { BLOB_STORE, type BlobStore } from '../../../shared/blobs/blob-store';
import { SERVER_SECRET } from '../../../shared/config/server-secret';
import { NotFound } from '../../../shared/domain/domain-error';
import { Allow, InboundTokenCredential } from '../../../shared/http/access';
import { attachmentDisposition } from '../../../shared/http/content-disposition';
import { CurrentUser, RequestContext, type SignedInUser } from '../../../shared/http/signed-in-user';
import { MailIntake } from '../application/mail-intake';
import { NotShownMailQueue } from '../application/not-shown-mail';
import { accountOfToken, inboundToken, inboundTokenDecider, inboundTokenStream, tokenMatches } from '../domain/inbound-token';
import { InboundMailQueries, type InboundMailView } from '../read-models/inbound-mail.queries';
import { messageOf } from '../../../shared/error-message';
import { bearerToken } from '../../../shared/http/bearer-token';
import { FailedMailAnswer, FailedMailListAnswer, InboundTokenAnswer, IntakeAnswer, ReprocessAnswer } from './inbound.answers';

@ApiTags('inbound mail')
@Controller()
export class InboundController {
  constructor(
    private readonly intake: MailIntake,
    private readonly queries: InboundMailQueries,
    private readonly eventSourcing: EventSourcing,
    private readonly notShown: NotShownMailQueue,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(SERVER_SECRET) private readonly secret: string,
  ) {}

  /** For relays that post inbound mail: the raw message as the body, the account's token as Bearer. */
  @Post('inbound/mime')
  @InboundTokenCredential()
  @HttpCode(202)
  @ApiConsumes('message/rfc822')
  @ApiAcceptedResponse({ type: IntakeAnswer })
  async mime(@Req() request: Request): Promise<IntakeAnswer> {
    const presented = bearerToken(request) ?? '';
    const accountId = accountOfToken(presented);
    if (!accountId || !tokenMatches(presented, this.tokenOf(accountId))) {
      throw new UnauthorizedException('A valid inbound token is required (Authorization: Bearer <token>)');
    }
    const raw = request.body as unknown;
    if (!Buffer.isBuffer(raw) || raw.length === 0) {
      throw new UnprocessableEntityException({ message: 'body must be a raw RFC 5322 message (Content-Type: message/rfc822)', field: 'body' });
    }
    return this.intake.accept(raw, accountId, [], 'http');
  }

  @Get('channels/email/inbound-token')
  @Allow('channels.inbound-token.manage')
  @ApiOkResponse({ type: InboundTokenAnswer })
  token(@CurrentUser() user: SignedInUser): InboundTokenAnswer {
    return { token: this.tokenOf(user.accountId), endpoint: '/api/inbound/mime' };
  }

  @Post('channels/email/inbound-token/rotate')
  @Allow('channels.inbound-token.manage')
  @HttpCode(200)
  @ApiOkResponse({ type: InboundTokenAnswer })
  async rotate(@CurrentUser() user: SignedInUser, @RequestContext() context: CommandContext): Promise<InboundTokenAnswer> {
    const outcome = await this.eventSourcing.decide(inboundTokenStream(user.accountId), inboundTokenDecider, { accountId: user.accountId }, context);
    await this.eventSourcing.waitForReadModels(outcome.position);
    return this.token(user);
  }

  @Get('failed-mail')
  @Allow('failed-mail.manage')
  @ApiOkResponse({ type: FailedMailListAnswer })
  async failed(@CurrentUser() user: SignedInUser): Promise<FailedMailListAnswer> {
    const notShown = await this.notShown.list(user.accountId);
    const listed = new Set(notShown.map((mail) => mail.id));
    const items: FailedMailAnswer[] = [
      ...notShown.map(({ raw, ...mail }) => ({ ...mail, status: 'not-shown' as const, size: raw.size })),
      ...this.queries
        .failed(user.accountId)
        .filter((mail) => !listed.has(mail.id))
        // Only a mail that was parsed has a kind: without one, parsing is what failed.
        .map(({ raw, status: _status, ...mail }) => ({ ...mail, status: mail.kind === null ? ('unparsed' as const) : ('unrouted' as const), size: raw.size })),
    ];
    return { items: items.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt)) };
  }

  @Get('failed-mail/:id/raw')
  @Allow('failed-mail.manage')
  @ApiProduces('message/rfc822')
  @ApiOkResponse({ description: 'the mail as it was received (.eml)', schema: { type: 'string', format: 'binary' } })
  async failedRaw(@Param('id') id: string, @CurrentUser() user: SignedInUser, @Res() response: Response): Promise<void> {
    const mail = this.queries.message(user.accountId, id);
    if (mail?.status === 'failed') return this.sendRaw(mail, response);
    const notShown = await this.notShown.find(user.accountId, id);
    if (!notShown?.raw.hash) throw new NotFound('Failed mail');
    await this.sendRaw(notShown, response);
  }

  @Post('failed-mail/:id/reprocess')
  @Allow('failed-mail.manage')
  @HttpCode(200)
  @ApiOkResponse({ type: ReprocessAnswer })
  async reprocess(
    @Param('id') id: string,
    @CurrentUser() user: SignedInUser,
    @RequestContext() context: CommandContext,
  ): Promise<ReprocessAnswer> {
    // Received but not shown: reprocessing it retries its parked events.
    if (await this.notShown.find(user.accountId, id)) {
      const errors = await this.notShown.retry(user.accountId, id);
      return errors.length === 0 ? { id, status: 'accepted' } : { id, status: 'failed', reason: errors.join('; ') };
    }
    const mail = this.queries.message(user.accountId, id);
    if (!mail || mail.status !== 'failed') throw new NotFound('Failed mail');
    try {
      const outcome = await this.intake.reprocess(id, user.accountId, mail.raw, mail.recipients, mail.via, context);
      // Settle: threading may still find no place for it, and say why.
      await this.eventSourcing.settle(outcome.position);
      const after = this.queries.message(user.accountId, id);
      return after?.status === 'failed' ? { id, status: 'failed', reason: after.reason ?? undefined } : { id, status: 'accepted' };
    } catch (error) {
      return { id, status: 'failed', reason: messageOf(error) };
    }
  }

  /** The original .eml of any inbound message of the account. */
  @Get('messages/:id/raw')
  @Allow('conversations.read')
  @ApiProduces('message/rfc822')
  @ApiOkResponse({ description: 'the mail as it was received (.eml)', schema: { type: 'string', format: 'binary' } })
  async raw(@Param('id') id: string, @CurrentUser() user: SignedInUser, @Res() response: Response): Promise<void> {
    const mail = this.queries.message(user.accountId, id);
    if (!mail) throw new NotFound('Message');
    await this.sendRaw(mail, response);
  }

  private tokenOf(accountId: string): string {
    return inboundToken(this.secret, accountId, this.queries.tokenGeneration(accountId));
  }

  private async sendRaw(mail: Pick<InboundMailView, 'id' | 'raw'>, response: Response): Promise<void> {
    const bytes = await this.blobs.get(mail.raw.hash);
    response
      .status(200)
      .setHeader('Content-Type', 'message/rfc822')
      .setHeader('Content-Disposition', attachmentDisposition(`${mail.id}.eml`))
      .setHeader('X-Content-Type-Options', 'nosniff')
      .send(bytes);
  }
}
