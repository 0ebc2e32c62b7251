import { cutText } from './mail-bounds';

describe('cutText', () => {
  it('leaves a text within the limit as it is', () => {
    expect(cutText('hello', 5)).toEqual({ value: 'hello', cut: false });
  });

  it('keeps the first characters of a longer text and says it cut', () => {
    expect(cutText('hello world', 5)).toEqual({ value: 'hello', cut: true });
  });

  it('never keeps half of a character outside the basic plane', () => {
    expect(cutText('ab😀cd', 3)).toEqual({ value: 'ab', cut: true });
    expect(cutText('ab😀cd', 4)).toEqual({ value: 'ab😀', cut: true });
  });
});
