import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../../../shared/application/command-context';
import { DomainError, InvalidInput } from '../../../shared/domain/domain-error';
import { AccountsQueries } from '../../accounts/contract';
import { BULK_ACTIONS, type BulkAction, type BulkActionInput, type BulkActionName } from './bulk-actions';

export interface BulkOutcome {
  id: string;
  /** `refused`: the single action would have been refused too; `reason` says why (another account's id is "not found"). */
  outcome: 'done' | 'unchanged' | 'refused';
  reason?: string;
}

/** One action on several conversations of the caller's account, each as if acted on alone. */
export class BulkActOnConversations extends Command<BulkOutcome[]> {
  constructor(
    readonly ids: readonly string[],
    readonly action: BulkActionName,
    readonly input: BulkActionInput,
    readonly context: CommandContext & { accountId: string; userId: string },
  ) {
    super();
  }
}

@CommandHandler(BulkActOnConversations)
export class BulkActOnConversationsHandler implements ICommandHandler<BulkActOnConversations> {
  constructor(
    private readonly commands: CommandBus,
    private readonly accounts: AccountsQueries,
  ) {}

  async execute({ ids, action: name, input, context }: BulkActOnConversations): Promise<BulkOutcome[]> {
    const action = BULK_ACTIONS[name] as BulkAction<unknown>;
    for (const field of Object.keys(input) as Array<keyof BulkActionInput>) {
      if (input[field] !== undefined && !action.fields.includes(field)) throw new InvalidInput(field, `${field} is not accepted with action ${name}`);
    }
    const payload = action.payload(input, { accountId: context.accountId, accounts: this.accounts });
    // Each conversation is its own stream: one refusal does not stop the others, and none waits for another.
    return Promise.all(
      ids.map(async (id): Promise<BulkOutcome> => {
        try {
          const outcome = await this.commands.execute(action.command(id, payload, context));
          return outcome === 'unchanged' ? { id, outcome, reason: action.unchangedBecause(payload) } : { id, outcome };
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          return { id, outcome: 'refused', reason: error.kind === 'not_found' ? 'not found' : error.message };
        }
      }),
    );
  }
}
