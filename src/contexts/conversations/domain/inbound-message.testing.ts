import type { InboundMessage } from './conversation.decider';

/** A plain mail from Carla to the support address, Cc Dan, for the conversation specs. */
export const inboundMessage = (id: string, overrides: Partial<InboundMessage> = {}): InboundMessage => ({
  messageId: id,
  internetMessageId: `<${id}@example.com>`,
  references: [],
  threadIndex: null,
  from: { name: 'Carla', address: 'carla@example.com' },
  to: [{ name: '', address: 'support@acme.inbox.test' }],
  cc: [{ name: 'Dan', address: 'dan@example.com' }],
  subject: 'Broken zipper',
  sentAt: null,
  receivedAt: '2026-11-24T10:00:00.000Z',
  kind: 'mail',
  text: null,
  html: null,
  replyText: 'hello',
  attachments: [],
  omitted: [],
  receivedWhileDisabled: false,
  ...overrides,
});
