import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { refusalMessage, type ErrorsTranslator } from '../web/lib/refusal-message';
import { submissionError } from '../web/lib/submission-errors';
import { specTranslator } from './support/icu-translator';

// The web app words every refusal of the API itself: each stable code the API can send has a
// sentence in both languages, the field's label goes into it, and an unknown code still names the field.

const catalogue = (language: 'en' | 'de') => JSON.parse(readFileSync(join(__dirname, '..', 'web', 'messages', language, 'errors.json'), 'utf8')) as Record<string, unknown>;
const errorsIn = (language: 'en' | 'de'): ErrorsTranslator => specTranslator(catalogue(language), language);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !/\.(spec|int-spec)\.ts$/.test(path) ? [path] : [];
  });
}

/** Every code the API sends: `'AREA.NAME'` literals in its source, and the plain `NOT_FOUND`. */
const apiCodes = [
  ...new Set(sourceFiles(join(__dirname, '..', 'src')).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/'([A-Z_]+\.[A-Z_]+)'/g)].map((m) => m[1]))),
  'NOT_FOUND',
].sort();

describe('the errors catalogue', () => {
  it.each(['en', 'de'] as const)('has a sentence in %s for every code the API sends', (language) => {
    const t = errorsIn(language);
    expect(apiCodes.length).toBeGreaterThan(80);
    expect(apiCodes.filter((code) => !t.has(`codes.${code}`))).toEqual([]);
  });
});

describe('refusalMessage', () => {
  const en = errorsIn('en');
  const de = errorsIn('de');

  it('given a taken forwarding address, when worded for a German user, then the sentence is German', () => {
    const refusal = { code: 'CHANNEL.ADDRESS_TAKEN', field: 'username', status: 409 };
    expect(refusalMessage(de, refusal)).toBe('Diese Weiterleitungsadresse ist bereits vergeben. Bitte wählen Sie eine andere.');
    expect(refusalMessage(en, refusal)).toBe('This forwarding address is already taken. Please choose another.');
  });

  it('puts the field’s label into the sentence of an invalid input', () => {
    expect(refusalMessage(de, { code: 'INPUT.INVALID', field: 'fromName' })).toBe('„Von-Name“ ist ungültig. Bitte prüfen Sie die Eingabe.');
    expect(refusalMessage(en, { code: 'CHANNEL.TEMPLATE_TOO_LONG', field: 'defaultSubject' })).toBe('“Subject line” is too long. Please shorten it.');
    // A nested field is named by its last part's label.
    expect(refusalMessage(en, { code: 'INPUT.INVALID', field: 'fields.0.label' })).toBe('“Label” is not valid. Please check it.');
  });

  it('fills in the values the answer carries beside the code', () => {
    const refusal = { code: 'CHAT.CODE_INCORRECT', field: 'code', refusal: { statusCode: 422, code: 'CHAT.CODE_INCORRECT', attemptsLeft: 1, message: 'x' } };
    expect(refusalMessage(en, refusal)).toBe('This is not the code we sent you (1 attempt left).');
    expect(refusalMessage(de, { ...refusal, refusal: { attemptsLeft: 3 } })).toBe('Das ist nicht der Code, den wir Ihnen geschickt haben (noch 3 Versuche).');
  });

  it('given a code it does not know, names the field, or falls back by status', () => {
    expect(refusalMessage(en, { code: 'FUTURE.RULE', field: 'email' })).toBe('Please check “Email”.');
    expect(refusalMessage(de, { code: 'FUTURE.RULE', field: 'someField' })).toBe('Bitte prüfen Sie „someField“.');
    expect(refusalMessage(de, { code: 'FUTURE.RULE', status: 403 })).toBe('Ihre Rolle erlaubt das nicht.');
    expect(refusalMessage(en, {})).toBe('This could not be done. Please try again.');
  });

  it('never echoes what a hostile answer puts in its code or field', () => {
    const sentence = refusalMessage(en, { code: '<script>', field: '<img src=x onerror=alert(1)>' });
    expect(sentence).toBe('This could not be done. Please try again.');
    // A sentence that needs a field is not used without one: the general sentence says more.
    expect(refusalMessage(en, { code: 'INPUT.INVALID' })).toBe('This could not be done. Please try again.');
  });
});

describe('submissionError (the hosted form page)', () => {
  it('words a field’s refusal in the visitor’s language, and a forged code generically', () => {
    expect(submissionError('FORMS.FIELD_REQUIRED', 'email', ['email'], errorsIn('de'))).toEqual({ field: 'email', message: 'Bitte füllen Sie dieses Feld aus.' });
    expect(submissionError('ACCOUNTS.INVALID_CREDENTIALS', 'email', ['email'], errorsIn('en'))).toEqual({
      field: null,
      message: 'Your message could not be sent. Please check the form and try again.',
    });
    expect(submissionError(undefined, undefined, [], errorsIn('en'))).toBeNull();
  });
});

describe('refusalMessage for a broken input rule', () => {
  it('words the rule the answer names, with its values, over the generic INPUT.INVALID', () => {
    const refusal = { code: 'INPUT.INVALID', field: 'fields', refusal: { code: 'INPUT.INVALID', rule: 'form_one_email_field', found: 0 } };
    expect(refusalMessage(errorsIn('en'), refusal)).toBe('A form needs exactly one email field (it has 0): it finds or creates the contact.');
    expect(refusalMessage(errorsIn('de'), { code: 'INPUT.INVALID', field: 'name', refusal: { rule: 'too_long', max: 100 } })).toBe('„Name“ darf höchstens 100 Zeichen lang sein.');
    // The validation pipe's rules name no values.
    expect(refusalMessage(errorsIn('de'), { code: 'INPUT.INVALID', field: 'email', refusal: { rule: 'is_email' } })).toBe(
      '„E-Mail“ muss eine E-Mail-Adresse sein, zum Beispiel anna@example.com.',
    );
    // A rule this version does not know falls back to the code's sentence.
    expect(refusalMessage(errorsIn('en'), { code: 'INPUT.INVALID', field: 'email', refusal: { rule: 'future_rule' } })).toBe('“Email” is not valid. Please check it.');
  });
});
