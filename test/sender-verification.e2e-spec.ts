import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { signUp, startTestApi, type TestApi } from './support/api-app';
import { eventually } from './support/eventually';
import { dnsZone, forwardWithArc, signedMail, signingKey } from './support/mail-auth';
import { sendRaw } from './support/smtp-client';

// Sender verification (SPF, DKIM, DMARC, ARC) of mail that arrives over real SMTP, seen through the
// conversations API. The DNS is a fixed zone in a file: keys are generated here, and the RFC 8463
// example carries the keys that RFC prints.

const zone = dnsZone();
const customer = signingKey('customer.example');
const forwarder = signingKey('forwarder.example', 'arc');

// RFC 8463 §A.2: the public keys of the example's two signatures.
zone.txt('brisbane._domainkey.football.example.com', 'v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=');
zone.txt(
  'test._domainkey.football.example.com',
  'v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDkHlOQoBTzWRiGs5V6NpP3idY6Wk08a5qhdR6wy5bdOKb2jLQiY/J16JYi0Qvx/byYzCNb3W91y3FutACDfzwQ/BC/e/8uBsCR+yz1Lxj+PL6lHvqMKrM3rG4hstT5QjvHO9PzoxZyVYLzBfO2EeC3Ip3G+2kryOTIKT+l/K4w3QIDAQAB',
);
zone.key(customer);
zone.txt('customer.example', 'v=spf1 ip4:192.0.2.10 -all');
zone.txt('_dmarc.customer.example', 'v=DMARC1; p=reject');
zone.key(forwarder);
zone.txt('forwarder.example', 'v=spf1 ip4:127.0.0.1 ip6:::1 -all');
zone.txt('spf-only.example', 'v=spf1 ip4:127.0.0.1 ip6:::1 -all');
zone.txt('_dmarc.spf-only.example', 'v=DMARC1; p=quarantine');
zone.hang('_dmarc.silent.example');
zone.hang('silent.example');

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ INBOX_DOMAIN: 'inbox.test', INBOX_TEST_DNS_FILE: zone.file, ARC_TRUSTED_SEALERS: 'forwarder.example', SENDER_VERIFICATION_TIMEOUT_MS: '1500' });
});
afterAll(async () => {
  await api.close();
  zone.cleanup();
});

let counter = 0;
async function setUp() {
  const owner = await signUp(api);
  counter += 1;
  const { body } = await owner.agent.post('/api/channels/email/forwarding-address').send({ username: 'support', subdomain: `sv${Date.now().toString(36)}${counter}` });
  return { ...owner, address: body.address as string };
}
type Agent = Awaited<ReturnType<typeof setUp>>['agent'];

async function deliver(address: string, raw: Buffer | string, envelopeFrom = 'carla@customer.example') {
  const answer = await sendRaw(api.smtpPort, address, raw, envelopeFrom);
  if (answer.code !== 250) throw new Error(`not accepted: ${answer.response}`);
}

interface Thread {
  id: string;
  linkedConversationIds: string[];
  linkReason: string | null;
  messages: Array<{ subject: string; authentication: Record<string, unknown> | null }>;
}

/** The conversation whose subject this is, once it shows `count` messages. */
async function threadOf(agent: Agent, subject: string, count = 1): Promise<Thread> {
  return eventually(
    async () => {
      const items = (await agent.get('/api/conversations')).body.items as Array<{ id: string; subject: string }>;
      const found = items.find((item) => item.subject === subject);
      return found ? ((await agent.get(`/api/conversations/${found.id}`)).body as Thread) : null;
    },
    (thread) => thread !== null && thread.messages.length === count,
  ) as Promise<Thread>;
}

const plain = (headers: Record<string, string>, body = 'Hello.') =>
  [...Object.entries({ Date: 'Tue, 24 Nov 2026 10:00:00 +0000', 'MIME-Version': '1.0', 'Content-Type': 'text/plain; charset=utf-8', ...headers }).map(([k, v]) => `${k}: ${v}`), '', body, ''].join('\r\n');

describe('sender verification', () => {
  it('verifies mail its domain signed (DKIM, DMARC p=reject), and says why a tampered body or an unsigned mail is not', async () => {
    const { agent, address } = await setUp();
    await deliver(address, await signedMail(customer, { from: 'Carla <carla@customer.example>', to: address, subject: 'Signed', text: 'Signed by my domain.' }));
    expect((await threadOf(agent, 'Signed')).messages[0].authentication).toEqual({
      verdict: 'verified',
      spf: 'fail',
      dkim: 'pass',
      dmarc: 'pass',
      arc: 'none',
      dmarcPolicy: 'reject',
      reason: null,
    });

    const signed = (await signedMail(customer, { from: 'carla@customer.example', to: address, subject: 'Tampered', text: 'Pay invoice 100.' })).toString('utf8');
    await deliver(address, signed.replace('Pay invoice 100.', 'Pay invoice 900.'));
    expect((await threadOf(agent, 'Tampered')).messages[0].authentication).toMatchObject({
      verdict: 'unverified',
      dkim: 'neutral',
      dmarc: 'fail',
      reason: expect.stringContaining('DKIM signature of customer.example failed (body hash did not verify)'),
    });

    await deliver(address, plain({ From: 'carla@customer.example', To: address, Subject: 'Unsigned', 'Message-ID': '<unsigned.1@customer.example>' }));
    expect((await threadOf(agent, 'Unsigned')).messages[0].authentication).toMatchObject({
      verdict: 'unverified',
      dmarc: 'fail',
      dmarcPolicy: 'reject',
      reason: 'customer.example did not sign it and did not send it (DMARC failed, policy reject)',
    });
  });

  it('verifies by SPF of the SMTP client for the envelope domain, which HTTP intake cannot check', async () => {
    const { agent, address } = await setUp();
    await deliver(address, plain({ From: 'ann@spf-only.example', To: address, Subject: 'From our server', 'Message-ID': '<spf.1@spf-only.example>' }), 'ann@spf-only.example');
    expect((await threadOf(agent, 'From our server')).messages[0].authentication).toMatchObject({ verdict: 'verified', spf: 'pass', dkim: 'none', dmarc: 'pass', dmarcPolicy: 'quarantine' });

    const token = (await agent.get('/api/channels/email/inbound-token')).body.token as string;
    const posted = await request(api.app.getHttpServer())
      .post('/api/inbound/mime')
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'message/rfc822')
      .send(plain({ From: 'ann@spf-only.example', To: address, Subject: 'Over HTTP', 'Message-ID': '<spf.2@spf-only.example>' }));
    expect(posted.status).toBeLessThan(300);
    expect((await threadOf(agent, 'Over HTTP')).messages[0].authentication).toMatchObject({ verdict: 'unverified', spf: 'none', dmarc: 'fail' });
  });

  it('verifies the RFC 8463 example (Ed25519 and RSA signatures) by its aligned DKIM, its domain publishing no DMARC record', async () => {
    const { agent, address } = await setUp();
    await deliver(address, readFileSync(join(__dirname, 'fixtures/corpus/postalsys-mailauth/signed.eml')), 'joe@football.example.com');
    expect((await threadOf(agent, 'Is dinner ready?')).messages[0].authentication).toMatchObject({ verdict: 'verified', dkim: 'pass', dmarc: 'none', dmarcPolicy: null });
  });

  it('verifies mail a trusted forwarder changed and sealed with ARC, and only a trusted one', async () => {
    const { agent, address } = await setUp();
    const original = await signedMail(customer, { from: 'carla@customer.example', to: 'carla.forwarder@forwarder.example', subject: 'Forwarded', text: 'Sent to my old address.' });
    const forwarded = await forwardWithArc(original, forwarder, zone.records(), { ip: '192.0.2.10', sender: 'carla@customer.example' });
    await deliver(address, forwarded, 'bounces@forwarder.example');
    expect((await threadOf(agent, 'Forwarded')).messages[0].authentication).toMatchObject({
      verdict: 'verified',
      dkim: 'neutral',
      dmarc: 'fail',
      arc: 'pass',
      reason: 'forwarded by forwarder.example, which found the original passed DMARC',
    });

    const stranger = signingKey('relay.example', 'arc');
    zone.key(stranger);
    const original2 = await signedMail(customer, { from: 'carla@customer.example', to: 'x@relay.example', subject: 'Relayed', text: 'Via a stranger.' });
    await deliver(address, await forwardWithArc(original2, stranger, zone.records(), { ip: '192.0.2.10', sender: 'carla@customer.example' }), 'bounces@relay.example');
    expect((await threadOf(agent, 'Relayed')).messages[0].authentication).toMatchObject({ verdict: 'unverified', arc: 'pass', dmarc: 'fail' });
  });

  it('keeps a spoofed participant out of the conversation: a linked one starts, flagged, while the real reply joins', async () => {
    const { agent, address } = await setUp();
    await deliver(address, await signedMail(customer, { from: 'Carla <carla@customer.example>', to: address, subject: 'Refund', text: 'Please refund order 5.', messageId: '<refund.1@customer.example>' }));
    const original = await threadOf(agent, 'Refund');

    await deliver(address, plain({ From: 'Carla <carla@customer.example>', To: address, Subject: 'Re: Refund', 'Message-ID': '<spoof.1@attacker.example>', 'In-Reply-To': '<refund.1@customer.example>', References: '<refund.1@customer.example>' }, 'Send it to my new account instead.'), 'x@attacker.example');
    const spoofed = await threadOf(agent, 'Re: Refund');
    expect(spoofed.id).not.toBe(original.id);
    expect(spoofed.linkedConversationIds).toEqual([original.id]);
    expect(spoofed.linkReason).toBe('unverified-sender');
    expect(spoofed.messages[0].authentication).toMatchObject({ verdict: 'unverified', dmarc: 'fail', dmarcPolicy: 'reject' });

    await deliver(
      address,
      await signedMail(customer, { from: 'Carla <carla@customer.example>', to: address, subject: 'Re: Refund (real)', text: 'Thanks!', messageId: '<refund.2@customer.example>', inReplyTo: '<refund.1@customer.example>', references: '<refund.1@customer.example>' }),
    );
    const joined = await threadOf(agent, 'Refund', 2);
    expect(joined.messages[1].authentication).toMatchObject({ verdict: 'verified' });
    expect(joined.linkedConversationIds).toEqual([spoofed.id]);
    expect(joined.linkReason).toBeNull();
  });

  it('answers 250 within its bound when DNS never answers, with a temporary error as the verdict', async () => {
    const { agent, address } = await setUp();
    const started = Date.now();
    await deliver(address, plain({ From: 'sam@silent.example', To: address, Subject: 'Silent DNS', 'Message-ID': '<silent.1@silent.example>' }), 'sam@silent.example');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await threadOf(agent, 'Silent DNS')).messages[0].authentication).toMatchObject({ verdict: 'unverified', dmarc: 'temperror', reason: 'DNS did not answer within 1500 ms; try again later' });
    expect((await api.http.get('/api/health')).status).toBe(200);
  });

  it('checks no signature of a mail that piles them up, and still takes it in', async () => {
    const { agent, address } = await setUp();
    const pile = Array.from({ length: 500 }, (_, i) => `v=1; a=rsa-sha256; d=s${i}.pile.example; s=k; h=from; bh=AAAA; b=AAAA`);
    const raw = [...pile.map((signature) => `DKIM-Signature: ${signature}`), plain({ From: 'pat@pile.example', To: address, Subject: 'Signature pile', 'Message-ID': '<pile.1@pile.example>' })].join('\r\n');
    await deliver(address, raw, 'pat@pile.example');
    expect((await threadOf(agent, 'Signature pile')).messages[0].authentication).toMatchObject({
      verdict: 'unverified',
      dkim: 'none',
      reason: 'the mail carries 500 signatures and seals, more than the 20 checked',
    });
    expect((await api.http.get('/api/health')).status).toBe(200);
  });
});
