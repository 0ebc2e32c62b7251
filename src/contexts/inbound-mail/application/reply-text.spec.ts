import { visibleReply } from './reply-text';

describe('the visible part of a reply', () => {
  it('stops at Outlook’s quoted header block, with or without the rule above it', () => {
    expect(visibleReply('Outlook with a reply\n\n\n ------------------------------\n\n*From:* Google [mailto:x@google.com]\n*Sent:* Thursday\n*To:* jow@x.com\n\nold text')).toBe('Outlook with a reply');
    expect(visibleReply('Reply directly above line\n________________________________________\nFrom: CRM [crm@example.com]\nSent: Friday\nTo: John\n\nold')).toBe('Reply directly above line');
    expect(visibleReply('Reply without a line\nFrom: CRM [crm@example.com]\nSent: Friday\n\nold')).toBe('Reply without a line');
    expect(visibleReply('Thanks!\n\n-----Original Message-----\nFrom: Anna\nSent: Monday\n\nold')).toBe('Thanks!');
  });

  it('keeps a From: line that is not a quoted header, and a mail that is only a quote', () => {
    expect(visibleReply('From: the warehouse, nothing yet.\nWill call tomorrow.')).toBe('From: the warehouse, nothing yet.\nWill call tomorrow.');
    expect(visibleReply('From: Anna\nSent: Monday\n\nonly quoted')).toContain('only quoted');
    expect(visibleReply('---------- Forwarded message ----------\nFrom: Some One <foo@bar.com>\nDate: Thu, Jan 28, 2016\n\nThe forwarded text.')).toContain('The forwarded text.');
  });

  it('folds "On … wrote:" quotes and mobile signatures, but keeps a sentence that starts like one', () => {
    expect(visibleReply('Yes please.\n\nOn Mon, 23 Nov 2026, Support wrote:\n> Shall we?')).toBe('Yes please.');
    expect(visibleReply('Yes please.\n\nSent from my iPhone')).toBe('Yes please.');
    expect(visibleReply('Here is another email\n\nSent from my desk, is much easier then my mobile phone.')).toBe(
      'Here is another email\n\nSent from my desk, is much easier then my mobile phone.',
    );
  });

  it('reads a 200 KB line in time that grows with its length (the patterns alone took 23 s on it)', () => {
    const line = `On ${'a '.repeat(100_000)}`;
    const started = performance.now();
    const visible = visibleReply(line);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(visible).toBe(line.trim().slice(0, 20_000));
  });

  it('keeps a long line of the sender whole, and folds a long quoted line with its quote', () => {
    const paragraph = `We ordered ${'twelve chairs and a table, '.repeat(40)}and nothing came.`;
    const quoted = `> ${'old text '.repeat(100)}`;
    expect(visibleReply(`${paragraph}\n\nOn Mon, 23 Nov 2026, Support wrote:\n${quoted}\n> more`)).toBe(paragraph);
  });

  it('never lets what the sender typed stand in for one of their long lines', () => {
    const long = 'word '.repeat(100).trim();
    expect(visibleReply(`${long}\n\uE0000\uE001`)).toBe(`${long}\n0`);
  });
});
