import request from 'supertest';
import { plusAddress } from '../src/shared/domain/reply-address';
import { EVENT_STORE, type EventStore } from '../src/shared/event-store/event-store.port';
import { BLOB_STORE, type BlobStore } from '../src/shared/blobs/blob-store';
import { signUp, startTestApi, type TestApi } from './support/api-app';
import { sendRaw, simpleMail } from './support/smtp-client';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ INBOX_DOMAIN: 'inbox.test', MAX_MESSAGE_BYTES: '200000' });
});
afterAll(() => api.close());

let counter = 0;
async function accountWithAddress() {
  const owner = await signUp(api);
  counter += 1;
  const subdomain = `in${Date.now().toString(36)}${counter}`;
  const { body } = await owner.agent.post('/api/channels/email/forwarding-address').send({ username: 'support', subdomain });
  return { ...owner, address: body.address as string };
}

const store = () => api.app.get<EventStore>(EVENT_STORE);

describe('inbound SMTP', () => {
  it('reports SMTP in health', async () => {
    const health = await request(api.app.getHttpServer()).get('/api/health');
    expect(health.body.smtp).toEqual({ up: true, port: api.smtpPort });
  });

  it('accepts mail for a claimed address with 250 only once it is stored, raw bytes kept', async () => {
    const { agent, address } = await accountWithAddress();
    const raw = simpleMail({ to: address, subject: 'Order 1234' });
    const answer = await sendRaw(api.smtpPort, address, raw);
    expect(answer).toMatchObject({ ok: true, code: 250 });
    const id = /stored as (\S+)/.exec(answer.response)?.[1] as string;
    const [accepted] = await store().readStream(`inboundmail-${id}`);
    expect(accepted.type).toBe('InboundMailAccepted');
    expect(accepted.data).toMatchObject({ via: 'smtp', recipients: [address], mail: { subject: 'Order 1234', kind: 'mail', from: { address: 'carla@example.com', name: 'Carla Customer' } } });
    const original = await agent.get(`/api/messages/${id}/raw`);
    expect(original.status).toBe(200);
    expect(original.headers['content-type']).toContain('message/rfc822');
    expect(original.text ?? original.body.toString()).toBe(raw);
  });

  it('routes username+token@ plus-addresses like the bare address', async () => {
    const { address } = await accountWithAddress();
    const plus = plusAddress(address, 'c0ffee');
    expect(await sendRaw(api.smtpPort, plus, simpleMail({ to: plus }))).toMatchObject({ ok: true, code: 250 });
  });

  it('refuses unknown recipients at RCPT TO with 550', async () => {
    const answer = await sendRaw(api.smtpPort, 'nobody@nowhere.inbox.test', simpleMail({ to: 'nobody@nowhere.inbox.test' }));
    expect(answer).toMatchObject({ ok: false, code: 550 });
  });

  it('refuses a message over MAX_MESSAGE_BYTES with 552', async () => {
    const { address } = await accountWithAddress();
    const big = simpleMail({ to: address, body: 'x'.repeat(76).concat('\r\n').repeat(3000) });
    const answer = await sendRaw(api.smtpPort, address, big);
    expect(answer).toMatchObject({ ok: false, code: 552 });
  });

  it('keeps one message when the same mail is delivered twice', async () => {
    const { address } = await accountWithAddress();
    const raw = simpleMail({ to: address, messageId: `<twice.${Date.now()}@example.com>` });
    const first = await sendRaw(api.smtpPort, address, raw);
    const second = await sendRaw(api.smtpPort, address, raw.replace('Hello', 'Hello again'));
    const [firstId, secondId] = [first, second].map((a) => /stored as (\S+)/.exec(a.response)?.[1]);
    expect(secondId).toBe(firstId);
    expect(await store().readStream(`inboundmail-${firstId}`)).toHaveLength(1);
  });

  it('marks mail received while the email channel is off, and still keeps it', async () => {
    const { agent, address } = await accountWithAddress();
    await agent.patch('/api/channels/email').send({ enabled: false });
    const answer = await sendRaw(api.smtpPort, address, simpleMail({ to: address }));
    expect(answer.code).toBe(250);
    const id = /stored as (\S+)/.exec(answer.response)?.[1] as string;
    const [accepted] = await store().readStream(`inboundmail-${id}`);
    expect(accepted.data).toMatchObject({ receivedWhileDisabled: true });
  });
});

describe('POST /api/inbound/mime', () => {
  it('accepts raw MIME with the account inbound token, and refuses without it', async () => {
    const { agent, address } = await accountWithAddress();
    const { body: token } = await agent.get('/api/channels/email/inbound-token');
    expect(token.token).toMatch(/^ibx_[0-9a-f]{32}_[\w-]{32}$/);
    const raw = simpleMail({ to: address, subject: 'Posted by a relay' });

    const anonymous = await request(api.app.getHttpServer()).post('/api/inbound/mime').set('Content-Type', 'message/rfc822').send(raw);
    expect(anonymous.status).toBe(401);
    const forged = await request(api.app.getHttpServer())
      .post('/api/inbound/mime')
      .set('Authorization', `Bearer ${token.token.slice(0, -4)}AAAA`)
      .set('Content-Type', 'message/rfc822')
      .send(raw);
    expect(forged.status).toBe(401);

    const posted = await request(api.app.getHttpServer())
      .post('/api/inbound/mime')
      .set('Authorization', `Bearer ${token.token}`)
      .set('Content-Type', 'message/rfc822')
      .send(raw);
    expect(posted.status).toBe(202);
    expect(posted.body).toMatchObject({ status: 'accepted' });
    const [accepted] = await store().readStream(`inboundmail-${posted.body.inboundId}`);
    expect(accepted.data).toMatchObject({ via: 'http', mail: { subject: 'Posted by a relay' } });
  });

  it('stops accepting the old token once rotated', async () => {
    const { agent, address } = await accountWithAddress();
    const old = (await agent.get('/api/channels/email/inbound-token')).body.token as string;
    const rotated = (await agent.post('/api/channels/email/inbound-token/rotate')).body.token as string;
    expect(rotated).not.toBe(old);
    const post = (token: string) =>
      request(api.app.getHttpServer()).post('/api/inbound/mime').set('Authorization', `Bearer ${token}`).set('Content-Type', 'message/rfc822').send(simpleMail({ to: address }));
    expect((await post(old)).status).toBe(401);
    expect((await post(rotated)).status).toBe(202);
  });

  it('answers 422 naming the body when it is empty', async () => {
    const { agent } = await accountWithAddress();
    const { token } = (await agent.get('/api/channels/email/inbound-token')).body;
    const response = await request(api.app.getHttpServer()).post('/api/inbound/mime').set('Authorization', `Bearer ${token}`).set('Content-Type', 'message/rfc822').send('');
    expect(response.status).toBe(422);
    expect(response.body.field).toBe('body');
  });
});

describe('provider forwarding confirmations', () => {
  it("shows Gmail's forwarding confirmation code and link on the email channel, and makes no conversation of it", async () => {
    const { agent, address } = await accountWithAddress();
    const confirmation = [
      'From: Gmail Team <forwarding-noreply@google.com>',
      `To: ${address}`,
      'Subject: (#123456789) Gmail Forwarding Confirmation - Receive Mail from anna@example.com',
      `Message-ID: <fwd.${Date.now()}@google.com>`,
      'Date: Tue, 24 Nov 2026 10:00:00 +0000',
      'Content-Type: text/plain; charset=UTF-8',
      '',
      `anna@example.com has requested to automatically forward mail to your email address ${address}.`,
      '',
      'Confirmation code: 123456789',
      '',
      'To allow anna@example.com to automatically forward mail to your address, please click the link below to confirm the request:',
      '',
      'https://mail-settings.google.com/mail/vf-%5BANGjdJ9abc%5D-xyz',
      '',
    ].join('\r\n');
    expect((await sendRaw(api.smtpPort, address, confirmation)).code).toBe(250);
    let channels = (await agent.get('/api/channels')).body;
    for (let i = 0; i < 100 && channels.email.providerConfirmations.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      channels = (await agent.get('/api/channels')).body;
    }
    expect(channels.email.providerConfirmations).toEqual([
      { provider: 'gmail', code: '123456789', link: 'https://mail-settings.google.com/mail/vf-%5BANGjdJ9abc%5D-xyz', receivedAt: expect.any(String) },
    ]);
    expect((await agent.get('/api/conversations')).body.items).toEqual([]);
  });
});

describe('what a message carries', () => {
  it('stores attachments and inline images for the account only, and serves sanitized HTML with cid: images resolved', async () => {
    const { agent, address } = await accountWithAddress();
    const pdf = Buffer.from('%PDF-1.4 fake invoice').toString('base64');
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').toString('base64');
    const raw = [
      'From: Carla <carla@example.com>',
      `To: ${address}`,
      'Subject: Invoice attached',
      `Message-ID: <attach.${Date.now()}@example.com>`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="outer"',
      '',
      '--outer',
      'Content-Type: multipart/related; boundary="inner"',
      '',
      '--inner',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p onclick="steal()">See the logo <img src="cid:logo@example.com"> and <img src="https://track.example/p.gif"></p><script>alert(1)</script>',
      '--inner',
      'Content-Type: image/png',
      'Content-ID: <logo@example.com>',
      'Content-Disposition: inline; filename="logo.png"',
      'Content-Transfer-Encoding: base64',
      '',
      png,
      '--inner--',
      '--outer',
      'Content-Type: application/pdf; name="invoice.pdf"',
      'Content-Disposition: attachment; filename="invoice.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      pdf,
      '--outer--',
      '',
    ].join('\r\n');
    expect((await sendRaw(api.smtpPort, address, raw)).code).toBe(250);

    let items: Array<{ id: string }> = [];
    for (let i = 0; i < 100 && items.length === 0; i++) {
      items = (await agent.get('/api/conversations')).body.items;
      if (items.length === 0) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const [message] = (await agent.get(`/api/conversations/${items[0].id}`)).body.messages;
    expect(message.attachments.map((a: { filename: string; contentType: string; inline: boolean }) => [a.filename, a.contentType, a.inline])).toEqual([
      ['logo.png', 'image/png', true],
      ['invoice.pdf', 'application/pdf', false],
    ]);
    const [logo, invoice] = message.attachments as Array<{ id: string; url: string }>;
    expect(message.html).toContain(`<img src="/api/attachments/${logo.id}" />`);
    expect(message.html).toContain('data-remote-src="https://track.example/p.gif"');
    expect(message.html).not.toMatch(/script|onclick|alert/);

    const download = await agent.get(invoice.url).buffer(true);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toContain('application/pdf');
    expect(download.body.toString()).toBe('%PDF-1.4 fake invoice');

    const stranger = await signUp(api);
    expect((await stranger.agent.get(invoice.url)).status).toBe(404);
    expect((await request(api.app.getHttpServer()).get(invoice.url)).status).toBe(401);
  });
});

describe('SMTP limits', () => {
  it('refuses more than 20 simultaneous connections from one address with 421', async () => {
    const { connect } = await import('node:net');
    const banners = await Promise.all(
      Array.from({ length: 21 }, () =>
        new Promise<{ banner: string; socket: import('node:net').Socket }>((resolve) => {
          const socket = connect(api.smtpPort, '127.0.0.1');
          socket.once('data', (data) => resolve({ banner: data.toString(), socket }));
        }),
      ),
    );
    const refused = banners.filter(({ banner }) => banner.startsWith('421'));
    expect(refused).toHaveLength(1);
    expect(banners.filter(({ banner }) => banner.startsWith('220'))).toHaveLength(20);
    for (const { socket } of banners) socket.destroy();
  });
});

describe('ordering of what intake writes', () => {
  it('never lets an accepted mail be seen before the bytes it names are stored', async () => {
    const { address } = await accountWithAddress();
    const blobs = api.app.get<BlobStore>(BLOB_STORE);
    const subscription = store().subscribeToAll({ fromPosition: (await store().headPosition()) ?? 'start' });
    const missing: string[] = [];
    let seen = 0;
    const watching = (async () => {
      for await (const event of subscription) {
        if (event.type !== 'InboundMailAccepted') continue;
        const { raw, mail } = event.data as { raw: { hash: string }; mail: { text: { hash: string } | null } };
        for (const hash of [raw.hash, mail.text?.hash].filter((h): h is string => Boolean(h))) {
          if (!(await blobs.has(hash))) missing.push(hash);
        }
        if (++seen === 40) return;
      }
    })();
    // Eight connections at a time, as a busy MTA would (and under the per-address limit).
    for (let batch = 0; batch < 5; batch++) {
      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, i) => sendRaw(api.smtpPort, address, simpleMail({ to: address, body: `order ${batch}.${i} ${Date.now()}` }))),
      );
      expect(answers.map((a) => a.code)).toEqual(Array(8).fill(250));
    }
    await watching;
    await subscription.stop();
    expect(missing).toEqual([]);
  });
});
