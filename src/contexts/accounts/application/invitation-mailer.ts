import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '../../../shared/application/command-context';
import { APP_CONFIG, type AppConfig } from '../../../shared/config/app-config';
import { languageOfLocale } from '../../../shared/domain/language';
import { QueueUserMail } from '../../conversations/contract';
import { composeInvitationMail } from '../domain/invitation-mail';
import { AccountsQueries } from '../read-models/accounts.queries';

export interface InvitationLink {
  invitationId: string;
  accountId: string;
  email: string;
  /** Which mail of the invitation this is: a resend is a new mail, a repeat of one is not. */
  send: number;
  token: string;
  expiresAt: Date;
  inviterId: string;
}

/** Mails an invitation's link, in the account's language, through the outbox that delivers replies. */
@Injectable()
export class InvitationMailer {
  constructor(
    private readonly commands: CommandBus,
    private readonly accounts: AccountsQueries,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async send(link: InvitationLink, context: CommandContext): Promise<void> {
    const account = this.accounts.account(link.accountId);
    const inviter = this.accounts.user(link.accountId, link.inviterId);
    const mail = composeInvitationMail(languageOfLocale(account?.locale), {
      accountName: account?.name ?? '',
      inviterName: inviter?.name ?? '',
      link: `${this.config.publicUrl}/invite/${link.token}`,
      expiresAt: link.expiresAt,
      timeZone: account?.timeZone ?? 'UTC',
    });
    // The key numbers the mail within the invitation: a resend is a new mail, a retried request is not.
    await this.commands.execute(
      new QueueUserMail({ key: `invitation-${link.invitationId}-${link.send}`, accountId: link.accountId, to: { name: '', address: link.email }, ...mail, confidential: true }, context),
    );
  }
}
