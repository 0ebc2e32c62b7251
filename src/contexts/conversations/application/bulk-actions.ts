import type { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../../shared/application/command-context';
import { InvalidInput } from '../../../shared/domain/domain-error';
import type { AccountsQueries } from '../../accounts/contract';
import { isAssignable } from '../domain/assignment';
import type { SnoozePreset } from '../domain/snooze-presets';
import { tagNames } from '../domain/tag-name';
import { ActOnConversation, type ActOutcome } from './act-on-conversation.command';
import { SetConversationTags } from './set-conversation-tags.command';
import { SnoozeConversation, type SnoozeUntil } from './snooze-conversation.command';

/**
 * The fields of `POST /api/conversations/bulk` that belong to one action or another (beside `ids`
 * and `action`). Each action names the ones it reads; sending another is refused (422).
 */
export interface BulkActionInput {
  assigneeId?: string | null;
  /** With snooze: an ISO 8601 time, or null to unsnooze. */
  until?: string | null;
  /** With snooze, instead of until: a preset of the snooze menu. */
  preset?: SnoozePreset;
  /** With tag: names to add to each conversation's tags (new names become tags of the account). */
  tags?: unknown;
}

/** What an action may look up while it checks its payload, once for the whole request. */
export interface BulkLookups {
  accountId: string;
  accounts: Pick<AccountsQueries, 'user'>;
}

/**
 * One bulk action: its checked payload, and the command that acts on one conversation, the same
 * command the single-conversation route sends, so a bulk action appends exactly what acting on
 * each conversation by hand would (one event per conversation, nothing new in the domain).
 */
export interface BulkAction<Payload> {
  /** The request fields this action reads. */
  fields: ReadonlyArray<keyof BulkActionInput>;
  /** The payload, checked once for all ids; throws InvalidInput naming the field (422). */
  payload(input: BulkActionInput, lookups: BulkLookups): Payload;
  /** The command for one conversation; it answers whether it changed anything. */
  command(conversationId: string, payload: Payload, context: CommandContext & { accountId: string; userId: string }): Command<ActOutcome>;
  /** Why a conversation the command left as it was is `unchanged`, in words for the summary. */
  unchangedBecause(payload: Payload): string;
}

const define = <Payload>(action: BulkAction<Payload>): BulkAction<Payload> => action;

/**
 * The bulk actions, by the name the request gives. To add one (tags, snooze): add its fields to
 * BulkActionInput and to the route's DTO, then one entry here whose command answers `ActOutcome`
 * (a command that answers nothing can be wrapped: `done` when it returned, its DomainError a refusal).
 * The route's `action` enum, the OpenAPI document and the web client follow from this table.
 */
export const BULK_ACTIONS = {
  close: define<void>({
    fields: [],
    payload: () => undefined,
    command: (id, _, context) => new ActOnConversation(id, { type: 'Close' }, context),
    unchangedBecause: () => 'already closed',
  }),
  reopen: define<void>({
    fields: [],
    payload: () => undefined,
    command: (id, _, context) => new ActOnConversation(id, { type: 'Reopen' }, context),
    unchangedBecause: () => 'already open',
  }),
  assign: define<{ assigneeId: string | null }>({
    fields: ['assigneeId'],
    payload: ({ assigneeId }, { accountId, accounts }) => {
      if (assigneeId === undefined) throw new InvalidInput('assigneeId', 'assigneeId is required with action assign (a user id, or null to unassign)');
      if (assigneeId !== null) {
        const user = accounts.user(accountId, assigneeId);
        if (!user || !isAssignable(user)) throw new InvalidInput('assigneeId', 'assigneeId must name an active user of this account who can reply (not an auditor)');
      }
      return { assigneeId };
    },
    command: (id, { assigneeId }, context) => new ActOnConversation(id, { type: 'Assign', assigneeId }, context),
    unchangedBecause: ({ assigneeId }) => (assigneeId === null ? 'already unassigned' : 'already assigned to them'),
  }),
  snooze: define<SnoozeUntil>({
    fields: ['until', 'preset'],
    payload: ({ until, preset }) => {
      if (preset !== undefined && until !== undefined) throw new InvalidInput('until', 'give until or preset, not both');
      if (preset !== undefined) return { preset };
      if (until === undefined) throw new InvalidInput('until', 'until is required with action snooze (an ISO 8601 time, or null to unsnooze), or preset');
      return { until: until === null ? null : new Date(until) };
    },
    command: (id, snooze, context) => new SnoozeConversation(id, snooze, context),
    unchangedBecause: (snooze) => ('until' in snooze && snooze.until === null ? 'not snoozed' : 'already snoozed until then'),
  }),
  tag: define<string[]>({
    fields: ['tags'],
    payload: ({ tags }) => {
      if (tags === undefined) throw new InvalidInput('tags', 'tags is required with action tag (the names to add)');
      const names = tagNames(tags);
      if (names.length === 0) throw new InvalidInput('tags', 'tags must name at least one tag to add');
      return names;
    },
    command: (id, names, context) => new SetConversationTags(id, names, context, 'add'),
    unchangedBecause: (names) => (names.length === 1 ? 'already tagged so' : 'already carries these tags'),
  }),
};

export type BulkActionName = keyof typeof BULK_ACTIONS;
export const BULK_ACTION_NAMES = Object.keys(BULK_ACTIONS) as BulkActionName[];
/** At most this many conversations in one request: a page of the inbox. */
export const MAX_BULK_IDS = 100;
