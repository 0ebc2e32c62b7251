import { classifyMail, type ClassificationInput } from './classify';

const mail = ({ headers = {}, ...overrides }: Partial<Omit<ClassificationInput, 'headers'>> & { headers?: Record<string, string> } = {}): ClassificationInput => ({
  from: { name: 'Carla', address: 'carla@example.com' },
  subject: 'Hello',
  contentType: 'text/plain',
  messageId: '<m1@example.com>',
  ownDomain: 'inbox.test',
  ...overrides,
  headers: new Map(Object.entries(headers)),
});

describe('classifyMail', () => {
  it('tells a person’s mail from automatic mail', () => {
    expect(classifyMail(mail())).toBe('mail');
    expect(classifyMail(mail({ headers: { 'auto-submitted': 'auto-replied' } }))).toBe('auto-reply');
    expect(classifyMail(mail({ headers: { 'auto-submitted': 'no' } }))).toBe('mail');
    expect(classifyMail(mail({ contentType: 'multipart/report; report-type=delivery-status; boundary=x' }))).toBe('bounce');
    expect(classifyMail(mail({ contentType: 'multipart/report; report-type=disposition-notification' }))).toBe('auto-reply');
  });

  it('recognises a mailbox provider’s abuse report (ARF) as its own kind, not a bounce', () => {
    expect(classifyMail(mail({ contentType: 'multipart/report; report-type=feedback-report; boundary="b"', from: { name: '', address: 'scomp@aol.net' } }))).toBe('feedback-report');
  });

  it('takes our own mail coming back for a loop', () => {
    expect(classifyMail(mail({ messageId: '<r123@inbox.test>' }))).toBe('loop');
    expect(classifyMail(mail({ headers: { 'x-loop': 'help@acme.inbox.test' } }))).toBe('loop');
  });
});
