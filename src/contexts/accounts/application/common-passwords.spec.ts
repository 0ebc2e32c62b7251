import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fold } from '../domain/password-policy';
import { isCommonPassword } from './common-passwords';

describe('the common password list', () => {
  const entries = readFileSync(join(__dirname, 'common-passwords.txt'), 'utf8').split('\n').filter(Boolean);

  it('holds several thousand passwords long enough to pass the length rule, folded as the policy folds them', () => {
    expect(entries.length).toBeGreaterThan(5000);
    expect(entries.every((entry) => entry.length >= 12 && fold(entry) === entry)).toBe(true);
  });

  it('knows the favourites, and not the passphrase the test suite signs up with', () => {
    for (const favourite of ['password1234', 'qwertyuiop123', '1qaz2wsx3edc', 'iloveyou1234', 'passwort1234', 'football2010']) expect(isCommonPassword(favourite)).toBe(true);
    expect(isCommonPassword(fold('correct horse battery'))).toBe(false);
  });
});
