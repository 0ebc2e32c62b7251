import { attachmentDisposition } from './content-disposition';

describe('attachmentDisposition', () => {
  it('gives any name in UTF-8 and an ASCII stand-in a header can carry', () => {
    const header = attachmentDisposition('отчёт 文件 📎.pdf');
    expect(header).toBe(`attachment; filename="_____ __ __.pdf"; filename*=UTF-8''${encodeURIComponent('отчёт 文件 📎.pdf')}`);
    expect(header).toMatch(/^[\x20-\x7e]+$/);
  });

  it('keeps accented Latin names readable in the stand-in', () => {
    expect(attachmentDisposition('Café résumé.docx')).toBe(`attachment; filename="Cafe resume.docx"; filename*=UTF-8''Caf%C3%A9%20r%C3%A9sum%C3%A9.docx`);
  });

  it('lets no quote, line break, path or half of a surrogate pair through', () => {
    const header = attachmentDisposition('a"b\r\nSet-Cookie: x=1/..\\c\ud800.txt');
    expect(header).toBe(`attachment; filename="a'b__Set-Cookie: x=1_.._c_.txt"; filename*=UTF-8''a%22b__Set-Cookie%3A%20x%3D1_.._c%EF%BF%BD.txt`);
  });

  it('names a nameless file by the fallback', () => {
    expect(attachmentDisposition(null, 'm1.eml')).toBe(`attachment; filename="m1.eml"; filename*=UTF-8''m1.eml`);
    expect(attachmentDisposition('  ')).toBe(`attachment; filename="attachment"; filename*=UTF-8''attachment`);
  });
});
