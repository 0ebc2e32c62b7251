import type { CommandContext } from '../../../shared/application/command-context';
import type { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { savedRepliesDecider, savedRepliesStream, type SavedReplyCommand } from '../domain/saved-reply.decider';

/** The admin who asks, in their account. */
export type SavedReplyContext = CommandContext & { accountId: string; userId: string };

/** Decides on the account's saved replies stream, then waits so the admin's next list shows the change. */
export async function decideSavedReply(eventSourcing: EventSourcing, command: SavedReplyCommand, context: SavedReplyContext): Promise<void> {
  const outcome = await eventSourcing.decide(savedRepliesStream(command.accountId), savedRepliesDecider, command, context);
  await eventSourcing.waitForReadModels(outcome.position);
}
