import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { APP_CONFIG, type AppConfig } from '../../../shared/config/app-config';
import { accountDecider, accountOpening, accountStream } from '../domain/account.decider';
import { SignupClosed } from '../domain/accounts.errors';
import { FIRST_ACCOUNT_STREAM, firstAccountClaimDecider } from '../domain/first-account-claim.decider';
import { checkEmail, checkName } from '../domain/accounts.rules';
import { checkNewPassword } from '../domain/password-policy';
import { isCommonPassword } from './common-passwords';
import { userDecider, userStream } from '../domain/user.decider';
import { userEmailClaimDecider, userEmailStream } from '../domain/user-email-claim.decider';
import { AccountsQueries } from '../read-models/accounts.queries';
import { PasswordHasher } from './password-hasher';
import { startSession, type StartedSession } from './start-session';

export interface OpenAccountInput {
  accountName: string;
  ownerName: string;
  email: string;
  password: string;
  plan: string;
  timeZone?: string;
  locale?: string;
}

export class OpenAccount extends Command<{ accountId: string; userId: string; session: StartedSession }> {
  constructor(
    readonly input: OpenAccountInput,
    readonly requestId: string,
  ) {
    super();
  }
}

/**
 * Opens an account with its primary admin. Every rule is checked before anything is written; then
 * the email is claimed (the step that can lose a race), then the account and its owner are recorded.
 */
@CommandHandler(OpenAccount)
export class OpenAccountHandler implements ICommandHandler<OpenAccount> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly queries: AccountsQueries,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly passwords: PasswordHasher,
  ) {}

  async execute({ input, requestId }: OpenAccount) {
    const accountId = randomUUID();
    const userId = randomUUID();
    const email = checkEmail('email', input.email);
    const ownerName = checkName('ownerName', input.ownerName);
    checkNewPassword('password', input.password, { personal: [email, ownerName, input.accountName ?? ''], isCommon: isCommonPassword });
    const opening = {
      type: 'OpenAccount' as const,
      accountId,
      name: input.accountName,
      plan: input.plan,
      timeZone: input.timeZone,
      locale: input.locale,
      primaryAdmin: { userId, name: ownerName, email },
    };
    accountOpening(opening);

    const context: CommandContext = {
      actor: { userId, role: 'primary_admin' },
      accountId,
      correlationId: requestId,
      causationId: null,
    };
    if (this.config.signup === 'closed') await this.claimFirstAccount(accountId, context);

    const passwordHash = await this.passwords.hash(input.password);
    await this.eventSourcing.decide(userEmailStream(email), userEmailClaimDecider, { email, userId, accountId }, context);
    const opened = await this.eventSourcing.decide(accountStream(accountId), accountDecider, opening, context);
    const registered = await this.eventSourcing.decide(
      userStream(userId),
      userDecider,
      { type: 'RegisterUser', userId, accountId, name: ownerName, email, role: 'primary_admin', passwordHash },
      context,
    );
    const session = await startSession(this.eventSourcing, { userId, accountId, role: 'primary_admin' }, context);
    // Settle: the account's email channel is switched on by a reaction to AccountOpened.
    await this.eventSourcing.settle(opened.position, registered.position, session.position);
    return { accountId, userId, session };
  }

  private async claimFirstAccount(accountId: string, context: CommandContext): Promise<void> {
    if (this.queries.anyAccountExists()) throw new SignupClosed();
    await this.eventSourcing.decide(FIRST_ACCOUNT_STREAM, firstAccountClaimDecider, { accountId }, context);
  }
}
