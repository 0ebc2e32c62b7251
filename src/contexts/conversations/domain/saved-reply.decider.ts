import { z } from 'zod';
import type { Decider } from '../../../shared/domain/decider';
import { DomainError, InvalidInput, NotFound } from '../../../shared/domain/domain-error';
import type { Event } from '../../../shared/domain/event-envelope';
import { describeUnknownVariables, unknownVariablesIn, unknownVariablesRule } from '../../../shared/domain/template-variables';

export const SAVED_REPLY_NAME_MAX = 80;
export const SAVED_REPLY_BODY_MAX = 20_000;

export const SavedReplyCreatedData = z.object({
  accountId: z.string().min(1),
  savedReplyId: z.string().min(1),
  name: z.string().min(1).max(SAVED_REPLY_NAME_MAX),
  body: z.string().min(1).max(SAVED_REPLY_BODY_MAX),
  by: z.string().min(1),
});
export type SavedReplyCreated = Event<'SavedReplyCreated', z.infer<typeof SavedReplyCreatedData>>;
/** The whole saved reply as it is now: small, and a full copy keeps the read model simple. */
export const SavedReplyChangedData = SavedReplyCreatedData;
export type SavedReplyChanged = Event<'SavedReplyChanged', z.infer<typeof SavedReplyChangedData>>;
export const SavedReplyDeletedData = z.object({ accountId: z.string().min(1), savedReplyId: z.string().min(1), by: z.string().min(1) });
export type SavedReplyDeleted = Event<'SavedReplyDeleted', z.infer<typeof SavedReplyDeletedData>>;
export type SavedReplyEvent = SavedReplyCreated | SavedReplyChanged | SavedReplyDeleted;

interface Who {
  accountId: string;
  savedReplyId: string;
  /** The admin who asks. */
  by: string;
}
export type SavedReplyCommand =
  | (Who & { type: 'CreateSavedReply'; name: string; body: string })
  | (Who & { type: 'ChangeSavedReply'; name?: string; body?: string })
  | (Who & { type: 'DeleteSavedReply' });

/** The account's saved replies that exist now, by id. */
export interface SavedRepliesState {
  replies: Record<string, { name: string; body: string }>;
}

/**
 * One stream per account, not per saved reply: a name must be unique in the account, and only a
 * stream that holds every name can refuse a duplicate in the same append that would write it (two
 * admins racing lose by expected revision, never both win). An account keeps tens to hundreds of
 * saved replies, so reading the stream to decide stays cheap.
 */
export const savedRepliesStream = (accountId: string) => `savedreplies-${accountId}`;

/** Names compare without case (and in one Unicode form), as people read them. */
export const nameKey = (name: string) => name.normalize('NFC').toLowerCase();

export class SavedReplyNameTaken extends DomainError {
  constructor(name: string) {
    super('SAVED_REPLIES.NAME_TAKEN', 'conflict', `name: a saved reply named "${name}" already exists`, 'name');
  }
}

export function validName(raw: string): string {
  const name = typeof raw === 'string' ? raw.trim() : '';
  if (!name) throw new InvalidInput('name', 'name must not be empty');
  if (name.length > SAVED_REPLY_NAME_MAX) throw new InvalidInput('name', `name must be at most ${SAVED_REPLY_NAME_MAX} characters`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) throw new InvalidInput('name', 'name must be one line without control characters');
  return name;
}

export function validBody(raw: string): string {
  // Browsers send a textarea's line breaks as CRLF; a reply keeps one kind.
  const body = typeof raw === 'string' ? raw.replace(/\r\n?/g, '\n') : '';
  if (!body.trim()) throw new InvalidInput('body', 'body must not be empty');
  if (body.length > SAVED_REPLY_BODY_MAX) throw new InvalidInput('body', `body must be at most ${SAVED_REPLY_BODY_MAX} characters`);
  const unknown = unknownVariablesIn(body);
  if (unknown.length > 0) throw new InvalidInput('body', `body: ${describeUnknownVariables(unknown)}`, 'SAVED_REPLIES.UNKNOWN_VARIABLE', unknownVariablesRule(unknown));
  return body;
}

function refuseDuplicate(state: SavedRepliesState, name: string, savedReplyId: string): void {
  const key = nameKey(name);
  const holder = Object.entries(state.replies).find(([id, reply]) => id !== savedReplyId && nameKey(reply.name) === key);
  if (holder) throw new SavedReplyNameTaken(holder[1].name);
}

export const savedRepliesDecider: Decider<SavedRepliesState, SavedReplyCommand, SavedReplyEvent> = {
  initialState: () => ({ replies: {} }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'SavedReplyCreated':
      case 'SavedReplyChanged':
        return { replies: { ...state.replies, [event.data.savedReplyId]: { name: event.data.name, body: event.data.body } } };
      case 'SavedReplyDeleted': {
        const { [event.data.savedReplyId]: _deleted, ...rest } = state.replies;
        return { replies: rest };
      }
      default:
        return state;
    }
  },
  decide: (command, state) => {
    const { accountId, savedReplyId, by } = command;
    const current = state.replies[savedReplyId];
    switch (command.type) {
      case 'CreateSavedReply': {
        // The id is new for each request; one already present is this command's own repeat.
        if (current) return [];
        const name = validName(command.name);
        const body = validBody(command.body);
        refuseDuplicate(state, name, savedReplyId);
        return [{ type: 'SavedReplyCreated', data: { accountId, savedReplyId, name, body, by } }];
      }
      case 'ChangeSavedReply': {
        // The stream is the account's: another account's id is simply not in it.
        if (!current) throw new NotFound('Saved reply');
        const name = command.name === undefined ? current.name : validName(command.name);
        const body = command.body === undefined ? current.body : validBody(command.body);
        if (name === current.name && body === current.body) return [];
        refuseDuplicate(state, name, savedReplyId);
        return [{ type: 'SavedReplyChanged', data: { accountId, savedReplyId, name, body, by } }];
      }
      case 'DeleteSavedReply':
        if (!current) throw new NotFound('Saved reply');
        return [{ type: 'SavedReplyDeleted', data: { accountId, savedReplyId, by } }];
      default:
        return [];
    }
  },
};
