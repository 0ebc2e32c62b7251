import { checkNewPassword } from './password-policy';

const common = new Set(['password1234', 'qwertyuiop123', '1qaz2wsx3edc', 'sonnenschein1', 'iloveyouforever']);
const context = { personal: ['anna.smith@example.com', 'Anna Smith', 'Acme Support'], isCommon: (folded: string) => common.has(folded) };
const refusal = (password: string) => {
  try {
    checkNewPassword('password', password, context);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
};

describe('a new password', () => {
  it.each([
    ['short', 'at least 12 characters'],
    ['aaaaaaaaaaaa', 'over and over'],
    ['abcabcabcabc', 'over and over'],
    ['Password1234', 'most common'],
    ['qwertyuiop123', 'most common'],
    ['1qaz2wsx3edc', 'most common'],
    ['Sonnenschein1', 'most common'],
    ['iloveyou forever', 'most common'],
    ['anna.smith@example.com', 'your email, your name or the account name'],
    ['Anna.Smith2024!', 'your email, your name or the account name'],
    ['AcmeSupport123', 'your email, your name or the account name'],
  ])('refuses %j (%s)', (password, reason) => {
    expect(refusal(password)).toContain(reason);
  });

  it.each(['correct horse battery', 'Tr0ub4dor&3-staple', 'my cat eats lasagne on tuesdays'])('accepts %j', (password) => {
    expect(refusal(password)).toBeNull();
  });
});
