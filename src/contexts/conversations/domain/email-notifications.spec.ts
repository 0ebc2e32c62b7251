import { decideEmailNotifications, EXCERPT_MAX_CHARS, NOTIFICATION_MAX_AGE_MS, type NotificationCause, type NotifiedUser } from './email-notifications';

const everything = { mention: true, assignment: true, replyFailed: true };
const users: Record<string, NotifiedUser> = {
  anna: { name: 'Anna Admin', email: 'anna@acme.example', active: true, language: 'en', wants: everything },
  ben: { name: 'Ben Agent', email: 'ben@acme.example', active: true, language: 'de', wants: everything },
  cleo: { name: 'Cleo Quiet', email: 'cleo@acme.example', active: true, language: 'en', wants: { ...everything, mention: false, assignment: false, replyFailed: false } },
  gone: { name: 'Gone Agent', email: 'gone@acme.example', active: false, language: 'en', wants: everything },
};
const facts = {
  conversation: { subject: 'Broken zipper', contact: { name: 'Carla', email: 'carla@example.com' } },
  userOf: (userId: string) => users[userId] ?? null,
  publicUrl: 'https://help.acme.example',
  occurredAt: '2026-12-07T10:00:00.000Z',
  now: new Date('2026-12-07T10:00:02.000Z'),
};

const mention = (mentionedUserIds: string[], text = 'Can you look, @[Ben Agent](ben)?'): NotificationCause => ({
  kind: 'mention', conversationId: 'c1', noteId: 'n1', byUserId: 'anna', byName: 'Anna Admin', text, mentionedUserIds,
});
const assignment = (assigneeId: string | null, byUserId: string | null = 'anna'): NotificationCause => ({
  kind: 'assignment', conversationId: 'c1', eventId: 'e7', assigneeId, byUserId, byName: byUserId ? 'Anna Admin' : null, excerpt: 'My zipper broke after a day.',
});
const replyFailed = (authorId: string): NotificationCause => ({
  kind: 'replyFailed', conversationId: 'c1', messageId: 'm3', attempt: 1, authorId, excerpt: 'We will send a new one.', error: '550 5.1.1 <carla@example.com>: no such user',
});

describe('notifications by email', () => {
  it('tells each mentioned user once, in their language, naming the conversation, who wrote and what, with the link', () => {
    // Given a note by Anna that mentions Ben (German) twice and herself
    // When the mails are decided
    const mails = decideEmailNotifications(mention(['ben', 'anna', 'ben']), facts);
    // Then Ben alone gets one, in German, keyed by note and user
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail).toMatchObject({ key: 'mention-n1-ben', userId: 'ben', to: { name: 'Ben Agent', address: 'ben@acme.example' }, subject: 'Anna Admin hat Sie erwähnt: Broken zipper' });
    expect(mail.text).toContain('Anna Admin hat Sie in einer Notiz zum Gespräch “Broken zipper” (Carla <carla@example.com>) erwähnt:');
    expect(mail.text).toContain('> Can you look, @Ben Agent?');
    expect(mail.text).toContain('Gespräch öffnen: https://help.acme.example/inbox/c1');
  });

  it('tells the assignee when someone else assigns, never when they assign themselves or nobody', () => {
    const [mail] = decideEmailNotifications(assignment('anna', 'ben'), facts);
    expect(mail).toMatchObject({ key: 'assignment-e7-anna', to: { address: 'anna@acme.example' }, subject: 'Assigned to you: Broken zipper' });
    expect(mail.text).toContain('Anna Admin assigned you the conversation “Broken zipper” (Carla <carla@example.com>).');
    expect(mail.text).toContain('> My zipper broke after a day.');
    expect(decideEmailNotifications(assignment('anna', 'anna'), facts)).toEqual([]);
    expect(decideEmailNotifications(assignment(null), facts)).toEqual([]);
  });

  it('says the system assigned when no user did', () => {
    const [mail] = decideEmailNotifications(assignment('ben', null), facts);
    expect(mail.text).toContain('Das Gespräch “Broken zipper” (Carla <carla@example.com>) wurde Ihnen zugewiesen.');
  });

  it("tells a failed reply's author, with the relay's answer and their reply", () => {
    const [mail] = decideEmailNotifications(replyFailed('anna'), facts);
    expect(mail).toMatchObject({ key: 'replyfailed-m3-1', subject: 'Your reply could not be delivered: Broken zipper' });
    expect(mail.text).toContain('550 5.1.1 <carla@example.com>: no such user');
    expect(mail.text).toContain('> We will send a new one.');
    expect(mail.text).toContain('Open the conversation: https://help.acme.example/inbox/c1');
  });

  it('sends nothing to a user who turned the kind off, to a deactivated user, or to one the account does not know', () => {
    expect(decideEmailNotifications(mention(['cleo', 'gone', 'stranger']), facts)).toEqual([]);
    expect(decideEmailNotifications(assignment('cleo'), facts)).toEqual([]);
    expect(decideEmailNotifications(replyFailed('gone'), facts)).toEqual([]);
  });

  it('quotes a bounded excerpt and keeps the subject on one line', () => {
    const long = `${'word '.repeat(400)}\n${'line\n'.repeat(30)}`;
    const hostile = { ...facts, conversation: { subject: 'Hi\r\nBcc: all@example.com', contact: null } };
    const [mail] = decideEmailNotifications(mention(['ben'], long), hostile);
    expect(mail.subject).toBe('Anna Admin hat Sie erwähnt: Hi Bcc: all@example.com');
    const quote = mail.text.split('\n').filter((line) => line.startsWith('>'));
    expect(quote.join('\n').length).toBeLessThanOrEqual(EXCERPT_MAX_CHARS + 20);
    expect(quote.at(-1)).toMatch(/…$/);
  });

  it('mails nothing about what happened more than a day before it was handled', () => {
    const late = { ...facts, now: new Date(Date.parse(facts.occurredAt) + NOTIFICATION_MAX_AGE_MS + 1) };
    expect(decideEmailNotifications(mention(['ben']), late)).toEqual([]);
    expect(decideEmailNotifications(mention(['ben']), { ...late, now: new Date(Date.parse(facts.occurredAt) + NOTIFICATION_MAX_AGE_MS) })).toHaveLength(1);
  });
});
