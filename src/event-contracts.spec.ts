import { eventContracts } from './event-contracts';
import { inboundMessage } from './contexts/conversations/domain/inbound-message.testing';
import type { ParsedMail } from './contexts/inbound-mail/contract';
import type { RecordedEvent } from './shared/event-store/event-store.port';

const HASH = 'f'.repeat(64);

const parsedMail = (overrides: Partial<ParsedMail> = {}): ParsedMail => ({
  messageId: '<m1@example.com>',
  inReplyTo: [],
  references: [],
  threadIndex: null,
  from: { name: 'Carla', address: 'carla@example.com' },
  replyTo: [],
  to: [{ name: '', address: 'support@acme.inbox.test' }],
  cc: [],
  subject: 'Broken zipper',
  sentAt: '2026-11-24T10:00:00.000Z',
  text: { hash: HASH, size: 5 },
  html: null,
  replyText: 'hello',
  attachments: [{ hash: HASH, size: 10, filename: 'photo.jpg', contentType: 'image/jpeg', contentId: null, inline: false }],
  omitted: [],
  kind: 'mail',
  bouncedMessageId: null,
  providerConfirmation: null,
  ...overrides,
});

const accepted = (mail: unknown) => ({
  inboundId: 'in-1',
  accountId: 'acc-1',
  recipients: ['support@acme.inbox.test'],
  via: 'smtp',
  raw: { hash: HASH, size: 100 },
  receivedAt: '2026-11-24T10:00:01.000Z',
  receivedWhileDisabled: false,
  mail,
});

const stored = (type: string, data: unknown): RecordedEvent => ({
  streamId: 'inboundmail-in-1',
  revision: 0,
  position: 1n,
  type,
  data,
  metadata: { eventId: 'e1', accountId: 'acc-1', actor: { system: 'test' }, correlationId: 'c', causationId: null, occurredAt: '2026-11-24T10:00:01.000Z', schemaVersion: 1 },
  recordedAt: new Date(0),
});

const violation = (type: string, data: unknown) => eventContracts.violationOf({ type, data })?.message ?? null;

// What earlier builds stored for one attachment when mailparser could not describe it.
const brokenAttachments = [
  { hash: HASH, size: null, filename: false, contentType: false, contentId: false, inline: false },
  { hash: HASH, size: 3, filename: 7, contentType: null, contentId: null, inline: true },
  { hash: HASH, size: 3, filename: '../../etc/\u202eexe.pdf', contentId: null, inline: false },
];

describe('the app registry of event types', () => {
  it('has a schema for every event type of every context', () => {
    expect(eventContracts.types.sort()).toEqual(
      [
        'AccountOpened', 'AccountSettingsChanged', 'UserRegistered', 'UserPasswordSet', 'UserRenamed', 'UserRoleChanged', 'UserDeactivated',
        'UserReactivated', 'SessionStarted', 'SessionEnded', 'UserEmailClaimed', 'FirstAccountClaimed', 'UserSignatureChanged', 'UserLanguageChosen',
        'PasswordResetRequested', 'UserPasswordChanged',
        'InvitationSent', 'InvitationResent', 'InvitationRevoked', 'InvitationAccepted',
        'SubdomainClaimed', 'AddressClaimed', 'ChatChannelEnabled', 'ChatChannelDisabled', 'EmailChannelCreated', 'EmailChannelEnabled',
        'EmailChannelDisabled', 'DefaultSubjectChanged', 'FromNameChanged', 'ReplySubjectChanged', 'QuoteHistoryChanged', 'PlainTextOnlyChanged', 'ForwardingAddressClaimed', 'ForwardingConfirmationReceived',
        'ChannelSignatureChanged',
        'InboundMailAccepted', 'InboundMailFailed', 'InboundMailUnrouted', 'InboundTokenRotated',
        'ContactCreated',
        'ConversationStarted', 'MessageReceived', 'ConversationReopened', 'ConversationClosed', 'ConversationAssigned', 'ReplyQueued',
        'ChatMessageReceived', 'ChatVisitorIdentified', 'ChatReplyPosted', 'ReplyDeliveryStarted', 'ReplyDelivered', 'ReplyDeliveryFailed', 'UserMailQueued',
        'ReplyRetryRequested', 'ConversationSeen', 'NoteAdded', 'NotificationsRead',
        'ConversationSnoozed', 'ConversationWoke', 'DraftSaved', 'DraftDiscarded', 'ReplyUndone',
        'SavedReplyCreated', 'SavedReplyChanged', 'SavedReplyDeleted',
        'ConversationTagsChanged', 'TagCreated', 'TagRenamed', 'TagDeleted', 'AttachmentUploaded',
        'FormCreated', 'FormChanged', 'FormSubmitted',
        'ChatVisitorEmailClaimed', 'ChatVisitorCodeRejected', 'ChatVisitorEmailVerified',
      ].sort(),
    );
  });

  it.each(eventContracts.types)('%s refuses data of the wrong shape, naming the field', (type) => {
    expect(violation(type, {})).toMatch(new RegExp(`^${type}\\.data\\.\\w+: expected \\w+, received undefined$`));
    expect(violation(type, null)).toBe(`${type}.data: expected object, received null`);
  });

  it('accepts what intake and threading write', () => {
    expect(violation('InboundMailAccepted', accepted(parsedMail()))).toBeNull();
    expect(violation('MessageReceived', { conversationId: 'c1', accountId: 'acc-1', message: inboundMessage('in-1'), newParticipants: [] })).toBeNull();
  });

  it('takes sender verification as an optional field, so mail stored before it still reads', () => {
    const authentication = { verdict: 'unverified', spf: 'none', dkim: 'none', dmarc: 'fail', arc: 'none', dmarcPolicy: 'reject', reason: 'DMARC failed' };
    expect(violation('InboundMailAccepted', { ...accepted(parsedMail()), authentication })).toBeNull();
    expect(violation('MessageReceived', { conversationId: 'c1', accountId: 'acc-1', message: { ...inboundMessage('in-1'), authentication }, newParticipants: [] })).toBeNull();
    expect(violation('InboundMailAccepted', { ...accepted(parsedMail()), authentication: { ...authentication, dmarc: 'maybe' } })).toMatch(/^InboundMailAccepted\.data\.authentication\.dmarc: Invalid option/);
    const started = { conversationId: 'c2', accountId: 'acc-1', channel: 'email', subject: 'Re: x', contact: { id: 'k', email: 'carla@example.com', name: 'Carla' }, participants: [], replyToken: 't', linkedTo: 'c1', startedAt: '2026-11-24T10:00:00.000Z' };
    expect(violation('ConversationStarted', started)).toBeNull();
    expect(violation('ConversationStarted', { ...started, linkReason: 'unverified-sender' })).toBeNull();
    expect(violation('ConversationStarted', { ...started, linkReason: 'spoofed' })).toMatch(/^ConversationStarted\.data\.linkReason: Invalid option/);
  });

  it('accepts a reply with Cc and Bcc, a forward, and a reply stored before either existed', () => {
    const reply = {
      conversationId: 'c1', accountId: 'acc-1', messageId: 'r1', authorId: 'u1', from: { name: 'Anna', address: 'support@acme.inbox.test' },
      to: { name: 'Carla', address: 'carla@example.com' }, replyTo: 'support+c1@acme.inbox.test', subject: 'Re: Broken zipper', text: 'Hi', html: '<p>Hi</p>',
      internetMessageId: '<r1@inbox.test>', inReplyTo: null, references: [], threadIndex: 'AQ==', marker: '[c1]', queuedAt: '2026-11-24T10:00:01.000Z',
    };
    expect(violation('ReplyQueued', reply)).toBeNull();
    expect(violation('ReplyQueued', { ...reply, cc: [{ name: '', address: 'dan@example.com' }], bcc: [{ name: '', address: 'boss@example.com' }] })).toBeNull();
    expect(violation('ReplyQueued', { ...reply, to: { name: '', address: 'repair@example.org' }, forward: { messageIds: ['in-1'] }, attachments: parsedMail().attachments })).toBeNull();
    expect(violation('ReplyQueued', { ...reply, forward: { messageIds: 'in-1' } })).toBe('ReplyQueued.data.forward.messageIds: expected array, received string');
  });

  it.each([
    ['InboundMailAccepted', accepted(parsedMail({ attachments: [{ ...parsedMail().attachments[0], contentType: false as unknown as string }] })), 'InboundMailAccepted.data.mail.attachments[0].contentType: expected string, received boolean'],
    ['InboundMailAccepted', accepted(parsedMail({ attachments: [{ ...parsedMail().attachments[0], size: Number.NaN }] })), 'InboundMailAccepted.data.mail.attachments[0].size: expected number, received NaN'],
    ['InboundMailAccepted', accepted(parsedMail({ attachments: [{ ...parsedMail().attachments[0], contentType: 'image' }] })), 'InboundMailAccepted.data.mail.attachments[0].contentType: expected a lowercase type/subtype'],
    ['InboundMailAccepted', accepted(parsedMail({ attachments: [{ ...parsedMail().attachments[0], filename: 'a/b.pdf' }] })), 'InboundMailAccepted.data.mail.attachments[0].filename: expected a file name without a path, controls or bidi characters'],
    ['AttachmentUploaded', { uploadId: 'u1', accountId: 'a', uploaderId: 'u', hash: HASH, size: 3, filename: '../x.pdf', contentType: 'application/pdf', inline: false, contentId: null, uploadedAt: '2026-11-24T10:00:01.000Z' }, 'AttachmentUploaded.data.filename: expected a file name without a path, controls or bidi characters'],
    ['InboundMailAccepted', accepted(parsedMail({ from: { name: 42 as unknown as string, address: 'carla@example.com' } })), 'InboundMailAccepted.data.mail.from.name: expected string, received number'],
    ['InboundMailAccepted', accepted(parsedMail({ sentAt: 'Tue, 24 Nov 2026' })), 'InboundMailAccepted.data.mail.sentAt: expected an ISO 8601 instant in UTC'],
    ['InboundMailAccepted', accepted(parsedMail({ references: Array.from({ length: 101 }, (_, i) => `<r${i}@x>`) })), 'InboundMailAccepted.data.mail.references: Too big: expected array to have <=100 items'],
    [
      'MessageReceived',
      { conversationId: 'c1', accountId: 'acc-1', newParticipants: [], message: inboundMessage('in-1', { attachments: [{ ...parsedMail().attachments[0], contentType: false as unknown as string }] }) },
      'MessageReceived.data.message.attachments[0].contentType: expected string, received boolean',
    ],
    ['ConversationSeen', { conversationId: 'c1', accountId: 'a', userId: 'u', at: 'yesterday' }, 'ConversationSeen.data.at: Invalid ISO datetime'],
    ['ReplyDeliveryStarted', { conversationId: 'c1', accountId: 'a', messageId: 'm', attempt: 0, startedAt: '2026-11-24T10:00:01.000Z', leaseUntil: '2026-11-24T10:03:01.000Z' }, 'ReplyDeliveryStarted.data.attempt: Too small: expected number to be >0'],
    ['EmailChannelEnabled', { accountId: 'a', previousHash: null, because: 'cron' }, 'EmailChannelEnabled.data.because: Invalid option: expected one of "account_opened"|"admin"'],
    ['UserRoleChanged', { userId: 'u', from: 'agent', to: 'root' }, 'UserRoleChanged.data.to: Invalid option: expected one of "primary_admin"|"admin"|"agent"|"auditor"'],
    ['UserSignatureChanged', { userId: 'u', signature: null }, 'UserSignatureChanged.data.signature: expected string, received null'],
    ['UserLanguageChosen', { userId: 'u', language: 'fr' }, 'UserLanguageChosen.data.language: Invalid option: expected one of "en"|"de"'],
    ['UserMailQueued', { mailId: 'm', accountId: 'a', key: 'k', to: { name: 'Ann\r\nBcc: x@y.z', address: 'ann@example.com' }, subject: 's', text: 't', queuedAt: '2026-12-07T10:00:00.000Z' }, 'UserMailQueued.data.to.name: no line breaks or control characters'],
    ['InvitationResent', { invitationId: 'i', resentBy: 'u', tokenHash: 'secret-token', send: 2, resentAt: '2026-11-24T10:00:01.000Z', expiresAt: '2026-12-01T10:00:01.000Z' }, 'InvitationResent.data.tokenHash: expected a SHA-256 hex digest'],
    ['ChannelSignatureChanged', { accountId: 'a', previousHash: null }, 'ChannelSignatureChanged.data.signature: expected string, received undefined'],
  ])('%s refuses a wrong field with its path', (type, data, message) => {
    expect(violation(type, data)).toBe(message);
  });
});

describe('the upcasters', () => {
  it.each(brokenAttachments.map((attachment) => [attachment]))('repair an InboundMailAccepted whose attachment earlier builds stored broken (%j)', (attachment) => {
    const old = stored('InboundMailAccepted', accepted({ ...parsedMail(), attachments: [attachment] }));
    const current = eventContracts.upcast(old);
    expect(violation(current.type, current.data)).toBeNull();
    const [repaired] = (current.data as { mail: ParsedMail }).mail.attachments;
    expect(repaired.contentType).toBe('application/octet-stream');
    expect(repaired.hash).toBe(HASH);
    expect(Number.isInteger(repaired.size) && repaired.size >= 0).toBe(true);
    expect(repaired.filename === null || !/[/\\\u202e]/.test(repaired.filename)).toBe(true);
    expect(repaired.contentId).toBeNull();
  });

  it('repair the other fields mailparser could hand over non-conforming, keeping what conforms', () => {
    const old = stored(
      'InboundMailAccepted',
      accepted({
        ...parsedMail(),
        from: { name: 42, address: 'Carla@Example.COM' },
        to: [{ name: null, address: 'support@acme.inbox.test' }, { name: 'x', address: 'not an address' }],
        sentAt: 'not a date',
        subject: 'two\r\nlines',
        omitted: [{ filename: false, size: null, reason: 'larger than 10 bytes' }],
      }),
    );
    const { mail } = eventContracts.upcast(old).data as { mail: ParsedMail };
    expect(mail).toMatchObject({
      messageId: '<m1@example.com>',
      from: { name: '', address: 'carla@example.com' },
      to: [{ name: '', address: 'support@acme.inbox.test' }],
      sentAt: null,
      subject: 'two lines',
      omitted: [{ filename: null, size: 0, reason: 'larger than 10 bytes' }],
      text: { hash: HASH, size: 5 },
      replyText: 'hello',
      kind: 'mail',
    });
  });

  it('repair a MessageReceived that threading copied from a broken mail', () => {
    const message = { ...inboundMessage('in-1', { kind: 'auto-reply' }), sentAt: 'garbage', attachments: [brokenAttachments[0]] };
    const old = stored('MessageReceived', { conversationId: 'c1', accountId: 'acc-1', message, newParticipants: ['dan@example.com'] });
    const current = eventContracts.upcast(old);
    expect(violation(current.type, current.data)).toBeNull();
    expect(current.data).toMatchObject({
      conversationId: 'c1',
      newParticipants: ['dan@example.com'],
      message: { messageId: 'in-1', kind: 'auto-reply', sentAt: null, receivedAt: '2026-11-24T10:00:00.000Z', attachments: [{ contentType: 'application/octet-stream', size: 0, filename: null }] },
    });
  });

  it('keep fields they do not know yet', () => {
    const old = stored('InboundMailAccepted', accepted({ ...parsedMail(), sentAt: 'garbage', markedByALaterBuild: true }));
    expect((eventContracts.upcast(old).data as { mail: Record<string, unknown> }).mail).toMatchObject({ sentAt: null, markedByALaterBuild: true });
  });

  it('leave conforming events as they are (the same object)', () => {
    const fine = stored('InboundMailAccepted', accepted(parsedMail()));
    expect(eventContracts.upcast(fine)).toBe(fine);
  });
});
