import { sealMailBody, unsealMailBody } from './user-mail-seal';

describe('sealed mail bodies', () => {
  const body = { text: 'Set your password: https://inbox.example.com/reset-password/abc', html: '<p>link</p>' };

  it('hide the text and give it back with the same secret only', () => {
    const sealed = sealMailBody('secret-1', body);
    expect(sealed).not.toContain('reset-password');
    expect(unsealMailBody('secret-1', sealed)).toEqual(body);
    expect(() => unsealMailBody('secret-2', sealed)).toThrow();
  });

  it('refuse an altered seal', () => {
    const sealed = sealMailBody('secret-1', body);
    const [v, iv, tag, data] = sealed.split('.');
    const flipped = Buffer.from(data, 'base64url');
    flipped[0] ^= 1;
    expect(() => unsealMailBody('secret-1', [v, iv, tag, flipped.toString('base64url')].join('.'))).toThrow();
    expect(() => unsealMailBody('secret-1', 'plain text')).toThrow('not a sealed mail body');
  });
});
