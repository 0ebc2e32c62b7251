import { Injectable } from '@nestjs/common';
import { NotFound } from '../../../shared/domain/domain-error';
import { AccountsQueries } from '../../accounts/contract';
import { renderOutgoingEmail, type RenderedEmail } from '../domain/outgoing-email';
import { checkDefaultSubject, checkFromName } from '../domain/templates';
import { ChannelsQueries } from '../read-models/channels.queries';

const SAMPLE_BODY = 'Hi Sam,\n\nThanks for getting in touch. Here is what we found about your question.\n\nBest regards';

/** The live preview: the same rules and the same renderer as real sends, with the admin as the agent. */
@Injectable()
export class EmailPreview {
  constructor(
    private readonly accounts: AccountsQueries,
    private readonly channels: ChannelsQueries,
  ) {}

  render(accountId: string, agentName: string, templates: { defaultSubject: string; fromName: string }, now = new Date()): RenderedEmail {
    const account = this.accounts.account(accountId);
    if (!account) throw new NotFound('Account');
    return renderOutgoingEmail({
      fromNameTemplate: checkFromName(templates.fromName),
      subjectTemplate: checkDefaultSubject(templates.defaultSubject),
      agentName,
      conversationStartedAt: now,
      account,
      address: this.channels.emailChannel(accountId)?.forwardingAddress ?? null,
      bodyText: SAMPLE_BODY,
    });
  }
}
