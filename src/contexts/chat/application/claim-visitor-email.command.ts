import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { SERVER_SECRET } from '../../../shared/config/server-secret';
import { DomainError } from '../../../shared/domain/domain-error';
import { AccountsQueries } from '../../accounts/contract';
import { ChannelsQueries } from '../../channel-configuration/contract';
import { OUTBOUND_MAILER, type OutboundMailer } from '../../conversations/contract';
import { languageOfLocale } from '../../../shared/domain/language';
import { visitorCodeMail } from '../domain/visitor-code-mail';
import { CODE_TTL_MS, visitorEmailCode, visitorEmailDecider, visitorEmailStream } from '../domain/visitor-email.decider';

export class ChatEmailUnavailable extends DomainError {
  constructor() {
    super('CHAT.EMAIL_UNAVAILABLE', 'conflict', 'This account has no email address to answer from yet');
  }
}

export class ChatCodeNotSent extends DomainError {
  constructor() {
    // The relay's answer is for operators, not for an anonymous visitor.
    super('CHAT.CODE_NOT_SENT', 'conflict', 'The code could not be mailed just now; try again');
  }
}

/** The visitor says an address is theirs: recorded as a claim, and a one-time code is mailed to it. */
export class ClaimVisitorEmail extends Command<{ email: string | null; pendingEmail: string | null }> {
  constructor(
    readonly conversationId: string,
    readonly visitor: { name: string; email: string },
    readonly context: CommandContext & { accountId: string },
  ) {
    super();
  }
}

@CommandHandler(ClaimVisitorEmail)
export class ClaimVisitorEmailHandler implements ICommandHandler<ClaimVisitorEmail> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly channels: ChannelsQueries,
    private readonly accounts: AccountsQueries,
    @Inject(OUTBOUND_MAILER) private readonly mailer: OutboundMailer,
    @Inject(SERVER_SECRET) private readonly secret: string,
  ) {}

  async execute({ conversationId, visitor, context }: ClaimVisitorEmail): Promise<{ email: string | null; pendingEmail: string | null }> {
    const { accountId } = context;
    // The code goes out from the account's own address; without one there is nothing to answer by email from either.
    const from = this.channels.emailChannel(accountId)?.forwardingAddress;
    if (!from) throw new ChatEmailUnavailable();
    const email = visitor.email.trim().toLowerCase();
    const nonce = randomUUID();
    const now = new Date();
    const codeFor = (n: string) => visitorEmailCode(this.secret, conversationId, n);
    const outcome = await this.eventSourcing.decide(
      visitorEmailStream(conversationId),
      visitorEmailDecider,
      { type: 'ClaimVisitorEmail', conversationId, accountId, email, name: visitor.name.trim(), nonce },
      context,
      { now, codeFor },
    );
    if (outcome.events.length === 0) return { email, pendingEmail: null };
    const account = this.accounts.account(accountId);
    const accountName = account?.name ?? '';
    const code = codeFor(nonce);
    try {
      await this.mailer.sendNotice({
        id: `chatcode-${nonce}`,
        from: { name: accountName, address: from },
        to: email,
        ...visitorCodeMail(languageOfLocale(account?.locale), code, accountName, CODE_TTL_MS / 60_000),
      });
    } catch {
      throw new ChatCodeNotSent();
    }
    return { email: null, pendingEmail: email };
  }
}
