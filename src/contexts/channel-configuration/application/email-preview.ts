import { Injectable } from '@nestjs/common';
import { NotFound } from '../../../shared/domain/domain-error';
import { checkSignature } from '../../../shared/domain/signature';
import { AccountsQueries } from '../../accounts/contract';
import { renderOutgoingEmail, type RenderedEmail } from '../domain/outgoing-email';
import { checkDefaultSubject, checkFromName } from '../domain/templates';
import { ChannelsQueries } from '../read-models/channels.queries';

const SAMPLE_BODY = 'Hi Sam,\n\nThanks for getting in touch. Here is what we found about your question.\n\nBest regards';
const SAMPLE_CONTACT = { 'contact.name': 'Sam Sample', 'contact.email': 'sam@example.com' };
const SAMPLE_SUBJECT = 'Question about my order';

/** The live preview: the same rules and the same renderer as real sends, with the admin as the agent. */
@Injectable()
export class EmailPreview {
  constructor(
    private readonly accounts: AccountsQueries,
    private readonly channels: ChannelsQueries,
  ) {}

  /** `templates.signature`, when given, is the channel signature being edited; the saved one otherwise. */
  render(
    accountId: string,
    agent: { userId: string; name: string; email: string },
    templates: { defaultSubject: string; fromName: string; signature?: string },
    now = new Date(),
  ): RenderedEmail {
    const account = this.accounts.account(accountId);
    if (!account) throw new NotFound('Account');
    const channel = this.channels.emailChannel(accountId);
    const subjectTemplate = checkDefaultSubject(templates.defaultSubject);
    return renderOutgoingEmail({
      fromNameTemplate: checkFromName(templates.fromName),
      subjectTemplate,
      agentName: agent.name,
      conversationStartedAt: now,
      account,
      address: channel?.forwardingAddress ?? null,
      bodyText: SAMPLE_BODY,
      signatures: {
        agent: this.accounts.signature(accountId, agent.userId),
        channel: templates.signature === undefined ? channel?.signature : checkSignature('signature', templates.signature),
      },
      variables: { 'agent.email': agent.email, ...SAMPLE_CONTACT, 'conversation.subject': SAMPLE_SUBJECT },
    });
  }
}
