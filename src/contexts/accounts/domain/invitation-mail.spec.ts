import { composeInvitationMail } from './invitation-mail';

const facts = {
  accountName: 'Acme <Outdoor>',
  inviterName: 'Anna Owner',
  link: 'https://help.acme.test/invite/abc_DEF-123',
  expiresAt: new Date('2026-12-14T15:02:00.000Z'),
  timeZone: 'Europe/Berlin',
};

describe('the invitation mail', () => {
  it('says in English who invites to which account, the link, and when it expires in the account time zone', () => {
    const mail = composeInvitationMail('en', facts);
    expect(mail.subject).toBe('Anna Owner invited you to Acme <Outdoor>');
    expect(mail.text).toContain('https://help.acme.test/invite/abc_DEF-123');
    expect(mail.text).toContain('expires on 14 December 2026 at 16:02 CET');
    expect(mail.html).toContain('Acme &lt;Outdoor&gt;');
    expect(mail.html).toContain('<a href="https://help.acme.test/invite/abc_DEF-123">');
  });

  it('says the same in German', () => {
    const mail = composeInvitationMail('de', facts);
    expect(mail.subject).toBe('Anna Owner hat Sie zu Acme <Outdoor> eingeladen');
    expect(mail.text).toContain('läuft am 14. Dezember 2026 um 16:02 MEZ ab');
  });
});
