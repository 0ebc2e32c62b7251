import { visitorCodeMail } from './visitor-code-mail';

describe('the chat code mail', () => {
  it("speaks the account's language, with the code in the subject and the text", () => {
    const english = visitorCodeMail('en', '123456', 'Acme', 15);
    expect(english.subject).toBe('123456 is your chat code');
    expect(english.text).toContain('Enter it in the chat with Acme');
    expect(english.text).toContain('It works for 15 minutes.');

    const german = visitorCodeMail('de', '123456', 'Autohaus Berger', 15);
    expect(german.subject).toBe('123456 ist Ihr Chat-Code');
    expect(german.text).toContain('Ihr Code lautet 123456.');
    expect(german.text).toContain('im Chat mit Autohaus Berger');
    expect(german.text).toContain('Er gilt 15 Minuten.');
  });

  it('leaves the account out when it has no name', () => {
    expect(visitorCodeMail('de', '000001', '', 15).text).toContain('Geben Sie ihn im Chat ein,');
  });
});
