import { given } from '../../../shared/domain/decider.testing';
import { DRAFT_MAX_LENGTH, draftDecider, type DraftEvent } from './draft.decider';

const ids = { conversationId: 'c1', accountId: 'a1', userId: 'u1' };
const t0 = new Date('2026-12-07T10:00:00.000Z');
const saved = (text: string, subject: string | null = null): DraftEvent => ({ type: 'DraftSaved', data: { ...ids, text, subject, savedAt: t0.toISOString() } });
const save = (text: string, subject: string | null = null) => ({ ...ids, type: 'SaveDraft' as const, text, subject, now: t0 });

describe('drafts', () => {
  it('saves what the agent typed, with the subject they edited', () => {
    given(draftDecider).when(save('Hello Carla', 'About your order')).then([saved('Hello Carla', 'About your order')]);
  });

  it('records nothing when the text and subject are what was saved last', () => {
    given(draftDecider, [saved('Hello')]).when(save('Hello')).then([]);
    given(draftDecider, [saved('Hello')]).when(save('Hello', 'New subject')).then([saved('Hello', 'New subject')]);
  });

  it('refuses a draft longer than the bound, naming the field', () => {
    given(draftDecider).when(save('x'.repeat(DRAFT_MAX_LENGTH + 1))).thenFails({ code: 'INPUT.INVALID' });
    given(draftDecider).when(save('x'.repeat(DRAFT_MAX_LENGTH))).then([saved('x'.repeat(DRAFT_MAX_LENGTH))]);
  });

  it('treats an emptied composer as a discarded draft', () => {
    given(draftDecider, [saved('Hello')])
      .when(save('  \n'))
      .then([{ type: 'DraftDiscarded', data: { ...ids, because: 'discarded', discardedAt: t0.toISOString() } }]);
    given(draftDecider).when(save('')).then([]);
  });

  it('discards a draft once, and says whether it was sent', () => {
    given(draftDecider, [saved('Hello')])
      .when({ ...ids, type: 'DiscardDraft', because: 'sent', now: t0 })
      .then([{ type: 'DraftDiscarded', data: { ...ids, because: 'sent', discardedAt: t0.toISOString() } }]);
    const discarded: DraftEvent = { type: 'DraftDiscarded', data: { ...ids, because: 'discarded', discardedAt: t0.toISOString() } };
    given(draftDecider, [saved('Hello'), discarded]).when({ ...ids, type: 'DiscardDraft', because: 'discarded', now: t0 }).then([]);
  });
});
