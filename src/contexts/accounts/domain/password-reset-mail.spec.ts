import { LANGUAGES } from '../../../shared/domain/language';
import { passwordResetMail } from './password-reset-mail';

describe('password reset mail', () => {
  const link = 'https://help.acme.example/reset-password/abc_DEF-123';

  it.each(LANGUAGES)('in %s, greets the user by name and carries the whole link on a line of its own', (language) => {
    const mail = passwordResetMail(language, 'Anna', link);
    expect(mail.text).toContain('Anna');
    expect(mail.text.split('\n')).toContain(link);
    expect(mail.subject.length).toBeGreaterThan(0);
  });

  it('speaks German to a German user', () => {
    expect(passwordResetMail('de', 'Anna', link)).toMatchObject({ subject: 'Passwort zurücksetzen', text: expect.stringMatching(/^Hallo Anna,/) });
    expect(passwordResetMail('en', 'Anna', link)).toMatchObject({ subject: 'Reset your password', text: expect.stringMatching(/^Hello Anna,/) });
  });
});
