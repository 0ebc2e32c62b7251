import { inboundMessage } from './inbound-message.testing';
import { mergeParticipants, participantsAddedBy, participantsOf } from './participants';

describe('participants', () => {
  it('are everyone on a mail but our own addresses, once each', () => {
    const message = inboundMessage('m1', {
      to: [{ name: '', address: 'support+c0123@acme.inbox.test' }, { name: '', address: 'dan@example.com' }],
      cc: [{ name: '', address: 'dan@example.com' }, { name: '', address: 'ops@inbox.test' }],
    });
    expect(participantsOf(message, 'inbox.test')).toEqual(['carla@example.com', 'dan@example.com']);
  });

  it('grow by what each conversation event adds, and by nothing else', () => {
    expect(participantsAddedBy({ type: 'ConversationStarted', data: { participants: ['carla@example.com'] } })).toEqual(['carla@example.com']);
    expect(participantsAddedBy({ type: 'MessageReceived', data: { newParticipants: ['dan@example.com'] } })).toEqual(['dan@example.com']);
    expect(participantsAddedBy({ type: 'ChatVisitorIdentified', data: { contact: { email: 'vera@example.com' } } })).toEqual(['vera@example.com']);
    expect(participantsAddedBy({ type: 'NoteAdded', data: { text: 'dan@example.com' } })).toEqual([]);
  });

  it('include everyone a reply went to: To, Cc and Bcc (a blind copy who answers threads too)', () => {
    const person = (address: string) => ({ name: '', address });
    expect(participantsAddedBy({ type: 'ReplyQueued', data: { to: person('carla@example.com') } })).toEqual(['carla@example.com']);
    expect(
      participantsAddedBy({ type: 'ReplyQueued', data: { to: person('carla@example.com'), cc: [person('dan@example.com')], bcc: [person('boss@example.com')] } }),
    ).toEqual(['carla@example.com', 'dan@example.com', 'boss@example.com']);
  });

  it('merge keeps who was there first, in order, and adds each newcomer once', () => {
    expect(mergeParticipants(['carla@example.com', 'dan@example.com'], ['dan@example.com', 'eve@example.com', 'eve@example.com'])).toEqual([
      'carla@example.com',
      'dan@example.com',
      'eve@example.com',
    ]);
  });
});
