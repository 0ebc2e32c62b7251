import { replySubject, strippedSubject } from './reply-subject';

describe('reply subject', () => {
  it('given a German customer’s chain of AW:, when we reply, then one Re: stands before the subject', () => {
    expect(replySubject('AW: AW: Bremsen quietschen nach Reparatur')).toBe('Re: Bremsen quietschen nach Reparatur');
  });

  it('given a subject without a prefix, then it gets Re:', () => {
    expect(replySubject('Broken zipper')).toBe('Re: Broken zipper');
  });

  it('given our own Re: coming back, then it stays one Re:, never Re: Re:', () => {
    expect(replySubject('Re: Broken zipper')).toBe('Re: Broken zipper');
    expect(replySubject('RE: re: Re:Broken zipper')).toBe('Re: Broken zipper');
  });

  it('recognises the prefixes of localized mail clients, in any case, mixed in one chain', () => {
    expect(replySubject('SV: Faktura 2026-114')).toBe('Re: Faktura 2026-114');
    expect(replySubject('Antw: Levering')).toBe('Re: Levering');
    expect(replySubject('Réf : Commande 42')).toBe('Re: Commande 42');
    expect(replySubject('R: Rif: Ordine')).toBe('Re: Ordine');
    expect(replySubject('VS: Tilaus')).toBe('Re: Tilaus');
    expect(replySubject('Odp: Zamówienie')).toBe('Re: Zamówienie');
    expect(replySubject('aw: Wg: FWD: Fw: Rechnung')).toBe('Re: Rechnung');
    expect(replySubject('回复：订单')).toBe('Re: 订单');
  });

  it('takes counters like Re[2]: and Re(3): with the prefix', () => {
    expect(replySubject('Re[2]: Re(3): Angebot')).toBe('Re: Angebot');
  });

  it('keeps a mailing list tag where it stands and strips the prefixes behind it', () => {
    expect(replySubject('[acme-users] AW: Login broken')).toBe('Re: [acme-users] Login broken');
    expect(replySubject('Re: [acme-users] Login broken')).toBe('Re: [acme-users] Login broken');
  });

  it('leaves words that only begin like a prefix alone', () => {
    expect(replySubject('Return label missing')).toBe('Re: Return label missing');
    expect(replySubject('Reminder: invoice due')).toBe('Re: Reminder: invoice due');
    expect(replySubject('Is it: done?')).toBe('Re: Is it: done?');
    expect(strippedSubject('R2: Droid parts')).toBe('R2: Droid parts');
  });

  it('given an empty subject, or one of prefixes only, then Re: alone', () => {
    expect(replySubject('')).toBe('Re:');
    expect(replySubject('   ')).toBe('Re:');
    expect(replySubject('Re: AW:')).toBe('Re:');
  });

  it('collapses line folding and runs of spaces, and stays one header line of at most 998 characters', () => {
    expect(replySubject('AW:  Bremsen\r\n quietschen')).toBe('Re: Bremsen quietschen');
    const long = replySubject(`AW: ${'x'.repeat(2000)}`);
    expect(long).toHaveLength(998);
    expect(long.startsWith('Re: xxx')).toBe(true);
  });

  it('takes a long chain of prefixes off in time linear in the subject', () => {
    const started = Date.now();
    expect(replySubject(`${'Re: '.repeat(20_000)}Loop`)).toBe('Re: Loop');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
