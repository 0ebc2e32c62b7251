import { createHash } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SERVER_SECRET } from '../../../shared/config/server-secret';
import type { CommandContext } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { userMailDecider, userMailStream, type RecordedUserMail, type UserMail } from '../domain/user-mail';
import { sealMailBody } from './user-mail-seal';
import { ReplyOutbox } from './reply-outbox';

/**
 * Queue a mail to one of the product's own people (see domain/user-mail.ts). Other contexts
 * dispatch it with the text already in the recipient's language; the same key queues nothing more.
 * Answers the mail's id, the same for the same key.
 */
export class QueueUserMail extends Command<{ mailId: string }> {
  constructor(
    readonly mail: UserMail,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** One id per account and key: the stream of that mail. */
export function userMailIdOf(accountId: string, key: string): string {
  return createHash('sha256').update(`${accountId}\u0000${key}`).digest('hex').slice(0, 32);
}

@CommandHandler(QueueUserMail)
export class QueueUserMailHandler implements ICommandHandler<QueueUserMail> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly outbox: ReplyOutbox,
    @Inject(SERVER_SECRET) private readonly secret: string,
  ) {}

  async execute({ mail, context }: QueueUserMail): Promise<{ mailId: string }> {
    const mailId = userMailIdOf(mail.accountId, mail.key);
    const { confidential, text, html, ...envelope } = mail;
    const recorded: RecordedUserMail = confidential
      ? { ...envelope, sealed: sealMailBody(this.secret, { text, ...(html ? { html } : {}) }) }
      : { ...envelope, text, ...(html ? { html } : {}) };
    const outcome = await this.eventSourcing.decide(userMailStream(mailId), userMailDecider, { type: 'QueueUserMail', mailId, mail: recorded, now: new Date() }, context);
    if (outcome.events.length > 0) {
      // The outbox reads its schedule from the read model: it must show the mail before the wake.
      await this.eventSourcing.waitForReadModels(outcome.position);
      this.outbox.wake();
    }
    return { mailId };
  }
}
