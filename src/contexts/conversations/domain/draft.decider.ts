import { z } from 'zod';
import type { Decider } from '../../../shared/domain/decider';
import { InvalidInput } from '../../../shared/domain/domain-error';
import type { Event } from '../../../shared/domain/event-envelope';
import { Timestamp } from '../../../shared/domain/event-schema';

/**
 * A reply being written, kept per user and conversation so it survives a reload, a restart, or a
 * change of device.
 *
 * Why events in a stream of their own (`draft-<conversation>.<user>`) rather than a table written
 * beside the log: the log is the one thing that is fsynced, backed up and replicated, so a draft is as
 * durable as a reply without a second store to back up, and the drafts read model is rebuilt from it
 * like any other. It stays cheap because the composer saves at most about once a second while the
 * text changes (a save of the same text records nothing), a save is decided on this short stream
 * alone (never the conversation's, so typing never contends with mail coming in), and the text is
 * bounded. A draft lives in the log only: nothing here is ever sent; the reply that is sent is a
 * separate command with the text the agent submits.
 */
export const DRAFT_MAX_LENGTH = 50_000;
export const DRAFT_SUBJECT_MAX_LENGTH = 998;

const Ids = { conversationId: z.string().min(1), accountId: z.string().min(1), userId: z.string().min(1) };
export const DraftSavedData = z.object({
  ...Ids,
  text: z.string().max(DRAFT_MAX_LENGTH),
  /** The subject as the agent edited it; null while they keep the prefilled one. */
  subject: z.string().max(DRAFT_SUBJECT_MAX_LENGTH).nullable(),
  savedAt: Timestamp,
});
export type DraftSaved = Event<'DraftSaved', z.infer<typeof DraftSavedData>>;
export const DraftDiscardedData = z.object({ ...Ids, because: z.enum(['discarded', 'sent']), discardedAt: Timestamp });
export type DraftDiscarded = Event<'DraftDiscarded', z.infer<typeof DraftDiscardedData>>;
export type DraftEvent = DraftSaved | DraftDiscarded;

type DraftIds = { conversationId: string; accountId: string; userId: string };
export type DraftCommand =
  | (DraftIds & { type: 'SaveDraft'; text: string; subject: string | null; now: Date })
  | (DraftIds & { type: 'DiscardDraft'; because: 'discarded' | 'sent'; now: Date });

export interface DraftState {
  text: string | null;
  subject: string | null;
}

export const draftStream = (conversationId: string, userId: string) => `draft-${conversationId}.${userId}`;

export const draftDecider: Decider<DraftState, DraftCommand, DraftEvent> = {
  initialState: () => ({ text: null, subject: null }),

  evolve: (state, event) => {
    switch (event.type) {
      case 'DraftSaved':
        return { text: event.data.text, subject: event.data.subject };
      case 'DraftDiscarded':
        return { text: null, subject: null };
      default:
        return state;
    }
  },

  decide: (command, state) => {
    const { conversationId, accountId, userId } = command;
    const ids = { conversationId, accountId, userId };
    const discard = (because: 'discarded' | 'sent'): DraftEvent[] =>
      state.text === null ? [] : [{ type: 'DraftDiscarded', data: { ...ids, because, discardedAt: command.now.toISOString() } }];
    switch (command.type) {
      case 'SaveDraft': {
        if (command.text.length > DRAFT_MAX_LENGTH) throw new InvalidInput('text', `text must be at most ${DRAFT_MAX_LENGTH} characters`);
        if (command.subject !== null && command.subject.length > DRAFT_SUBJECT_MAX_LENGTH) {
          throw new InvalidInput('subject', `subject must be at most ${DRAFT_SUBJECT_MAX_LENGTH} characters`);
        }
        // A composer emptied by hand is no draft: nothing to restore, nothing for colleagues to see.
        if (command.text.trim() === '') return discard('discarded');
        if (command.text === state.text && command.subject === state.subject) return [];
        return [{ type: 'DraftSaved', data: { ...ids, text: command.text, subject: command.subject, savedAt: command.now.toISOString() } }];
      }
      case 'DiscardDraft':
        return discard(command.because);
    }
  },
};
