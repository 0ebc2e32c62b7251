import { given } from '../../../shared/domain/decider.testing';
import { savedRepliesDecider, type SavedReplyEvent } from './saved-reply.decider';

const who = { accountId: 'a1', by: 'u1' };
const body = 'Hi {{contact.name}}, your refund is on its way.';
const created: SavedReplyEvent[] = [{ type: 'SavedReplyCreated', data: { ...who, savedReplyId: 'r1', name: 'Refund', body } }];

describe('saved replies decider', () => {
  it('creates a saved reply with a trimmed name and one kind of line break, once', () => {
    given(savedRepliesDecider)
      .when({ type: 'CreateSavedReply', ...who, savedReplyId: 'r1', name: '  Refund ', body: 'Hi {{contact.name}},\r\nyour refund is on its way.' })
      .then([{ type: 'SavedReplyCreated', data: { ...who, savedReplyId: 'r1', name: 'Refund', body: 'Hi {{contact.name}},\nyour refund is on its way.' } }]);
    given(savedRepliesDecider, created).when({ type: 'CreateSavedReply', ...who, savedReplyId: 'r1', name: 'Refund', body: 'x' }).then([]);
  });

  it('refuses a name another saved reply of the account has, whatever its case', () => {
    given(savedRepliesDecider, created)
      .when({ type: 'CreateSavedReply', ...who, savedReplyId: 'r2', name: 'REFUND', body: 'Other' })
      .thenFails({ code: 'SAVED_REPLIES.NAME_TAKEN', kind: 'conflict', field: 'name' });
    const second: SavedReplyEvent = { type: 'SavedReplyCreated', data: { ...who, savedReplyId: 'r2', name: 'Shipping', body: 'On its way' } };
    given(savedRepliesDecider, [...created, second])
      .when({ type: 'ChangeSavedReply', ...who, savedReplyId: 'r2', name: 'refund' })
      .thenFails({ code: 'SAVED_REPLIES.NAME_TAKEN' });
  });

  it('refuses an unknown variable, naming it, and bad names or bodies, naming the field', () => {
    given(savedRepliesDecider)
      .when({ type: 'CreateSavedReply', ...who, savedReplyId: 'r1', name: 'Call', body: 'Call {{ contact.phone }}' })
      .thenFails({ kind: 'invalid', field: 'body', message: expect.stringMatching(/^body: unknown variable \{\{contact\.phone\}\}/) });
    given(savedRepliesDecider).when({ type: 'CreateSavedReply', ...who, savedReplyId: 'r1', name: ' ', body: 'x' }).thenFails({ field: 'name' });
    given(savedRepliesDecider)
      .when({ type: 'CreateSavedReply', ...who, savedReplyId: 'r1', name: 'x'.repeat(81), body: 'x' })
      .thenFails({ field: 'name', message: 'name must be at most 80 characters' });
    given(savedRepliesDecider).when({ type: 'CreateSavedReply', ...who, savedReplyId: 'r1', name: 'a\nb', body: 'x' }).thenFails({ field: 'name' });
    given(savedRepliesDecider).when({ type: 'CreateSavedReply', ...who, savedReplyId: 'r1', name: 'Empty', body: ' \n ' }).thenFails({ field: 'body' });
    given(savedRepliesDecider)
      .when({ type: 'CreateSavedReply', ...who, savedReplyId: 'r1', name: 'Long', body: 'x'.repeat(20_001) })
      .thenFails({ field: 'body', message: 'body must be at most 20000 characters' });
  });

  it('changes name or body, keeps the other, records nothing when nothing changes, and may change the case of its own name', () => {
    given(savedRepliesDecider, created)
      .when({ type: 'ChangeSavedReply', ...who, by: 'u2', savedReplyId: 'r1', body: 'Refunded, {{agent.name}}' })
      .then([{ type: 'SavedReplyChanged', data: { ...who, by: 'u2', savedReplyId: 'r1', name: 'Refund', body: 'Refunded, {{agent.name}}' } }]);
    given(savedRepliesDecider, created).when({ type: 'ChangeSavedReply', ...who, savedReplyId: 'r1', name: 'Refund ' }).then([]);
    given(savedRepliesDecider, created)
      .when({ type: 'ChangeSavedReply', ...who, savedReplyId: 'r1', name: 'REFUND' })
      .then([{ type: 'SavedReplyChanged', data: { ...who, savedReplyId: 'r1', name: 'REFUND', body } }]);
    given(savedRepliesDecider, created).when({ type: 'ChangeSavedReply', ...who, savedReplyId: 'r1', body: '{{x}}' }).thenFails({ field: 'body' });
  });

  it('deletes, after which the name is free again and the id is not found', () => {
    const deleted: SavedReplyEvent[] = [...created, { type: 'SavedReplyDeleted', data: { ...who, savedReplyId: 'r1' } }];
    given(savedRepliesDecider, created).when({ type: 'DeleteSavedReply', ...who, savedReplyId: 'r1' }).then([deleted[1]]);
    given(savedRepliesDecider, deleted).when({ type: 'DeleteSavedReply', ...who, savedReplyId: 'r1' }).thenFails({ code: 'NOT_FOUND' });
    given(savedRepliesDecider, deleted).when({ type: 'ChangeSavedReply', ...who, savedReplyId: 'r1', name: 'x' }).thenFails({ code: 'NOT_FOUND' });
    given(savedRepliesDecider, deleted)
      .when({ type: 'CreateSavedReply', ...who, savedReplyId: 'r2', name: 'refund', body: 'Again' })
      .then([{ type: 'SavedReplyCreated', data: { ...who, savedReplyId: 'r2', name: 'refund', body: 'Again' } }]);
  });
});
